import WanggeCore

/// The brief's sections read from the other desks: service orders, incident reports with their marks,
/// isolation checks missed since the baseline, and what those desks have due tomorrow. Names of
/// residents are never printed (orders and cases are named by id and room).
extension MeetingBrief {
  /// The desks' sections, in the brief's order (``extraSections`` lists them).
  static let deskSections: [(key: String, build: SectionBuilder)] = [
    ("orders", orders), ("reports", reports), ("isolation", isolation), ("tomorrow-desks", tomorrowDesks),
  ]

  /// How many items the desks' sections read at most (each lists ``listLimit`` of them).
  static let readLimit = 200

  /// Open and overdue service orders.
  @Sendable static func orders(_ ctx: BriefContext) throws -> BriefSection? {
    let f = try ctx.store.orderFigures(for: [ctx.scope.id], at: ctx.now)[ctx.scope.id] ?? OrderFigures()
    let rows = try ctx.store.orders(
      under: ctx.scope.id, at: ctx.now, closedWithin: Span(seconds: 0), limit: readLimit)
    let late = rows.filter { $0.order.state != .closed && $0.order.isOverdue(at: ctx.now) }
    var lines = ["未结 \(f.open) · 待领 \(f.unclaimed) · 超时 \(f.overdue)"]
    for r in late.prefix(listLimit) {
      let due = r.order.activeDeadline.map { " \(InstantFormat.short($0))" } ?? ""
      lines.append(
        "#\(r.order.id) \(r.order.kind.chineseName) \(r.room) \(r.order.state.chineseName)超时\(due)")
    }
    if late.count > listLimit { lines.append("另有 \(late.count - listLimit) 单超时") }
    return BriefSection(key: "orders", title: "工单（未结·超时）", lines: lines)
  }

  /// Reports still open within the window, with their marks (迟报 漏报 瞒报 超时未签收).
  @Sendable static func reports(_ ctx: BriefContext) throws -> BriefSection? {
    let open = try ctx.store.incidents(under: ctx.scope.id, at: ctx.now, window: ctx.window)
      .filter { $0.phase != .closed }.sorted { $0.id < $1.id }
    var lines = open.prefix(listLimit).map { r in
      let marks = r.marks.labels
      return "#\(r.id) \(r.kind.rawValue) \(r.phase == .awaitingAck ? "待签收" : "已签收")"
        + (marks.isEmpty ? "" : " " + marks.joined(separator: " "))
    }
    if open.count > listLimit { lines.append("另有 \(open.count - listLimit) 份") }
    let marked = open.filter { $0.marks.late || $0.marks.missed || $0.marks.concealed }.count
    lines.insert("未结 \(open.count) 份 · 迟报/漏报/瞒报 \(marked) 份", at: 0)
    return BriefSection(key: "reports", title: "事件报告（未结）", lines: lines)
  }

  /// Isolation checks that fell due after the baseline and are still not done.
  @Sendable static func isolation(_ ctx: BriefContext) throws -> BriefSection? {
    let cases = try ctx.store.isolationCases(under: ctx.scope.id, limit: readLimit)
    let missed = cases.filter { c in
      c.status == .active && (c.dueAt.map { $0 > ctx.since.at && $0 < ctx.now } ?? false)
    }
    var lines = missed.prefix(listLimit).map { c in
      "隔离#\(c.id) 应查 \(InstantFormat.short(c.dueAt!))\(c.leader.isEmpty ? "" : "（\(c.leader)）")"
    }
    if missed.count > listLimit { lines.append("另有 \(missed.count - listLimit) 户") }
    lines.insert("基线以来漏查 \(missed.count) 户", at: 0)
    return BriefSection(key: "isolation", title: "隔离漏查（基线以来）", lines: lines)
  }

  /// Tomorrow's deadlines of orders, reports and isolation (the tasks' and decisions' are in `tomorrow`).
  @Sendable static func tomorrowDesks(_ ctx: BriefContext) throws -> BriefSection? {
    let off = Int64(InstantFormat.displayOffsetSeconds)
    let start = Instant(epochSeconds: ((ctx.now.epochSeconds + off) / 86_400 + 1) * 86_400 - off)
    let end = start + Span(seconds: 86_400)
    func tomorrow(_ i: Instant?) -> Bool { i.map { $0 >= start && $0 < end } ?? false }
    var lines: [String] = []
    for r in try ctx.store.orders(
      under: ctx.scope.id, at: ctx.now, closedWithin: Span(seconds: 0), limit: readLimit)
    where r.order.state != .closed && tomorrow(r.order.activeDeadline) {
      lines.append(
        "工单#\(r.order.id) \(r.order.kind.chineseName) \(InstantFormat.short(r.order.activeDeadline!))")
    }
    for r in try ctx.store.incidents(under: ctx.scope.id, at: ctx.now, window: ctx.window)
    where r.phase == .awaitingAck && tomorrow(r.ackDue) {
      lines.append("报告#\(r.id) 签收时限 \(InstantFormat.short(r.ackDue!))")
    }
    for c in try ctx.store.isolationCases(under: ctx.scope.id, limit: readLimit) where c.status == .active {
      if tomorrow(c.endsAt) { lines.append("隔离#\(c.id) 期满 \(InstantFormat.short(c.endsAt))") }
    }
    return BriefSection(
      key: "tomorrow-desks", title: "明日到期（工单·报告·隔离）",
      lines: lines.isEmpty ? ["无"] : Array(lines.prefix(listLimit)))
  }
}
