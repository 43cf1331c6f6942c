import WanggeCore

/// One thing under a scope that needs someone now: an overdue acknowledgement or finish to chase, a
/// green channel, a help visit past due, or a deadline falling within the hour.
public struct ActionItem: Sendable, Hashable {
  /// What kind of action; the order is the order of urgency at equal lateness.
  public enum Kind: Int, Sendable, Hashable, Comparable {
    case greenChannel, ackOverdue, finishOverdue, visitOverdue, ackDueSoon, finishDueSoon
    public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    /// Overdue now (the rest falls due soon, or is a green channel).
    public var isOverdue: Bool { self == .ackOverdue || self == .finishOverdue || self == .visitOverdue }
  }
  public var kind: Kind
  /// The task to remind or open (assignments and deadlines).
  public var taskID: Int64?
  /// The task's title, or the help case's needs.
  public var title: String
  /// The unit to open (assignments, help cases).
  public var unitID: Int64?
  /// Compound, building and unit names (and the room, for a help case).
  public var label: [String]
  /// The unit leader, or the helper of a help case.
  public var person: String
  public var squad: String?
  /// Personal data: mask it on screen.
  public var phone: String
  /// Seconds past the deadline (overdue), or left before it (due soon); 0 for a green channel.
  public var seconds: Int64
  /// Units the item stands for (a deadline within the hour counts its pending units).
  public var count: Int
  public init(
    kind: Kind, taskID: Int64?, title: String, unitID: Int64?, label: [String], person: String,
    squad: String? = nil, phone: String = "", seconds: Int64, count: Int = 1
  ) {
    self.kind = kind
    self.taskID = taskID
    self.title = title
    self.unitID = unitID
    self.label = label
    self.person = person
    self.squad = squad
    self.phone = phone
    self.seconds = seconds
    self.count = count
  }

  /// Most urgent first: green channels, then deadlines within the hour (soonest first: lateness that can
  /// still be prevented), then what is overdue by how late.
  public static func urgent(_ a: ActionItem, _ b: ActionItem) -> Bool {
    func rank(_ i: ActionItem) -> Int { i.kind == .greenChannel ? 0 : i.kind.isOverdue ? 2 : 1 }
    if rank(a) != rank(b) { return rank(a) < rank(b) }
    if a.seconds != b.seconds { return rank(a) == 2 ? a.seconds > b.seconds : a.seconds < b.seconds }
    if a.kind != b.kind { return a.kind < b.kind }
    return (a.unitID ?? 0, a.taskID ?? 0) < (b.unitID ?? 0, b.taskID ?? 0)
  }
}

/// The action queue of a scope, most urgent first, with the totals behind it (the list is cut at a limit).
public struct ActionQueue: Sendable, Hashable {
  public var items: [ActionItem]
  /// Acknowledgements and finishes overdue in the scope (the queue lists at most its limit of them).
  public var overdueAssignments: Int
  public init(items: [ActionItem], overdueAssignments: Int) {
    self.items = items
    self.overdueAssignments = overdueAssignments
  }
}

/// The contract reads the action queue is composed of (parts of `Store`, `BoardSource` and `TaskDesk`),
/// so that any engine, or an adapter over one, answers it alike.
public protocol ActionQueueReads {
  func children(of id: Int64) throws -> [Place]
  func figures(for ids: [Int64], at now: Instant, window: Span) throws -> [Int64: PlaceFigures]
  func tasks(in scope: Int64, at now: Instant, window: Span) throws -> [TaskSummary]
  func assignments(of task: Int64, under scope: Int64, at now: Instant, limit: Int) throws
    -> [AssignmentDetail]
  func overdueAssignments(of task: Int64, at now: Instant, limit: Int) throws -> [AssignmentDetail]
  func urgentHelp(under scope: Int64, at now: Instant, green: Int, late: Int) throws -> [HelpCaseRow]
}

/// A board store seen through the reads of the action queue.
struct BoardStoreReads: ActionQueueReads {
  let store: any BoardSource & TaskDesk
  func children(of id: Int64) throws -> [Place] { try store.children(of: id) }
  func figures(for ids: [Int64], at now: Instant, window: Span) throws -> [Int64: PlaceFigures] {
    try store.figures(for: ids, at: now, window: window)
  }
  func tasks(in scope: Int64, at now: Instant, window: Span) throws -> [TaskSummary] {
    try store.tasks(in: scope, at: now, window: window)
  }
  func assignments(of task: Int64, under scope: Int64, at now: Instant, limit: Int) throws
    -> [AssignmentDetail]
  {
    try store.assignments(of: task, under: scope, at: now, limit: limit)
  }
  func overdueAssignments(of task: Int64, at now: Instant, limit: Int) throws -> [AssignmentDetail] {
    try store.overdueAssignments(of: task, at: now, limit: limit)
  }
  func urgentHelp(under scope: Int64, at now: Instant, green: Int, late: Int) throws -> [HelpCaseRow] {
    try store.urgentHelp(under: scope, at: now, green: green, late: late)
  }
}

extension TaskDesk where Self: BoardSource {
  /// What needs someone now under `scope` (see `ActionQueueReads.actionQueue`).
  public func actionQueue(
    under scope: Place, tasks: [TaskSummary], at now: Instant, window: Span, limit: Int,
    leafUnits: Int = 300, dueWithin: Int64 = 3600
  ) throws -> ActionQueue {
    try BoardStoreReads(store: self).actionQueue(
      under: scope, tasks: tasks, at: now, window: window, limit: limit, leafUnits: leafUnits,
      dueWithin: dueWithin)
  }
}

extension ActionQueueReads {
  /// What needs someone now under `scope`, at most `limit` items, most urgent first. Composed from the
  /// contract's bounded reads, so every engine answers alike: the scope's task tallies (deadlines within
  /// the hour), `urgentHelp` (the oldest `limit` green channels and a share of the visits past due, read
  /// along the due index), and overdue assignments found by walking down, most overdue child first, only
  /// through places whose figures show something overdue, reading assignments once a place holds at
  /// most `leafUnits` units — never every unit of a large scope.
  /// `dueWithin` is how close a deadline must be to count as falling due (the board's `amber_within`).
  public func actionQueue(
    under scope: Place, tasks: [TaskSummary], at now: Instant, window: Span, limit: Int,
    leafUnits: Int = 300, dueWithin: Int64 = 3600
  ) throws -> ActionQueue {
    try MemoizedQueueReads(self).composeQueue(
      under: scope, tasks: tasks, at: now, window: window, limit: limit, leafUnits: leafUnits,
      dueWithin: dueWithin)
  }

  /// `actionQueue` on reads that keep what they read (see `MemoizedQueueReads`).
  fileprivate func composeQueue(
    under scope: Place, tasks: [TaskSummary], at now: Instant, window: Span, limit: Int, leafUnits: Int,
    dueWithin: Int64
  ) throws -> ActionQueue {
    var items: [ActionItem] = []
    let soon = dueWithin
    for s in tasks {
      let ackLeft = s.deadlines.ack.since(now).seconds
      let ackPending = s.tally.assigned - s.tally.acknowledged
      if ackLeft >= 0, ackLeft <= soon, ackPending > 0 {
        items.append(
          ActionItem(
            kind: .ackDueSoon, taskID: s.task.id, title: s.task.title, unitID: nil, label: [scope.name],
            person: "", seconds: ackLeft, count: ackPending))
      }
      let finishLeft = s.deadlines.finish.since(now).seconds
      let finishPending = s.tally.assigned - s.tally.finished
      if finishLeft >= 0, finishLeft <= soon, finishPending > 0 {
        items.append(
          ActionItem(
            kind: .finishDueSoon, taskID: s.task.id, title: s.task.title, unitID: nil, label: [scope.name],
            person: "", seconds: finishLeft, count: finishPending))
      }
    }
    let overdueTasks = tasks.filter { $0.acknowledgementsOverdue + $0.finishesOverdue > 0 }
      .sorted { ($0.deadlines.ack, $0.task.id) < ($1.deadlines.ack, $1.task.id) }
    // Each overdue task and the late visits get a share of the list, so that one kind does not hide the rest.
    let share = max(3, limit / (overdueTasks.count + 1))
    var lateVisits = 0
    let scopeFigures = try figures(for: [scope.id], at: now, window: window)[scope.id] ?? PlaceFigures()
    // Green channels and late visits in one bounded read (the scope's rollups say whether there are any).
    let helpRows =
      scopeFigures.greenChannelOpen + scopeFigures.helpOverdue > 0
      ? try urgentHelp(
        under: scope.id, at: now, green: scopeFigures.greenChannelOpen > 0 ? limit : 0,
        late: scopeFigures.helpOverdue > 0 ? share : 0) : []
    for row in helpRows {
      let late = now.since(row.helpCase.dueAt).seconds
      guard row.helpCase.greenChannel || (late > 0 && lateVisits < share) else { continue }
      if !row.helpCase.greenChannel { lateVisits += 1 }
      items.append(
        ActionItem(
          kind: row.helpCase.greenChannel ? .greenChannel : .visitOverdue, taskID: nil,
          title: row.helpCase.needs, unitID: row.unitID, label: row.unitLabel + [row.room],
          person: row.helpCase.helperName, phone: row.phone, seconds: row.helpCase.greenChannel ? 0 : late))
    }
    let total = overdueTasks.reduce(0) { $0 + $1.acknowledgementsOverdue + $1.finishesOverdue }
    if !overdueTasks.isEmpty {
      let units = scopeFigures.units
      for task in overdueTasks {
        if scope.depth == 0 || task.task.scopeID == scope.id {
          // Every assignment of the task lies under the scope: its first overdue ones, read directly.
          items += try overdueAssignments(of: task.task.id, at: now, limit: share).filter(\.state.isOverdue)
            .map { Self.overdueItem($0, of: task) }
          continue
        }
        var found: [ActionItem] = []
        try collectOverdue(
          at: scope.id, units: units, task: task, now: now, window: window, quota: share,
          leafUnits: leafUnits, into: &found)
        items += found
      }
    }
    items.sort(by: ActionItem.urgent)
    // Deadlines within the hour (one per task) and green channels always show; overdue rows fill the rest.
    let kept = items.filter { !$0.kind.isOverdue }
    let overdue = items.filter(\.kind.isOverdue).prefix(max(0, limit - kept.count))
    return ActionQueue(items: (kept + overdue).sorted(by: ActionItem.urgent), overdueAssignments: total)
  }

  /// The queue's row for an overdue assignment of `task`.
  private static func overdueItem(_ a: AssignmentDetail, of task: TaskSummary) -> ActionItem {
    ActionItem(
      kind: a.state == .finishOverdue ? .finishOverdue : .ackOverdue, taskID: task.task.id,
      title: task.task.title, unitID: a.unitID, label: a.unitLabel, person: a.leaderName, squad: a.squad,
      phone: a.leaderPhone, seconds: a.lateBy)
  }

  /// Walks down from `place` through children whose tallies show `task` overdue, until a place small
  /// enough to list its assignments (one read per place visited; stops at `quota` rows).
  private func collectOverdue(
    at place: Int64, units: Int, task: TaskSummary, now: Instant, window: Span, quota: Int,
    leafUnits: Int, into found: inout [ActionItem]
  ) throws {
    guard found.count < quota else { return }
    let children = units <= leafUnits ? [] : try self.children(of: place)
    guard !children.isEmpty else {
      let here = try assignments(of: task.task.id, under: place, at: now, limit: quota - found.count)
        .filter(\.state.isOverdue)
      found += here.map { Self.overdueItem($0, of: task) }
      return
    }
    // Most overdue children first, so that the first place reached usually fills the quota.
    let figures = try self.figures(for: children.map(\.id), at: now, window: window)
    func overdue(_ c: Place) -> Int {
      figures[c.id].map { $0.acknowledgementsOverdue + $0.finishesOverdue } ?? 0
    }
    for child in children.sorted(by: { (overdue($0), $1.id) > (overdue($1), $0.id) }) {
      guard found.count < quota, let f = figures[child.id], f.acknowledgementsOverdue + f.finishesOverdue > 0,
        let mine = try tasks(in: child.id, at: now, window: window).first(where: {
          $0.task.id == task.task.id
        }),
        mine.acknowledgementsOverdue + mine.finishesOverdue > 0
      else { continue }
      try collectOverdue(
        at: child.id, units: f.units, task: task, now: now, window: window, quota: quota,
        leafUnits: leafUnits, into: &found)
    }
  }
}
