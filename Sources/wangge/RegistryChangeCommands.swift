import ArgumentParser
import Foundation
import WanggeCore
import WanggeStore

/// The options every registry change command shares: the store, when, who, and the event's id.
struct RegistryChangeOptions: ParsableArguments {
  @OptionGroup var store: StoreOptions
  @OptionGroup var clock: ClockOption
  @Option(help: "Who makes the change, recorded in the audit (default: the login name).") var `operator`:
    String?
  @Option(help: "The event's id (default: a fresh one); sending the same id again changes nothing.") var id:
    String?

  /// Builds the event from `fields` through the event grammar (so the command and `ingest` accept
  /// the same values), applies it, and prints what it did; a refused change exits 1 with
  /// `--field: problem` and leaves the store unchanged.
  func apply(type: String, _ fields: [String: Any], done: String) throws {
    let now = clock.clock.now()
    var obj = fields
    obj["id"] = id ?? "cli-\(type)-\(UUID().uuidString)"
    obj["type"] = type
    obj["at"] = InstantFormat.iso(now)
    let data = try JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys])
    let event: GridEvent
    switch EventLineParser.parse(Substring(String(decoding: data, as: UTF8.self))) {
    case .success(let e): event = e
    case .failure(let p): fail("--\(p.field): \(p.problem)")
    }
    let s = try store.openForWriting()
    do {
      let summary = try s.ingest([event], recordedAt: now, source: OperatorName.resolve(`operator`))
      if summary.duplicates > 0 {
        print("\(type): event \(event.id) already recorded, nothing changed")
      } else if summary.applied == 0 {
        print("\(type): nothing to change")
      } else {
        print(done)
      }
    } catch StoreError.rejected(let list) {
      fail(list.map { "--\($0.problem.field): \($0.problem.problem)" }.joined(separator: "\n"))
    } catch let e as StoreError {
      fail(e.description)
    }
  }
}

/// Names a household: `--household ID`, or `--unit PATH --room ROOM`.
struct HouseholdOptions: ParsableArguments {
  @Option(help: "The household's id.") var household: Int64?
  @Option(help: "The unit's path (or id), with --room.") var unit: String?
  @Option(help: "The room, with --unit.") var room: String?

  func validate() throws {
    if household == nil, unit == nil || room == nil {
      throw ValidationError("--household: missing; give --household ID, or --unit PATH and --room ROOM")
    }
  }

  var fields: [String: Any] {
    if let household { return ["household": household] }
    return ["unit": unit ?? "", "room": room ?? ""]
  }
}

/// `wangge leader replace`: a unit's leader is replaced (by an existing leader's phone, or a new one).
struct LeaderCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "leader", abstract: "Change a unit's leader.", subcommands: [Replace.self])

  /// `wangge leader replace --unit PATH --name NAME --phone PHONE [--department D]`.
  struct Replace: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Replace a unit's leader (an existing leader by phone, or a new one).")
    @OptionGroup var options: RegistryChangeOptions
    @Option(help: "The unit's path or id.") var unit: String
    @Option(help: "The new leader's name.") var name: String
    @Option(help: "The new leader's phone (an existing leader is found by it).") var phone: String
    @Option(help: "A new leader's department (default: the former leader's).") var department: String?

    func run() throws {
      var f: [String: Any] = ["unit": unit, "name": name, "phone": phone]
      if let department { f["department"] = department }
      try options.apply(type: "leader_replace", f, done: "leader replaced: unit \(unit)")
    }
  }
}

/// `wangge household move-in|move-out|vacant`.
struct HouseholdCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "household", abstract: "Record a household moving in or out, or long-term vacant.",
    subcommands: [MoveIn.self, MoveOut.self, Vacant.self])

  /// A household moves into a room (new, or recorded as vacant).
  struct MoveIn: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "move-in", abstract: "A household moves in.")
    @OptionGroup var options: RegistryChangeOptions
    @Option(help: "The unit's path or id.") var unit: String
    @Option(help: "The room.") var room: String
    @Option(help: "The head of household's name.") var head: String
    @Option(help: "The household's phone.") var phone: String
    @Option(help: "People living there.") var people: Int
    @Option(help: "Flags, comma-separated: elderly_alone, no_smartphone, disabled_chronic, isolation.")
    var flags: String?

    func run() throws {
      var f: [String: Any] = ["unit": unit, "room": room, "head": head, "phone": phone, "people": people]
      if let flags { f["flags"] = flags }
      try options.apply(type: "move_in", f, done: "moved in: room \(room) of \(unit)")
    }
  }

  /// The household moves out (its help case closes).
  struct MoveOut: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "move-out", abstract: "A household moves out.")
    @OptionGroup var options: RegistryChangeOptions
    @OptionGroup var household: HouseholdOptions
    @Option(help: "Why (recorded in the audit).") var reason: String?

    func run() throws {
      var f = household.fields
      if let reason { f["reason"] = reason }
      try options.apply(type: "move_out", f, done: "moved out")
    }
  }

  /// The household becomes long-term vacant (or, with --clear, is lived in again).
  struct Vacant: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Mark a household long-term vacant (长期无人).")
    @OptionGroup var options: RegistryChangeOptions
    @OptionGroup var household: HouseholdOptions
    @Flag(help: "It is lived in again.") var clear = false

    func run() throws {
      var f = household.fields
      f["vacant"] = !clear
      try options.apply(type: "vacant", f, done: clear ? "no longer vacant" : "marked long-term vacant")
    }
  }
}

/// `wangge help-case open|change|close` (`help` is the argument parser's own word).
struct HelpCaseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "help-case", abstract: "Open, change or close a one-to-one help case.",
    subcommands: [Open.self, Change.self, Close.self])

  /// Opens a help case.
  struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open a help case.")
    @OptionGroup var options: RegistryChangeOptions
    @OptionGroup var household: HouseholdOptions
    @Option(help: "How: group, phone, paired, visit.") var mode: String
    @Option(help: "The helper's name.") var helper: String
    @Option(help: "Visit cadence, e.g. 7d, 3天.") var cadence: String
    @Option(help: "What is needed.") var needs: String?
    @Flag(help: "Open the green channel at once.") var green = false

    func run() throws {
      var f = household.fields
      f["mode"] = mode
      f["helper"] = helper
      f["cadence"] = cadence
      f["green"] = green
      if let needs { f["needs"] = needs }
      try options.apply(type: "help_open", f, done: "help case opened")
    }
  }

  /// Changes a help case's helper, cadence or mode.
  struct Change: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Change a help case's helper, cadence or mode.")
    @OptionGroup var options: RegistryChangeOptions
    @OptionGroup var household: HouseholdOptions
    @Option(help: "The new helper's name.") var helper: String?
    @Option(help: "The new visit cadence, e.g. 7d.") var cadence: String?
    @Option(help: "The new mode: group, phone, paired, visit.") var mode: String?

    func run() throws {
      var f = household.fields
      if let helper { f["helper"] = helper }
      if let cadence { f["cadence"] = cadence }
      if let mode { f["mode"] = mode }
      try options.apply(type: "help_change", f, done: "help case changed")
    }
  }

  /// Closes a help case.
  struct Close: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Close a help case, with the reason.")
    @OptionGroup var options: RegistryChangeOptions
    @OptionGroup var household: HouseholdOptions
    @Option(help: "Why it closes (recorded in the audit).") var reason: String

    func run() throws {
      var f = household.fields
      f["reason"] = reason
      try options.apply(type: "help_close", f, done: "help case closed")
    }
  }
}
