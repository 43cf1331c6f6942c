import Foundation
import WanggeCore
import WanggeStore

/// The JSON shape of `wangge report --json` (documented in the README).
enum ReportJSON {
  static func object(_ r: PlaceReport, tasks: [TaskSummary] = []) -> [String: Any] {
    var scope = line(r.scope)
    scope["level"] = r.levelName
    return [
      "scope": scope,
      "at": InstantFormat.iso(r.at),
      "window_hours": r.window.seconds / 3600,
      "tasks_in_window": r.tasksInWindow,
      "levels": r.levelCounts.map { ["level": $0.name, "count": $0.count] },
      "totals": figures(r.scope.figures),
      "children": r.children.map { line($0).merging(["figures": figures($0.figures)]) { a, _ in a } },
      "tasks": tasks.map { t in
        [
          "id": t.task.id, "type": t.task.type.rawValue, "title": t.task.title,
          "assignments": t.tally.assigned,
          "acknowledged": t.tally.acknowledged, "finished": t.tally.finished,
          "acknowledgements_overdue": t.acknowledgementsOverdue, "finishes_overdue": t.finishesOverdue,
          "escalation": t.escalation.code, "reminders": t.reminders,
        ] as [String: Any]
      },
    ]
  }

  static func line(_ l: PlaceReport.Line) -> [String: Any] {
    ["id": l.place.id, "name": l.place.name, "path": l.path.description, "station": l.place.hasStation]
  }

  static func figures(_ f: PlaceFigures) -> [String: Any] {
    func rate(_ r: Double?) -> Any { r.map { ($0 * 10000).rounded() / 10000 } ?? NSNull() }
    return [
      "households": f.households, "people": f.people, "units": f.units, "unit_leaders": f.unitLeaders,
      "stations": f.stations, "assigned": f.assigned, "acknowledged_on_time": f.acknowledgedOnTime,
      "acknowledged_late": f.acknowledgedLate, "acknowledgements_overdue": f.acknowledgementsOverdue,
      "finished_on_time": f.finishedOnTime, "finished_late": f.finishedLate,
      "finishes_overdue": f.finishesOverdue,
      "response_rate": rate(f.responseRate), "completion_rate": rate(f.completionRate),
      "groups_built": f.groupsBuilt, "households_reached": f.householdsReached,
      "reached_in_group": f.reachedInGroup, "reached_by_phone": f.reachedByPhone,
      "coverage_rate": rate(f.coverageRate), "help_cases": f.helpCases, "help_overdue": f.helpOverdue,
      "green_channel_open": f.greenChannelOpen,
    ]
  }

  static func text(_ r: PlaceReport, tasks: [TaskSummary] = []) -> String {
    let d = try! JSONSerialization.data(
      withJSONObject: object(r, tasks: tasks), options: [.prettyPrinted, .sortedKeys])
    return terminalSafeJSON(String(decoding: d, as: UTF8.self))
  }
}
