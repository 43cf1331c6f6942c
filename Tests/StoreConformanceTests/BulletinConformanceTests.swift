import Foundation
import Testing
import WanggeCore
import WanggeStore

/// The weekly bulletin's tables (children, stations, departments, squads): the ranking with its change
/// arrow, and per engine the tables agree with the task tallies and with last week's bulletin.
@Suite struct BulletinConformanceTests {
  let now = ConformanceEngine.anchor

  func figures(assigned: Int, onTime: Int) -> PlaceFigures {
    var f = PlaceFigures()
    f.assigned = assigned
    f.acknowledgedOnTime = onTime
    return f
  }

  @Test func aStationThatGoesFromThirdToFirstShowsUpTwo() {
    let last = [
      WeeklyBulletin.Candidate(key: "1", name: "甲站", figures: figures(assigned: 10, onTime: 9)),
      WeeklyBulletin.Candidate(key: "2", name: "乙站", figures: figures(assigned: 10, onTime: 8)),
      WeeklyBulletin.Candidate(key: "3", name: "丙站", figures: figures(assigned: 10, onTime: 7)),
    ]
    let this = [
      WeeklyBulletin.Candidate(key: "1", name: "甲站", figures: figures(assigned: 10, onTime: 8)),
      WeeklyBulletin.Candidate(key: "2", name: "乙站", figures: figures(assigned: 10, onTime: 9)),
      WeeklyBulletin.Candidate(key: "3", name: "丙站", figures: figures(assigned: 10, onTime: 10)),
      WeeklyBulletin.Candidate(key: "4", name: "丁站", figures: figures(assigned: 10, onTime: 1)),
    ]
    let ranked = WeeklyBulletin.ranking(this: this, last: last)
    #expect(ranked.map(\.name) == ["丙站", "乙站", "甲站", "丁站"])
    #expect(ranked.map(\.rank) == [1, 2, 3, 4])
    #expect(ranked.map { WeeklyBulletin.arrow($0.climbed) } == ["↑2", "—", "↓2", "新"])
    let table = WeeklyBulletin.Table(level: .stations, entries: ranked, rowsCommand: "")
    #expect(table.best?.name == "丙站")
    #expect(table.worst?.name == "丁站")
  }

  @Test func aRowWithNothingAssignedLastWeekIsNewAndIsNeverTheWorst() {
    let last = [WeeklyBulletin.Candidate(key: "1", name: "甲", figures: PlaceFigures())]
    let this = [
      WeeklyBulletin.Candidate(key: "1", name: "甲", figures: figures(assigned: 4, onTime: 1)),
      WeeklyBulletin.Candidate(key: "2", name: "乙", figures: PlaceFigures()),
    ]
    let ranked = WeeklyBulletin.ranking(this: this, last: last)
    #expect(ranked.map(\.climbed) == [nil, nil])
    let table = WeeklyBulletin.Table(level: .departments, entries: ranked, rowsCommand: "")
    #expect(table.best?.name == "甲")
    #expect(table.worst == nil, "one row with assignments names no worst")
  }

  /// The week after the demo's: one task, every unit of the demo week's last station acknowledging on
  /// time, which puts that station first with the climb from its rank the week before.
  @Test(arguments: ConformanceEngine.all)
  func theTablesAddUpToTheTaskAndClimbFromLastWeek(engine: ConformanceEngine) throws {
    let store = try engine.store()
    let root = try store.root()
    let w47 = try #require(IsoWeek("2026-W47"))
    let w48 = try #require(IsoWeek("2026-W48"))
    let before = try WeeklyBulletin.make(store: store, scope: root, week: w47, at: now)
    #expect(before.tables.map(\.level) == WeeklyBulletin.Level.allCases)
    let stations47 = try #require(before.tables.first { $0.level == .stations })
    let last = try #require(stations47.entries.last { $0.figures.assigned > 0 })
    #expect(last.rank > 1)
    let issued = w48.start + .hours(25)
    let receipt = try store.dispatch(
      DispatchRequest(scopeID: root.id, type: .notice, title: "周通报测试", operatorName: "测试", issuedAt: issued))
    let units = try store.stationUnits(under: try #require(last.place).id, at: issued, window: .days(1))
    let events = units.map {
      GridEvent(
        id: "bulletin-\($0.unitID)", at: issued + .minutes(5),
        kind: .acknowledged(task: receipt.taskID, unit: .id($0.unitID)))
    }
    _ = try store.ingest(events, recordedAt: issued + .minutes(5))
    let at = issued + .hours(48)
    let b = try WeeklyBulletin.make(store: store, scope: root, week: w48, at: at)
    #expect(b.taskIDs == [receipt.taskID])
    let task = try #require(
      try store.tasks(in: root.id, at: at, window: .days(3)).first { $0.task.id == receipt.taskID })
    for table in b.tables {
      #expect(table.entries.reduce(0) { $0 + $1.figures.assigned } == task.tally.assigned, "\(table.level)")
      #expect(
        table.entries.reduce(0) { $0 + $1.figures.acknowledgedOnTime } == task.tally.acknowledgedOnTime,
        "\(table.level)")
    }
    let stations = try #require(b.tables.first { $0.level == .stations })
    #expect(stations.entries.first?.place?.id == last.place?.id)
    #expect(stations.entries.first?.climbed == last.rank - 1)
    #expect(stations.best?.name == last.name)
    for level in WeeklyBulletin.Level.allCases {
      let now48 = try #require(b.tables.first { $0.level == level })
      let then = try #require(before.tables.first { $0.level == level })
      var rankThen: [String: Int] = [:]
      for e in then.entries where e.figures.assigned > 0 { rankThen[e.name] = e.rank }
      for e in now48.entries {
        #expect(e.climbed == rankThen[e.name].map { $0 - e.rank }, "\(level) \(e.name)")
      }
    }
    let squads = try #require(b.tables.first { $0.level == .squads })
    #expect(squads.entries.contains { $0.name.hasPrefix("公安局·第") })
    let departments = try store.rankings(
      by: .department, task: receipt.taskID, under: root.id, at: at, window: .days(3))
    let byName = Dictionary(uniqueKeysWithValues: departments.map { ($0.name, $0.tally) })
    for e in try #require(b.tables.first { $0.level == .departments }).entries {
      #expect(byName[e.name]?.acknowledgedOnTime == e.figures.acknowledgedOnTime, "\(e.name)")
      #expect(byName[e.name]?.assigned == e.figures.assigned, "\(e.name)")
    }
  }

  /// Below the root the grouped query walks the scope's subtree: a street's department and squad
  /// tables equal the dispatch rankings of that street, task by task summed.
  @Test(arguments: ConformanceEngine.all)
  func aStreetsDepartmentsAndSquadsMatchTheRankingsUnderIt(engine: ConformanceEngine) throws {
    let store = try engine.store()
    let street = try #require(try store.children(of: try store.root().id).last)
    let w47 = try #require(IsoWeek("2026-W47"))
    let b = try WeeklyBulletin.make(
      store: store, scope: street, week: w47, at: now, levels: [.departments, .squads])
    #expect(b.tables.map(\.level) == [.departments, .squads])
    for (level, dimension) in [
      (WeeklyBulletin.Level.departments, RankingDimension.department), (.squads, .squad),
    ] {
      var expected: [String: TaskTally] = [:]
      for id in b.taskIDs {
        for r in try store.rankings(by: dimension, task: id, under: street.id, at: now, window: .days(7)) {
          expected[r.name, default: TaskTally()].add(r.tally)
        }
      }
      let table = try #require(b.tables.first { $0.level == level })
      #expect(!table.entries.isEmpty)
      #expect(table.entries.count == expected.count, "\(level)")
      for e in table.entries {
        let t = try #require(expected[e.name.replacingOccurrences(of: "·", with: "")], "\(e.name)")
        #expect(t.assigned == e.figures.assigned && t.acknowledgedOnTime == e.figures.acknowledgedOnTime)
        #expect(t.finished == e.figures.finishedOnTime + e.figures.finishedLate, "\(e.name)")
      }
    }
  }
}
