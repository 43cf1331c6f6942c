import WanggeCore
import WanggeStore

extension ReportJSON {
  /// Home isolation under the scope at the report's instant, with the share of active cases checked on time.
  struct Isolation: Codable, Hashable {
    var active, dueToday, overdue, releasedToday, released, transferred, lost, returnees, expected,
      symptoms: Int64
    var checkedOnTimeRate: Double
    init(_ f: IsolationFigures) {
      (active, dueToday, overdue, releasedToday) = (f.active, f.dueToday, f.overdue, f.releasedToday)
      (released, transferred, lost, returnees, expected, symptoms) =
        (f.released, f.transferred, f.lost, f.returnees, f.expected, f.symptoms)
      checkedOnTimeRate = f.onTimeRate
    }
  }

  /// A task's screening totals under the scope.
  struct Screening: Codable, Hashable {
    var householdsChecked, returnees, toIsolate, problems: Int64
  }

  /// The report with the isolation figures and each task's screening totals, as pretty JSON.
  static func withScreening(
    _ r: PlaceReport, tasks: [TaskSummary], store: any GridStore, scope: Int64, at now: Instant
  )
    throws -> String
  {
    var j = ReportJSON(r, tasks: tasks)
    j.isolation = Isolation(try store.isolationFigures(at: scope, now: now))
    for i in j.tasks.indices {
      let t = try store.screeningTotals(task: j.tasks[i].id, place: scope)
      j.tasks[i].screening = Screening(
        householdsChecked: t.checked, returnees: t.returnees, toIsolate: t.isolate, problems: t.problems)
    }
    return CommandJSON.text(j, pretty: true)
  }
}
