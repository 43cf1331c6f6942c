import ArgumentParser
import Foundation
import WanggeCore
import WanggeStore

/// Sends one screening event (a fresh id, dated `--at`) and reports what it did.
func sendScreening(
  _ e: ScreeningEvent, store: StoreOptions, clock: ClockOption, operator who: String?, what: String
)
  throws
{
  let s = try store.openForWriting()
  let now = clock.clock.now()
  let event = GridEvent(id: "cli-\(e.typeCode)-\(UUID().uuidString)", at: now, kind: .screening(e))
  do {
    let recorded = max(SystemClock().now(), now)
    let summary = try s.ingest(
      [event], recordedAt: recorded, source: OperatorCheck.name(s, .record, option: who))
    print(summary.applied == 1 ? what : "\(e.typeCode): nothing changed")
  } catch let err as StoreError {
    fail(err.description)
  }
}

/// `wangge isolation`: the home-isolation register (居家隔离): list, check, release, transfer, lost.
struct IsolationCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "isolation", abstract: "The home-isolation register: cases, checks, release.",
    subcommands: [
      IsolationList.self, IsolationOpen.self, IsolationCheck.self, IsolationClose.self,
      IsolationPolicyCommand.self,
    ])
}

/// `wangge isolation list`: active cases under a place, the most overdue first, with days left.
struct IsolationList: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List active cases, most overdue first.")
  @OptionGroup var store: StoreOptions
  @Option(help: "Place (path, name or initials); default: the whole grid.") var place: String?
  @Option(help: "At most this many cases (1–10000).") var limit: Int = 50
  @Flag(help: "JSON Lines, one case a line.") var json = false
  @OptionGroup var clock: ClockOption

  func run() throws {
    guard (1...10_000).contains(limit) else { fail("--limit: give 1 to 10000") }
    let s = try store.openForReading()
    let scope = try place.map { try resolvePlace($0, in: s, option: "--place") } ?? s.root()
    let now = clock.clock.now()
    let f = try s.isolationFigures(at: scope.id, now: now)
    if !json {
      print(
        "隔离中 \(f.active) · 今日待查 \(f.dueToday) · 超时未查 \(f.overdue) · 今日解除 \(f.releasedToday) · 返乡 \(f.returnees) · 待返 \(f.expected)"
      )
    }
    for c in try s.isolationCases(under: scope.id, limit: limit) {
      let due = c.dueAt.map(InstantFormat.iso) ?? "-"
      if json {
        let obj: [String: Any] = [
          "case": c.id, "household": c.household, "unit": c.unit, "risk": c.risk.rawValue,
          "started": InstantFormat.iso(c.startedAt), "ends": LocalDay(c.endsAt).iso, "due": due,
          "overdue": c.overdue(at: now), "days_left": c.daysLeft(at: now), "status": c.status.englishName,
        ]
        let data = try JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
      } else {
        print(
          "\(c.id)\t\(c.overdue(at: now) ? "超时" : "按时")\t下次 \(due)\t剩 \(c.daysLeft(at: now)) 天\t止 \(LocalDay(c.endsAt).iso)\t户 \(c.household)\t\(c.risk.chineseName)"
        )
      }
    }
  }
}

/// `wangge isolation open`: opens a case directly.
struct IsolationOpen: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "open", abstract: "Open a home-isolation case.")
  @OptionGroup var store: StoreOptions
  @Option(help: "Household id.") var household: Int64
  @Option(help: "The person's name.") var name: String
  @Option(help: "high, medium or low (sets the period).") var risk: String = "high"
  @Option(help: "First day, YYYY-MM-DD (default: --at).") var start: String?
  @OptionGroup var clock: ClockOption
  @Option(help: "Who records it.") var `operator`: String?

  func run() throws {
    guard let r = RiskLevel(rawValue: risk) else { fail("--risk: give high, medium or low") }
    var day: LocalDay?
    if let start {
      guard let d = LocalDay(iso: start) else { fail("--start: give a day such as 2026-01-07") }
      day = d
    }
    let name = try cleaned(name, "--name")
    try sendScreening(
      .isolationOpened(household: household, name: name, risk: r, start: day), store: store, clock: clock,
      operator: `operator`, what: "isolation case opened for household \(household)")
  }
}

/// Trims and bounds a name from the command line, or exits naming the option.
func cleaned(_ s: String, _ option: String, max: Int = ScreeningResult.maxNameCharacters) throws -> String {
  do { return try ScreeningResult.clean(s, option, max: max) } catch let p as FieldProblem {
    fail("\(option): \(p.problem)")
  }
}

/// `wangge isolation check`: one check (temperature, symptoms, door seal).
struct IsolationCheck: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "check", abstract: "Record a check of a case.")
  @OptionGroup var store: StoreOptions
  @Option(name: .customLong("case"), help: "Case id (see `wangge isolation list`).") var caseID: Int64
  @Option(help: "Temperature in degrees, e.g. 36.5 (34–43).") var temperature: Double?
  @Flag(help: "Symptoms reported: raises it to the green channel.") var symptoms = false
  @Flag(help: "The door seal was found broken.") var sealBroken = false
  @OptionGroup var clock: ClockOption
  @Option(help: "Who records it.") var `operator`: String?

  func run() throws {
    let tenths = temperature.map { Int(($0 * 10).rounded()) }
    if let t = tenths, !ScreeningEvent.temperatureRange.contains(t) {
      fail("--temperature: give 34.0 to 43.0")
    }
    let e = ScreeningEvent.isolationCheck(
      case: caseID, temperatureTenths: tenths, symptoms: symptoms, sealIntact: !sealBroken)
    try sendScreening(
      e, store: store, clock: clock, operator: `operator`,
      what: "checked case \(caseID)" + (e.reportsSymptom ? "; symptom: green channel opened" : ""))
  }
}

/// `wangge isolation close --as released|transferred|lost`.
struct IsolationClose: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "close",
    abstract: "End a case: released (解除, needs a final check), transferred (转运), lost (失联).",
    aliases: ["release"])
  @OptionGroup var store: StoreOptions
  @Option(name: .customLong("case"), help: "Case id.") var caseID: Int64
  @Option(name: .customLong("as"), help: "released, transferred or lost.") var status: String = "released"
  @Option(help: "A short note.") var note: String?
  @OptionGroup var clock: ClockOption
  @Option(help: "Who records it.") var `operator`: String?

  func run() throws {
    guard let s = IsolationStatus.allCases.first(where: { $0.englishName == status }), s != .active else {
      fail("--as: give released, transferred or lost")
    }
    let n = try note.map { try cleaned($0, "--note", max: ScreeningResult.maxProblemCharacters) } ?? ""
    try sendScreening(
      .isolationClosed(case: caseID, status: s, note: n), store: store, clock: clock, operator: `operator`,
      what: "case \(caseID): \(s.englishName) (\(s.chineseName))")
  }
}

/// `wangge isolation policy`: shows or sets the days per risk level and checks a day.
struct IsolationPolicyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "policy", abstract: "Show or set the isolation policy.")
  @OptionGroup var store: StoreOptions
  @Option(help: "e.g. high=14,medium=7,low=7,checks=2") var set: String?

  func run() throws {
    if let set {
      guard let p = IsolationPolicy(text: set) else {
        fail("--set: give e.g. high=14,medium=7,low=7,checks=2 (days 1–60, checks 1–24 a day)")
      }
      try store.openForWriting().setIsolationPolicy(p)
    }
    print(try store.openForReading().isolationPolicy().text)
  }
}

/// `wangge arrival`: people announced before they come back, and their arrival.
struct ArrivalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "arrival", abstract: "Expected arrivals (返乡预报) and arrivals.",
    subcommands: [ArrivalExpect.self, ArrivalArrive.self, ArrivalList.self])
}

/// `wangge arrival expect`.
struct ArrivalExpect: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "expect", abstract: "Announce a person's arrival day.")
  @OptionGroup var store: StoreOptions
  @Option(help: "Household id.") var household: Int64
  @Option(help: "The person's name.") var name: String
  @Option(help: "Where from, e.g. 山东临沂.") var from: String
  @Option(help: "Expected day, YYYY-MM-DD.") var day: String
  @Option(help: "high, medium or low.") var risk: String?
  @OptionGroup var clock: ClockOption
  @Option(help: "Who records it.") var `operator`: String?

  func run() throws {
    guard let d = LocalDay(iso: day) else { fail("--day: give a day such as 2026-01-07") }
    let r = try risk.map { v -> RiskLevel in
      guard let r = RiskLevel(rawValue: v) else { fail("--risk: give high, medium or low") }
      return r
    }
    try sendScreening(
      .arrivalExpected(
        household: household, name: try cleaned(name, "--name"),
        from: try cleaned(from, "--from", max: ScreeningResult.maxPlaceCharacters), day: d, risk: r),
      store: store, clock: clock, operator: `operator`, what: "expected on \(d.iso)")
  }
}

/// `wangge arrival arrive`.
struct ArrivalArrive: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "arrive", abstract: "Record an arrival (a returnee).")
  @OptionGroup var store: StoreOptions
  @Option(help: "Household id.") var household: Int64
  @Option(help: "The person's name.") var name: String
  @Option(help: "Where from (needed when not announced).") var from: String?
  @Option(help: "high or medium opens an isolation case.") var risk: String?
  @OptionGroup var clock: ClockOption
  @Option(help: "Who records it.") var `operator`: String?

  func run() throws {
    let r = try risk.map { v -> RiskLevel in
      guard let r = RiskLevel(rawValue: v) else { fail("--risk: give high, medium or low") }
      return r
    }
    try sendScreening(
      .arrived(
        household: household, name: try cleaned(name, "--name"),
        from: try from.map { try cleaned($0, "--from", max: ScreeningResult.maxPlaceCharacters) }, risk: r),
      store: store, clock: clock, operator: `operator`, what: "arrived: household \(household)")
  }
}

/// `wangge arrival list`: the day's expected arrivals under a place.
struct ArrivalList: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: "People expected on a day.")
  @OptionGroup var store: StoreOptions
  @Option(help: "Place (path, name or initials); default: the whole grid.") var place: String?
  @Option(help: "Day, YYYY-MM-DD (default: the day of --at).") var day: String?
  @OptionGroup var clock: ClockOption

  func run() throws {
    let s = try store.openForReading()
    let scope = try place.map { try resolvePlace($0, in: s, option: "--place") } ?? s.root()
    let d =
      try day.map { v -> LocalDay in
        guard let d = LocalDay(iso: v) else { fail("--day: give a day such as 2026-01-07") }
        return d
      } ?? LocalDay(clock.clock.now())
    for a in try s.expectedArrivals(under: scope.id, day: d) {
      print("\(a.day.iso)\t户 \(a.household)\t单元 \(a.unit)\t\(a.risk?.chineseName ?? "-")")
    }
  }
}
