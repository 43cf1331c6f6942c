import TerminalUI
import WanggeCore
import WanggeStore

/// Renders a report as an aligned plain-text table (Chinese columns measured by display width).
enum ReportText {
  static let headers = ["名称", "户数", "单元", "单元长", "响应率", "完成率", "应答超时", "完成超时", "对接率", "帮扶逾期", "绿色通道"]

  static func render(_ r: PlaceReport, tasks: [TaskSummary] = []) -> String {
    var out: [String] = []
    let title = field(r.scope.path.isRoot ? r.scope.place.name : r.scope.path.description)
    out.append(
      "\(title)（\(r.levelName)） 截至 \(InstantFormat.iso(r.at))，统计近 \(r.window.seconds / 86_400) 天任务 \(r.tasksInWindow) 项"
    )
    out.append(r.levelCounts.map { "\(field($0.name)) \($0.count.grouped)" }.joined(separator: " · "))
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
    if !tasks.isEmpty { out.append("任务（响应 / 完成 / 超时 / 升级至）") }
    for t in tasks {
      out.append(
        "  #\(t.task.id) \(t.task.type.chineseName) \(field(t.task.title))  响应 \(t.tally.acknowledged.grouped)/\(t.tally.assigned.grouped)  完成 \(t.tally.finished.grouped)  超时 \(t.acknowledgementsOverdue.grouped)+\(t.finishesOverdue.grouped)  升级至 \(t.escalation.chineseName)"
      )
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

/// Padding by display width (wide CJK = 2 columns), from TerminalUI's East Asian Width table.
enum DisplayText {
  static func width(_ s: String) -> Int { DisplayWidth.of(Sanitiser.line(s)) }
  static func padRight(_ s: String, _ w: Int) -> String {
    TextFit.pad(s, toWidth: max(w, width(s)), alignment: .left)
  }
  static func padLeft(_ s: String, _ w: Int) -> String {
    TextFit.pad(s, toWidth: max(w, width(s)), alignment: .right)
  }
}
