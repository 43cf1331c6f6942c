import WanggeCore
import WanggeStore

/// The JSON shape of `wangge tasks --json` (README → Tasks JSON).
struct TasksJSON: Codable, Hashable {
  var scope: String
  var at: String
  var tasks: [Task]

  /// One task with its deadlines, progress, escalation and reminders.
  struct Task: Codable, Hashable {
    var id: Int64
    var type: String
    var title: String
    var issuedAt: String
    var ackDeadline: String
    var finishDeadline: String
    var assignments: Int
    var acknowledged: Int
    var acknowledgedOnTime: Int
    var finished: Int
    var finishedOnTime: Int
    var acknowledgementsOverdue: Int
    var finishesOverdue: Int
    var escalation: String
    var reminders: Int
  }

  init(scope: String, at now: Instant, _ list: [TaskSummary]) {
    self.scope = scope
    at = InstantFormat.iso(now)
    tasks = list.map { t in
      Task(
        id: t.task.id, type: t.task.type.rawValue, title: t.task.title,
        issuedAt: InstantFormat.iso(t.task.issuedAt),
        ackDeadline: InstantFormat.iso(t.deadlines.ack),
        finishDeadline: InstantFormat.iso(t.deadlines.finish),
        assignments: t.tally.assigned, acknowledged: t.tally.acknowledged,
        acknowledgedOnTime: t.tally.acknowledgedOnTime, finished: t.tally.finished,
        finishedOnTime: t.tally.finishedOnTime, acknowledgementsOverdue: t.acknowledgementsOverdue,
        finishesOverdue: t.finishesOverdue, escalation: t.escalation.code, reminders: t.reminders)
    }
  }
}

/// The JSON shape of `wangge dispatch --json` (README → Dispatch JSON): one line.
struct DispatchJSON: Codable, Hashable {
  var task: Int64
  var assignments: Int
  var unitLeaders: Int
  var households: Int
  var householdsReached: Int
  /// The root's name for the whole grid, else the place's path.
  var scope: String

  init(_ receipt: DispatchReceipt, scope: String) {
    task = receipt.taskID
    assignments = receipt.assignments
    unitLeaders = receipt.fanOut.unitLeaders
    households = receipt.fanOut.households
    householdsReached = receipt.fanOut.householdsReached
    self.scope = scope
  }
}
