import Foundation
import WanggeCore
import WanggeStore

/// The JSON shape of `wangge report --json` (documented in the README → Report JSON).
struct ReportJSON: Codable, Hashable {
  /// The place reported on, with its level's name.
  var scope: Scope
  var at: String
  var windowHours: Int64
  var tasksInWindow: Int
  var levels: [LevelCount]
  var totals: Figures
  var children: [Child]
  var tasks: [Task]
  /// Home isolation under the scope (see ReportJSON+Screening.swift).
  var isolation: Isolation?

  /// A place: id, name, path, whether it has a station.
  struct Scope: Codable, Hashable {
    var id: Int64
    var name: String
    var path: String
    var station: Bool
    var level: String
  }

  /// How many places a level holds under the scope.
  struct LevelCount: Codable, Hashable {
    var level: String
    var count: Int
  }

  /// One child of the scope with its figures.
  struct Child: Codable, Hashable {
    var id: Int64
    var name: String
    var path: String
    var station: Bool
    var figures: Figures
  }

  /// One task in the window, with its progress.
  struct Task: Codable, Hashable {
    var id: Int64
    var type: String
    var title: String
    var assignments: Int
    var acknowledged: Int
    var finished: Int
    var acknowledgementsOverdue: Int
    var finishesOverdue: Int
    var escalation: String
    var reminders: Int
    /// What the task's screening finishes found under the scope.
    var screening: Screening?
  }

  /// A place's figures; rates are `null` when there is nothing to divide by.
  struct Figures: Codable, Hashable {
    var households, people, units, unitLeaders, stations, assigned: Int
    var acknowledgedOnTime, acknowledgedLate, acknowledgementsOverdue: Int
    var finishedOnTime, finishedLate, finishesOverdue: Int
    var responseRate, completionRate: JSONRate
    var groupsBuilt, householdsReached, reachedInGroup, reachedByPhone: Int
    var coverageRate: JSONRate
    var helpCases, helpOverdue, greenChannelOpen: Int

    init(_ f: PlaceFigures) {
      households = f.households
      people = f.people
      units = f.units
      unitLeaders = f.unitLeaders
      stations = f.stations
      assigned = f.assigned
      acknowledgedOnTime = f.acknowledgedOnTime
      acknowledgedLate = f.acknowledgedLate
      acknowledgementsOverdue = f.acknowledgementsOverdue
      finishedOnTime = f.finishedOnTime
      finishedLate = f.finishedLate
      finishesOverdue = f.finishesOverdue
      responseRate = JSONRate(f.responseRate)
      completionRate = JSONRate(f.completionRate)
      groupsBuilt = f.groupsBuilt
      householdsReached = f.householdsReached
      reachedInGroup = f.reachedInGroup
      reachedByPhone = f.reachedByPhone
      coverageRate = JSONRate(f.coverageRate)
      helpCases = f.helpCases
      helpOverdue = f.helpOverdue
      greenChannelOpen = f.greenChannelOpen
    }
  }

  init(_ r: PlaceReport, tasks: [TaskSummary] = []) {
    let s = r.scope
    scope = Scope(
      id: s.place.id, name: s.place.name, path: s.path.description, station: s.place.hasStation,
      level: r.levelName)
    at = InstantFormat.iso(r.at)
    windowHours = r.window.seconds / 3600
    tasksInWindow = r.tasksInWindow
    levels = r.levelCounts.map { LevelCount(level: $0.name, count: $0.count) }
    totals = Figures(s.figures)
    children = r.children.map {
      Child(
        id: $0.place.id, name: $0.place.name, path: $0.path.description, station: $0.place.hasStation,
        figures: Figures($0.figures))
    }
    self.tasks = tasks.map { t in
      Task(
        id: t.task.id, type: t.task.type.rawValue, title: t.task.title, assignments: t.tally.assigned,
        acknowledged: t.tally.acknowledged, finished: t.tally.finished,
        acknowledgementsOverdue: t.acknowledgementsOverdue, finishesOverdue: t.finishesOverdue,
        escalation: t.escalation.code, reminders: t.reminders)
    }
  }

  /// The report as pretty-printed JSON, safe for a terminal.
  static func text(_ r: PlaceReport, tasks: [TaskSummary] = []) -> String {
    CommandJSON.text(ReportJSON(r, tasks: tasks), pretty: true)
  }
}
