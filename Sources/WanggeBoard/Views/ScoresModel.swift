import TerminalUI
import WanggeCore
import WanggeStore

/// The `考核` view: the stations under the place ranked by their score over the last 7 days (README →
/// Reports has the formula), and with `e` on a row what is behind it: each rate's numerator and
/// denominator with its weight, each penalty, and the reports of the station with their times.
enum ScoresModel {
  static let period = Span.days(7)

  static func screen(
    _ store: (any ReportDesk)?, place: Place, at now: Instant, weights: ScoreWeights, explain: Int64?,
    _ t: Words
  ) throws -> Screen {
    guard let store else {
      return Screen(primary: TableModel(title: t("考核", "Scores"), columns: [], rows: []))
    }
    let figures = try store.stationFigures(under: place.id, since: now - period, until: now)
    let scored = figures.map { ($0.key, $0.value, StationScore($0.value, weights: weights)) }
      .sorted { ($0.2.score, $1.0) > ($1.2.score, $0.0) }
    var secondary: [TableModel] = []
    if let id = explain, let f = figures[id] {
      let reports = try store.incidents(under: id, at: now, window: period).filter { $0.stationID == id }
      secondary.append(
        explanation(
          (try? store.place(id: id))?.name ?? "\(id)", StationScore(f, weights: weights), reports, t))
    }
    return Screen(primary: ranking(scored, store: store, t), secondary: secondary)
  }

  static func ranking(_ rows: [(Int64, StationFigures, StationScore)], store: any ReportDesk, _ t: Words)
    -> TableModel
  {
    let c = CellText(t)
    let columns = [
      ModelColumn("#", width: 4, priority: 90),
      ModelColumn(t("指挥部", "Station"), width: 10, alignment: .left, priority: 100, grows: true),
      ModelColumn(t("得分", "Score"), width: 6, priority: 99),
      ModelColumn(t("响应", "Ack"), width: 6, priority: 70),
      ModelColumn(t("完成", "Done"), width: 6, priority: 60),
      ModelColumn(t("对接", "Reach"), width: 6, priority: 50),
      ModelColumn(t("帮扶", "Visits"), width: 6, priority: 40),
      ModelColumn(t("督查", "Spot"), width: 6, priority: 45),
      ModelColumn(t("迟报", "Late"), width: 5, priority: 80),
      ModelColumn(t("漏报", "Missed"), width: 6, priority: 80),
      ModelColumn(t("瞒报", "Hidden"), width: 6, priority: 80),
    ]
    let model = rows.enumerated().map { i, row -> ModelRow in
      let (id, f, s) = row
      let name = (try? store.place(id: id))?.name ?? "\(id)"
      func rate(_ k: String) -> TableCell { c.plainRate(s.parts.first { $0.name == k }?.rate) }
      return ModelRow(
        key: "score\(id)",
        cells: [
          TableCell("\(i + 1)"), TableCell(name), TableCell(String(format: "%.1f", s.score)),
          rate("ack_on_time"),
          rate("finish_on_time"), rate("coverage"), rate("visits_on_time"), rate("spot_check"),
          c.overdue(f.late),
          c.overdue(f.missed), c.overdue(f.concealed),
        ],
        sortKeys: [
          .number(Double(i + 1)), .text(name), .number(s.score),
        ] + s.parts.filter { $0.name != "report_timeliness" }.map { .number($0.rate) } + [
          .number(Double(f.late)), .number(Double(f.missed)), .number(Double(f.concealed)),
        ], drillTo: id)
    }
    return TableModel(
      title: t("考核 · 近 7 天 · e 说明得分", "Scores · last 7 days · e explains"), columns: columns, rows: model,
      emptyText: t("这里没有指挥部", "No station here"))
  }

  static func explanation(_ name: String, _ s: StationScore, _ reports: [IncidentReport], _ t: Words)
    -> TableModel
  {
    let columns = [
      ModelColumn(t("项（权重 / 扣分）", "Item (weight / points)"), width: 14, alignment: .left, priority: 100),
      ModelColumn(t("数 / 标记", "Figure / marks"), width: 12, priority: 95),
    ]
    func clock(_ i: Instant) -> String { String(InstantFormat.short(i).suffix(5)) }
    var rows: [ModelRow] = s.parts.map { p in
      ModelRow(
        key: "part-\(p.name)",
        cells: [
          TableCell("\(p.name) ×\(String(format: "%.0f", p.weight))"),
          TableCell("\(p.numerator)/\(p.denominator)"),
        ],
        sortKeys: [.none, .none])
    }
    rows += s.penalties.map { p in
      ModelRow(
        key: "pen-\(p.name)",
        cells: [TableCell("\(p.name) −\(String(format: "%.0f", p.points))"), TableCell("\(p.count)")],
        sortKeys: [.none, .none])
    }
    rows += reports.map { r in
      ModelRow(
        key: "why-r\(r.id)",
        cells: [
          TableCell("#\(r.id) \(t(r.kind.rawValue, r.kind.code)) \(clock(r.happenedAt))→\(clock(r.filedAt))"),
          TableCell(r.marks.labels.joined(separator: " ")),
        ], sortKeys: [.none, .none])
    }
    return TableModel(
      title: t(
        "\(name) 得分 \(String(format: "%.1f", s.score)) 的依据",
        "Behind \(name)'s \(String(format: "%.1f", s.score))"),
      columns: columns, rows: rows)
  }
}
