import WanggeCore
import WanggeStore

/// Renders a report as an aligned plain-text table (Chinese columns measured by display width).
enum ReportText {
  static let headers = ["名称", "户数", "单元", "单元长", "响应率", "完成率", "应答超时", "完成超时", "对接率", "帮扶逾期", "绿色通道"]

  static func render(_ r: PlaceReport) -> String {
    var out: [String] = []
    let title = r.scope.path.isRoot ? r.scope.place.name : r.scope.path.description
    out.append(
      "\(title)（\(r.levelName)） 截至 \(InstantFormat.iso(r.at))，统计近 \(r.window.seconds / 86_400) 天任务 \(r.tasksInWindow) 项"
    )
    out.append(r.levelCounts.map { "\($0.name) \($0.count.grouped)" }.joined(separator: " · "))
    var rows = [headers]
    for line in r.children { rows.append(cells(line.place.name, line.figures)) }
    rows.append(cells("合计", r.scope.figures))
    let widths = headers.indices.map { c in rows.map { DisplayText.width($0[c]) }.max() ?? 0 }
    for row in rows {
      let cols = row.enumerated().map { c, text in
        c == 0 ? DisplayText.padRight(text, widths[c]) : DisplayText.padLeft(text, widths[c])
      }
      out.append(cols.joined(separator: "  "))
    }
    return out.joined(separator: "\n")
  }

  static func cells(_ name: String, _ f: PlaceFigures) -> [String] {
    func pct(_ r: Double?) -> String { r.map { String(format: "%.1f%%", $0 * 100) } ?? "—" }
    return [
      name, f.households.grouped, f.units.grouped, f.unitLeaders.grouped, pct(f.responseRate),
      pct(f.completionRate),
      f.acknowledgementsOverdue.grouped, f.finishesOverdue.grouped, pct(f.coverageRate),
      f.helpOverdue.grouped,
      f.greenChannelOpen.grouped,
    ]
  }
}

/// Display width for plain-text output (wide CJK = 2 columns).
enum DisplayText {
  static func width(_ s: String) -> Int {
    s.unicodeScalars.reduce(0) { acc, u in
      let v = u.value
      let wide =
        (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
        || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
        || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
      return acc + (wide ? 2 : 1)
    }
  }
  static func padRight(_ s: String, _ w: Int) -> String {
    s + String(repeating: " ", count: max(0, w - width(s)))
  }
  static func padLeft(_ s: String, _ w: Int) -> String {
    String(repeating: " ", count: max(0, w - width(s))) + s
  }
}
