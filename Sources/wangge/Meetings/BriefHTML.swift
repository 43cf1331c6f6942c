import TerminalUI
import WanggeCore
import WanggeStore

/// The meeting brief (and the weekly bulletin) as one A4-printable HTML page with an inline SVG chart.
enum BriefHTML {
  static func escape(_ s: String) -> String {
    var out = ""
    for ch in Sanitiser.line(s) {
      switch ch {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.append(ch)
      }
    }
    return out
  }

  static func page(title: String, body: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="zh-Hans"><head><meta charset="utf-8"><title>\(escape(title))</title>
    <style>
    @page { size: A4; margin: 15mm; }
    body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; font-size: 11pt; max-width: 180mm; margin: auto; color: #111; }
    h1 { font-size: 16pt; border-bottom: 2px solid #333; padding-bottom: 4px; }
    h2 { font-size: 12pt; margin: 14px 0 4px; break-after: avoid; }
    ul { margin: 0; padding-left: 18px; } li { margin: 2px 0; }
    table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #999; padding: 3px 6px; text-align: right; }
    th:first-child, td:first-child, td.name { text-align: left; } .good { color: #1a7f37; } .bad { color: #c62828; }
    section { break-inside: avoid; }
    </style></head><body>
    \(body)
    </body></html>
    """
  }

  /// A line chart of `values` (fractions 0–1, nil: no value) with hour labels, 0–100 % on the axis.
  static func chart(_ values: [Double?], title: String, labels: [String]) -> String {
    let w = 640.0
    let h = 200.0
    let left = 40.0
    let bottom = 24.0
    let n = max(values.count, 2)
    func x(_ i: Int) -> Double { left + (w - left - 10) * Double(i) / Double(n - 1) }
    func y(_ v: Double) -> Double { (h - bottom) - (h - bottom - 10) * min(1, max(0, v)) }
    var points: [String] = []
    var dots = ""
    for (i, v) in values.enumerated() {
      guard let v else { continue }
      points.append("\(fmt(x(i))),\(fmt(y(v)))")
      dots += "<circle cx=\"\(fmt(x(i)))\" cy=\"\(fmt(y(v)))\" r=\"2.5\" fill=\"#1565c0\"/>"
    }
    var axis = ""
    for p in [0.0, 0.5, 1.0] {
      axis +=
        "<line x1=\"\(fmt(left))\" y1=\"\(fmt(y(p)))\" x2=\"\(fmt(w - 10))\" y2=\"\(fmt(y(p)))\" stroke=\"#ccc\"/>"
      axis += "<text x=\"2\" y=\"\(fmt(y(p) + 4))\" font-size=\"10\">\(Int(p * 100))%</text>"
    }
    for (i, l) in labels.enumerated() where i % max(1, labels.count / 8) == 0 {
      axis += "<text x=\"\(fmt(x(i) - 8))\" y=\"\(fmt(h - 6))\" font-size=\"10\">\(escape(l))</text>"
    }
    return """
      <figure><figcaption>\(escape(title))</figcaption>
      <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(w))" height="\(Int(h))" viewBox="0 0 \(Int(w)) \(Int(h))">
      \(axis)<polyline fill="none" stroke="#1565c0" stroke-width="2" points="\(points.joined(separator: " "))"/>\(dots)
      </svg></figure>
      """
  }

  static func fmt(_ v: Double) -> String {
    (v * 10).rounded() / 10 == v.rounded() ? "\(Int(v.rounded()))" : v.formatted1
  }

  static func brief(_ b: MeetingBrief) -> String {
    var body = "<h1>\(escape(BriefText.header(b)))</h1>\n"
    let hours = b.responseByHour.count
    let labels = (0..<hours).map { i -> String in
      let h =
        Int((b.now.epochSeconds + Int64(InstantFormat.displayOffsetSeconds)) % 86_400 / 3600)
        - (hours - 1 - i)
      return "\(h):00"
    }
    body += chart(b.responseByHour, title: "今日按时响应率（整点）", labels: labels) + "\n"
    for s in b.sections {
      body += "<section><h2>\(escape(s.title))</h2><ul>"
      for l in s.lines {
        let cls = l.hasSuffix("✓") ? " class=\"good\"" : l.hasSuffix("✗") ? " class=\"bad\"" : ""
        body += "<li\(cls)>\(escape(l))</li>"
      }
      body += "</ul></section>\n"
    }
    return page(title: BriefText.header(b), body: body)
  }
}
