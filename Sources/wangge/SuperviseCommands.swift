import ArgumentParser
import Foundation
import WanggeCore
import WanggeStore

/// `wangge supervise group|assign|contact|list`: supervision groups (督导组) of supervisors assigned
/// communities with a contact cadence; overdue contacts show like overdue visits.
struct SuperviseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "supervise", abstract: "Supervision groups, their communities and contacts (督导组).",
    subcommands: [SuperviseGroup.self, SuperviseAssign.self, SuperviseContact.self, SuperviseList.self])
}

struct SuperviseGroup: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "group", abstract: "Create a supervision group.")
  @OptionGroup var store: StoreOptions
  @Option(help: "The group's name.") var name: String
  @Option(help: "Supervisors, separated by commas.") var supervisors: String
  @Option(help: "Contact cadence (e.g. 7d).", transform: OptionValue.taskWindow("--cadence")) var cadence:
    Span
  @Option(help: "Operator recorded on an unscoped (SQLite) store.") var `operator`: String?
  @OptionGroup var clock: ClockOption
  func run() throws {
    let s = try store.openForWriting()
    let by = OperatorCheck.name(s, .reassign, option: `operator`)
    do {
      let id = try s.addSupervisionGroup(
        name: name,
        supervisors: supervisors.split(whereSeparator: { $0 == "," || $0 == "，" }).map(String.init),
        cadence: cadence, by: by, at: clock.clock.now())
      print("group \(id) \(field(name))")
    } catch { failOnReportError(error) }
  }
}

struct SuperviseAssign: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "assign", abstract: "Assign places to a group.")
  @OptionGroup var store: StoreOptions
  @Option(help: "The group's id.") var group: Int64
  @Option(help: "A place (repeat for several).") var place: [String]
  @Option(help: "Operator recorded on an unscoped (SQLite) store.") var `operator`: String?
  @OptionGroup var clock: ClockOption
  func run() throws {
    let s = try store.openForWriting()
    let by = OperatorCheck.name(s, .reassign, option: `operator`)
    let ids = try place.map { try resolvePlace($0, in: s, option: "--place").id }
    do {
      try s.assignSupervision(group: group, places: ids, by: by, at: clock.clock.now())
      print("group \(group): \(ids.count) places assigned")
    } catch { failOnReportError(error) }
  }
}

struct SuperviseContact: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "contact",
    abstract: "Record a group's contact with a place (the next is due a cadence later).")
  @OptionGroup var store: StoreOptions
  @Option(help: "The group's id.") var group: Int64
  @Option(help: "The place contacted.") var place: String
  @Option(help: "What they found.") var note = ""
  @Option(help: "Event id (default: a new one).") var id: String?
  @Option(help: "Operator recorded on an unscoped (SQLite) store.") var `operator`: String?
  @OptionGroup var clock: ClockOption
  func run() throws {
    let s = try store.openForWriting()
    let p = try resolvePlace(place, in: s, option: "--place")
    let by = OperatorCheck.name(s, .record, option: `operator`)
    let now = clock.clock.now()
    do {
      try s.recordContact(
        id: id ?? newEventID("contact", at: now), group: group, place: p.id, note: note, by: by, at: now)
      print("group \(group) contacted \(field(p.name)) at \(when(now))")
    } catch { failOnReportError(error) }
  }
}

struct SuperviseList: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "Every group's places with the next contact due, overdue first.")
  @OptionGroup var store: StoreOptions
  @Flag(help: "Print JSON.") var json = false
  @OptionGroup var clock: ClockOption
  func run() throws {
    let s = try store.openForReading()
    let now = clock.clock.now()
    do {
      let rows = try s.supervision(at: now)
      if json { print(CommandJSON.text(rows)); return }
      print("group\tsupervisors\tplace\tlast contact\tdue\tstate")
      for r in rows {
        print(
          "\(field(r.groupName))\t\(field(r.supervisors.joined(separator: ",")))\t"
            + "\(field((try? s.path(of: r.placeID).description) ?? "\(r.placeID)"))\t\(when(r.lastContact))\t"
            + "\(when(r.dueAt))\t\(r.overdue ? "overdue \(now.since(r.dueAt))" : "ok")")
      }
    } catch { failOnReportError(error) }
  }
}
