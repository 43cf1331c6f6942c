import WanggeCore

/// One section of a meeting brief: a title and its lines (each line one fact; renderers wrap them).
public struct BriefSection: Sendable, Hashable {
  /// A stable key (`figures`, `overdue`, `late-leaders`, …) so a format can treat a section apart.
  public var key: String
  public var title: String
  public var lines: [String]
  public init(key: String, title: String, lines: [String]) {
    self.key = key
    self.title = title
    self.lines = lines
  }
}

/// What the brief reads its sections from: the store, the place, the baseline and the instant.
public struct BriefContext: Sendable {
  public var store: any GridStore
  public var scope: Place
  public var scopePath: String
  public var since: Baseline
  public var now: Instant
  public var window: Span
}

/// `wangge brief`: the figures of a place and their change since a baseline, what fell overdue since,
/// late leaders by squad (phones masked), open green channels, tomorrow's deadlines and the meeting's
/// decisions; plus any ``MeetingBrief/extraSections`` other features add (service orders, incident
/// reports, isolation checks: each appends one builder there on merge).
public struct MeetingBrief: Sendable {
  public var scopePath: String
  public var since: Baseline
  public var now: Instant
  /// The scope's figures then and now.
  public var then: PlaceFigures
  public var current: PlaceFigures
  public var sections: [BriefSection]
  /// The scope's on-time response rate at each hour mark of the day so far (for the html chart).
  public var responseByHour: [Double?]

  /// A builder of one section (nil: nothing to say).
  public typealias SectionBuilder = @Sendable (BriefContext) throws -> BriefSection?

  /// The hook for other features: each builder adds a section after the built-in ones, in order.
  /// Merge point for service orders (`orders`), incident reports (`reports`) and isolation checks
  /// (`screening`): append `("orders", { ctx in … })` here.
  public static let extraSections: [(key: String, build: SectionBuilder)] = deskSections

  /// How many late leaders and green channels the brief names at most.
  public static let listLimit = 20

  public static func make(
    store: any GridStore, scope: Place, since: Baseline, at now: Instant, window: Span = .days(7)
  ) throws -> MeetingBrief {
    let path = try store.path(of: scope.id).description
    let ctx = BriefContext(
      store: store, scope: scope, scopePath: path.isEmpty ? scope.name : path, since: since, now: now,
      window: window)
    let figures = try store.scopeFigures(scope, at: now, window: window)
    let ids = [scope.id] + figures.children.map(\.place.id)
    let kept = try store.baselineFigures(since.id, for: ids)
    let then = kept[scope.id] ?? PlaceFigures()
    let tasks = try store.tasks(in: scope.id, at: now, window: window)
    var sections: [BriefSection] = [
      figureSection(then: then, now: figures.scope),
      childSection(figures.children, kept: kept),
      overdueSection(tasks, since: since.at, now: now),
    ]
    let queue = try store.actionQueue(under: scope, tasks: tasks, at: now, window: window, limit: 200)
    sections.append(lateLeaders(queue))
    sections.append(green(queue))
    sections.append(tomorrow(tasks, decisions: try store.decisions(of: scope.id, at: now), now: now))
    sections.append(decisionSection(try store.decisions(of: scope.id, at: now), since: since.at, now: now))
    for extra in extraSections { if let s = try extra.build(ctx) { sections.append(s) } }
    let hoursToday = Int((now.epochSeconds + Int64(InstantFormat.displayOffsetSeconds)) % 86_400 / 3600) + 1
    let history = try store.responseHistory(of: scope.id, at: now, window: window, hours: hoursToday)
    return MeetingBrief(
      scopePath: ctx.scopePath, since: since, now: now, then: then, current: figures.scope,
      sections: sections, responseByHour: history)
  }

  static func number(_ change: FigureChange) -> String {
    guard let now = change.now else { return "—" }
    return change.figure.isRate ? "\((now * 100).formatted1)%" : "\(Int64(now))"
  }

  static func figureSection(then: PlaceFigures, now: PlaceFigures) -> BriefSection {
    let names: [(FigureChange.Figure, String)] = [
      (.responseRate, "按时响应"), (.acknowledgedOnTime, "按时响应数"), (.completionRate, "完成率"),
      (.acknowledgementsOverdue, "响应超时"),
      (.finishesOverdue, "完成超时"), (.helpOverdue, "走访超期"), (.greenChannelOpen, "绿色通道"),
      (.coverageRate, "对接率"),
    ]
    let lines = names.map { fig, name in
      let c = FigureChange(fig, then: FigureChange.value(fig, then), now: FigureChange.value(fig, now))
      let mark = c.verdict == .better ? " ✓" : c.verdict == .worse ? " ✗" : ""
      return "\(name) \(number(c)) (\(c.arrowText.isEmpty ? "—" : c.arrowText))\(mark)"
    }
    return BriefSection(key: "figures", title: "主要数字（较基线）", lines: lines)
  }

  static func childSection(_ children: [(place: Place, figures: PlaceFigures)], kept: [Int64: PlaceFigures])
    -> BriefSection
  {
    let lines = children.compactMap { c -> String? in
      let r = FigureChange(
        .responseRate, then: kept[c.place.id]?.responseRate, now: c.figures.responseRate)
      guard r.now != nil else { return nil }
      let over = c.figures.acknowledgementsOverdue + c.figures.finishesOverdue
      return "\(c.place.name) 响应 \(number(r)) \(r.arrowText) 超时 \(over)"
    }
    return BriefSection(key: "children", title: "下级响应", lines: lines)
  }

  static func overdueSection(_ tasks: [TaskSummary], since: Instant, now: Instant) -> BriefSection {
    var lines: [String] = []
    for t in tasks.sorted(by: { $0.task.id < $1.task.id }) {
      if t.deadlines.ack > since, t.deadlines.ack < now, t.acknowledgementsOverdue > 0 {
        lines.append("#\(t.task.id) \(t.task.title) 响应超时 \(t.acknowledgementsOverdue)")
      }
      if t.deadlines.finish > since, t.deadlines.finish < now, t.finishesOverdue > 0 {
        lines.append("#\(t.task.id) \(t.task.title) 完成超时 \(t.finishesOverdue)")
      }
    }
    return BriefSection(key: "overdue", title: "基线以来新超时", lines: lines.isEmpty ? ["无"] : lines)
  }

  static func lateLeaders(_ q: ActionQueue) -> BriefSection {
    let late = q.items.filter { $0.kind == .ackOverdue || $0.kind == .finishOverdue }
    var bySquad: [String: [String]] = [:]
    for i in late {
      let who = "\(i.person) \(i.phone.isEmpty ? "" : PhoneMask.mask(i.phone))".trimmingSpacesAtEnd
      let squad = i.squad ?? "未分组"
      if !(bySquad[squad]?.contains(who) ?? false) { bySquad[squad, default: []].append(who) }
    }
    // The squads with the most late leaders first; at most `squadLimit` squads, 3 names each.
    let squads = bySquad.keys.sorted { (bySquad[$0]!.count, $1) > (bySquad[$1]!.count, $0) }
    var lines: [String] = []
    for squad in squads.prefix(squadLimit) {
      let people = bySquad[squad]!
      let more = people.count > 3 ? " 等\(people.count)人" : ""
      lines.append("\(squad)：\(people.prefix(3).joined(separator: "、"))\(more)")
    }
    if squads.count > squadLimit { lines.append("另有 \(squads.count - squadLimit) 个小组") }
    if q.overdueAssignments > 0 {
      lines.append("超时共 \(q.overdueAssignments) 个（wangge tasks 查看全部）")
    }
    return BriefSection(key: "late-leaders", title: "超时单元长（按小组）", lines: lines.isEmpty ? ["无"] : lines)
  }

  /// Squads the late-leader section names at most.
  public static let squadLimit = 8

  static func green(_ q: ActionQueue) -> BriefSection {
    let items = q.items.filter { $0.kind == .greenChannel }.prefix(listLimit)
    let lines = items.map { "\($0.label.joined(separator: " ")) \($0.title)".trimmingSpacesAtEnd }
    return BriefSection(key: "green", title: "未关闭绿色通道", lines: lines.isEmpty ? ["无"] : lines)
  }

  static func tomorrow(_ tasks: [TaskSummary], decisions: [Decision], now: Instant) -> BriefSection {
    let off = Int64(InstantFormat.displayOffsetSeconds)
    let today = (now.epochSeconds + off) / 86_400
    let start = Instant(epochSeconds: (today + 1) * 86_400 - off)
    let end = start + Span(seconds: 86_400)
    func inTomorrow(_ i: Instant) -> Bool { i >= start && i < end }
    var lines: [String] = []
    for t in tasks {
      if inTomorrow(t.deadlines.ack) {
        lines.append("#\(t.task.id) \(t.task.title) 响应时限 \(InstantFormat.short(t.deadlines.ack))")
      }
      if inTomorrow(t.deadlines.finish) {
        lines.append("#\(t.task.id) \(t.task.title) 完成时限 \(InstantFormat.short(t.deadlines.finish))")
      }
    }
    for d in decisions where d.state(at: now) != .done {
      if let due = d.due, inTomorrow(due) {
        lines.append("决定#\(d.id) \(d.text)（\(d.owner)）\(InstantFormat.short(due))")
      }
    }
    return BriefSection(key: "tomorrow", title: "明日到期", lines: lines.isEmpty ? ["无"] : lines)
  }

  static func decisionSection(_ all: [Decision], since: Instant, now: Instant) -> BriefSection {
    // The meeting's decisions: those still open at the baseline or recorded since.
    let shown = all.filter { d in d.recordedAt >= since || !(d.doneAt.map { $0 <= since } ?? false) }
    let lines = shown.map { d in
      "#\(d.id) \(d.text)（\(d.owner)\(d.due.map { " · \(InstantFormat.short($0))前" } ?? "")）\(d.stateText(at: now))"
        + (d.linkText.map { " \($0)" } ?? "")
    }
    return BriefSection(key: "decisions", title: "例会决定", lines: lines.isEmpty ? ["无"] : lines)
  }
}

extension String {
  var trimmingSpacesAtEnd: String {
    var s = Substring(self)
    while s.last == " " { s.removeLast() }
    return String(s)
  }
}
