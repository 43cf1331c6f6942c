import TerminalUI
import WanggeCore
import WanggeStore

/// The `隔离` view and the station's lists of the day: isolation cases most overdue first (next check,
/// masked name, risk, days left, responsible person, status) and the people expected today.
enum IsolationModel {
  /// `张*`: the first character, then one `*` per other character (a one-character name: `*`).
  static func masked(_ name: String) -> String {
    name.count <= 1
      ? String(repeating: "*", count: name.count)
      : String(name.prefix(1)) + String(repeating: "*", count: name.count - 1)
  }

  static func status(_ s: IsolationStatus, _ t: Words) -> String {
    switch s {
    case .active: t("在管", "isolated")
    case .released: t("解除", "released")
    case .transferred: t("转运", "transferred")
    case .lost: t("失联", "lost")
    }
  }

  static func risk(_ r: RiskLevel, _ t: Words) -> String {
    switch r {
    case .high: t("高风险", "high")
    case .medium: t("中风险", "medium")
    case .low: t("低风险", "low")
    }
  }

  /// Whole days from `now`'s day (UTC+8) to the end day; 0 on the end day.
  static func daysLeft(_ c: IsolationCaseRow, at now: Instant) -> Int {
    Int(LocalDay(c.endsAt).number - LocalDay(now).number)
  }

  /// The next check: `⚠ 超 2小时` when its window has closed, else `✓ 剩 5小时`.
  static func check(_ c: IsolationCaseRow, at now: Instant, _ t: Words) -> TableCell {
    guard let due = c.dueAt else { return TableCell("—", style: Style(.muted)) }
    let cell = CellText(t)
    let left = due.since(now).seconds
    if left < 0 {
      return TableCell(
        "\(StatusKind.overdue.glyph) " + t("超 ", "late ") + cell.span(-left), style: StatusKind.overdue.style)
    }
    return TableCell("\(StatusKind.onTime.glyph) " + t("剩 ", "in ") + cell.span(left), style: Style(.good))
  }

  static func cases(
    _ rows: [IsolationCaseRow], figures: IsolationFigures, at now: Instant, title: String, _ t: Words
  ) -> TableModel {
    let columns = [
      ModelColumn(t("下次检查", "Next check"), width: 13, alignment: .left, priority: 100),
      ModelColumn(t("姓名", "Name"), width: 6, alignment: .left, priority: 95),
      ModelColumn(t("风险", "Risk"), width: 6, alignment: .left, priority: 70),
      ModelColumn(t("剩余", "Left"), width: 6, priority: 90),
      ModelColumn(t("负责人", "Responsible"), width: 8, alignment: .left, priority: 85, grows: true),
      ModelColumn(t("状态", "Status"), width: 6, alignment: .left, priority: 60),
      ModelColumn(t("解除日", "Ends"), width: 10, alignment: .left, priority: 40),
    ]
    let models = rows.map { c -> ModelRow in
      let left = daysLeft(c, at: now)
      return ModelRow(
        key: "i\(c.id)",
        cells: [
          check(c, at: now, t), TableCell(masked(c.name)), TableCell(risk(c.risk, t)),
          left <= 0
            ? TableCell(t("今日到期", "ends today"), style: Style(.accent))
            : TableCell(t("\(left) 天", "\(left) d")),
          c.leader.isEmpty
            ? TableCell(t("无负责人", "nobody"), style: StatusKind.overdue.style) : TableCell(c.leader),
          TableCell(status(c.status, t)), TableCell(LocalDay(c.endsAt).iso),
        ],
        sortKeys: [
          .number(Double(c.dueAt?.epochSeconds ?? Int64.max / 2)), .text(masked(c.name)),
          .text(c.risk.rawValue),
          .number(Double(left)), .text(c.leader), .number(Double(c.status.rawValue)),
          .number(Double(c.endsAt.epochSeconds)),
        ],
        drillTo: c.unit)
    }
    var note: String?
    if figures.active > Int64(rows.count) {
      note = t(
        "显示前 \(NumberText.grouped(rows.count)) 人，共 \(NumberText.grouped(Int(figures.active))) 人",
        "first \(NumberText.grouped(rows.count)) of \(NumberText.grouped(Int(figures.active)))")
    }
    let summary = t(
      " · 在管 \(NumberText.grouped(Int(figures.active))) · 超时未查 \(NumberText.grouped(Int(figures.overdue)))",
      " · \(NumberText.grouped(Int(figures.active))) isolated · \(NumberText.grouped(Int(figures.overdue))) late"
    )
    return TableModel(
      title: title + summary, columns: columns, rows: models, note: note,
      emptyText: t("没有居家隔离人员", "No one in home isolation"))
  }

  /// The station's checks of the day: active cases whose next check falls before today ends (UTC+8),
  /// overdue ones first.
  static func checksToday(_ rows: [IsolationCaseRow], figures: IsolationFigures, at now: Instant, _ t: Words)
    -> TableModel
  {
    let end = LocalDay(number: LocalDay(now).number + 1).start
    let due = rows.filter { ($0.dueAt ?? end) < end }
    var table = cases(due, figures: figures, at: now, title: t("今日待查", "Checks due today"), t)
    table.title = t("今日待查 · \(due.count)", "Checks due today · \(due.count)")
    table.note = nil
    return table
  }

  /// People announced for today and not yet arrived.
  static func arrivals(_ rows: [ExpectedArrival], _ t: Words) -> TableModel {
    let columns = [
      ModelColumn(t("姓名", "Name"), width: 6, alignment: .left, priority: 100),
      ModelColumn(t("来自", "From"), width: 10, alignment: .left, priority: 90, grows: true),
      ModelColumn(t("风险", "Risk"), width: 6, alignment: .left, priority: 80),
      ModelColumn(t("户", "Household"), width: 8, priority: 40),
    ]
    let models = rows.map { a in
      ModelRow(
        key: "a\(a.household)-\(a.name)",
        cells: [
          TableCell(masked(a.name)), TableCell(a.from), TableCell(a.risk.map { risk($0, t) } ?? "—"),
          TableCell("\(a.household)"),
        ],
        sortKeys: [
          .text(masked(a.name)), .text(a.from), .text(a.risk?.rawValue ?? ""), .number(Double(a.household)),
        ],
        drillTo: a.unit)
    }
    return TableModel(
      title: t("今日预计到达 · \(rows.count)", "Expected today · \(rows.count)"), columns: columns, rows: models,
      emptyText: t("今日无预计到达", "No one expected today"))
  }
}
