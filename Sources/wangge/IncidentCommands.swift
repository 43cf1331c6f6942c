import ArgumentParser
import Foundation
import WanggeCore
import WanggeStore

/// `wangge incident file|ack|pass-up|progress|close|conceal|list|show|counters|commander`: reports up
/// the chain (请示报告) with their windows and the 迟报 / 漏报 / 瞒报 judgements.
struct IncidentCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "incident", abstract: "File and follow incident reports up the chain (请示报告).",
    subcommands: [
      IncidentFile.self, IncidentStep.Ack.self, IncidentStep.PassUp.self, IncidentStep.Progress.self,
      IncidentStep.Close.self, IncidentStep.Conceal.self, IncidentList.self, IncidentShow.self,
      IncidentCounters.self, IncidentCommander.self,
    ])
}

/// Prints one report as text: marks, chain, staleness.
func printIncident(_ r: IncidentReport, store: any GridStore, at now: Instant) {
  let path = (try? store.path(of: r.placeID).description) ?? "place \(r.placeID)"
  let marks = r.marks.labels.isEmpty ? "" : " [" + r.marks.labels.joined(separator: " ") + "]"
  print(
    "report \(r.id) \(r.kind.rawValue) 级别\(r.severity.rawValue)(\(r.severity.name)) \(r.source.rawValue) "
      + "\(field(path))\(r.householdID.map { " household \($0)" } ?? "") \(r.phase.rawValue)\(marks)")
  print(
    "  happened \(when(r.happenedAt)) filed \(when(r.filedAt)) holder \(field((try? store.path(of: r.holderID).description) ?? "place \(r.holderID)"))"
      + (r.ackDue.map { " ack due \(when($0))" } ?? "") + " idle \(now.since(r.lastAt))")
  if !r.commander.isEmpty { print("  commander \(field(r.commander))") }
  if !r.evidence.isEmpty { print("  evidence: \(field(r.evidence))") }
  if let c = r.coveredBy { print("  covered by report \(c)") }
  print("  \(field(r.text))")
  for e in r.chain {
    print(
      "  \(when(e.at)) \(e.step.rawValue) at place \(e.levelID) by \(field(e.operatorName))"
        + (e.late ? (e.step == .filed ? " (迟报: after the allowed delay)" : " (after its window)") : "")
        + (e.note.isEmpty ? "" : ": \(field(e.note))"))
  }
}

struct IncidentFile: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "file", abstract: "File a report; it goes to the level above, which must acknowledge it.")
  @OptionGroup var store: StoreOptions
  @Option(
    help:
      "疑似病例|密接|聚集|突发事件|物资短缺|群众诉求|其他 (or suspected, contact, cluster, emergency, shortage, request, other).")
  var kind: IncidentKind
  @Option(help: "1 (特别重大, highest) … 4 (一般).") var severity: Int
  @Option(help: "Where it happened (a place path, down to a unit).") var place: String
  @Option(help: "A household of that place (its id).") var household: Int64?
  @Option(help: "What happened (1–2000 characters).") var text: String
  @Option(help: "When it happened (ISO 8601).", transform: OptionValue.instant("--happened")) var happened:
    Instant
  @Option(
    help: "station (the station's own report), spotcheck, hotline, isolation or level (learnt another way).")
  var source: IncidentSource = .station
  @Option(help: "The level that files it (default: the station above the place).") var from: String?
  @Option(help: "An incident learnt another way (its report id) that this station report covers.") var covers:
    Int64?
  @Option(help: "Event id (default: a new one); the same id again changes nothing.") var id: String?
  @Option(help: "Operator recorded on an unscoped (SQLite) store (default: the login name).") var `operator`:
    String?
  @OptionGroup var config: ReportConfigOption
  @Flag(help: "Print JSON.") var json = false
  @OptionGroup var clock: ClockOption

  func run() throws {
    guard let sev = IncidentSeverity(rawValue: severity) else { fail("--severity: \(severity) is not 1–4") }
    let rules = config.config.rules
    let s = try store.openForWriting()
    let p = try resolvePlace(place, in: s, option: "--place")
    let fromPlace = try from.map { try resolvePlace($0, in: s, option: "--from") }
    let name = OperatorCheck.name(s, .record, at: p, option: `operator`)
    let now = clock.clock.now()
    do {
      let r = try s.fileIncident(
        IncidentFiling(
          eventID: id ?? newEventID("incident", at: now), kind: kind, severity: sev, placeID: p.id,
          householdID: household, text: text, happenedAt: happened, filedAt: now, operatorName: name,
          source: source,
          fromID: fromPlace?.id, covers: covers), rules: rules)
      if json { print(CommandJSON.text(r)) } else { printIncident(r, store: s, at: now) }
    } catch { failOnReportError(error) }
  }
}

/// The later steps: each names the report and records an event with its id and time.
enum IncidentStep {
  struct Common: ParsableArguments {
    @OptionGroup var store: StoreOptions
    @Option(help: "The report's id (wangge incident list shows them).") var report: Int64
    @Option(help: "Event id (default: a new one); the same id again changes nothing.") var id: String?
    @Option(help: "Operator recorded on an unscoped (SQLite) store (default: the login name).")
    var `operator`: String?
    @OptionGroup var config: ReportConfigOption
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var clock: ClockOption

    func run(_ step: ReportStep, note: String = "", action: OperatorAction = .record) {
      let rules = config.config.rules
      do {
        let s = try store.openForWriting()
        guard let current = try s.incident(id: report, at: clock.clock.now()) else {
          throw ReportDeskError.unknownReport(report)
        }
        let place = try s.place(id: step == .concealed ? current.placeID : current.holderID)
        let name = OperatorCheck.name(s, action, at: place, option: `operator`)
        let now = clock.clock.now()
        let r = try s.reportStep(
          ReportStepRequest(
            eventID: id ?? newEventID(step.rawValue, at: now), reportID: report, step: step, note: note,
            at: now,
            operatorName: name), rules: rules)
        if json { print(CommandJSON.text(r)) } else { printIncident(r, store: s, at: now) }
      } catch { failOnReportError(error) }
    }
  }

  struct Ack: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "ack", abstract: "Acknowledge a report as the level that holds it (late after its window)."
    )
    @OptionGroup var common: Common
    func run() throws { common.run(.acknowledged) }
  }
  struct PassUp: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "pass-up",
      abstract: "Pass an acknowledged report up to the next level (its window starts).")
    @OptionGroup var common: Common
    @Option(help: "Why (optional).") var note = ""
    func run() throws { common.run(.passedUp, note: note) }
  }
  struct Progress: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "progress", abstract: "Add progress: the situation, the measures taken, how it is solved.")
    @OptionGroup var common: Common
    @Option(help: "The progress (1–2000 characters).") var note: String
    func run() throws { common.run(.progress, note: note) }
  }
  struct Close: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Close a report.")
    @OptionGroup var common: Common
    @Option(help: "How it ended (optional).") var note = ""
    func run() throws { common.run(.closed, note: note) }
  }
  struct Conceal: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "conceal",
      abstract:
        "Mark an incident learnt another way as concealed (瞒报) by its station, with evidence (commanders).")
    @OptionGroup var common: Common
    @Option(help: "How the station knew (2–2000 characters), kept with the report.") var evidence: String
    func run() throws { common.run(.concealed, note: evidence, action: .markConcealed) }
  }
}

struct IncidentList: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "Reports under a place, newest first, with 迟报/漏报/瞒报 and escalation marks.")
  @OptionGroup var store: StoreOptions
  @Option(help: "Place (default: the root).") var scope: String?
  @Option(help: "Days back (open reports are always listed).") var days = 7
  @Flag(help: "Print JSON.") var json = false
  @OptionGroup var clock: ClockOption

  func run() throws {
    guard (1...InputBounds.maxDays).contains(days) else { fail("--days: 1…\(InputBounds.maxDays)") }
    let s = try store.openForReading()
    let p = try scope.map { try resolvePlace($0, in: s, option: "--scope") } ?? s.root()
    let now = clock.clock.now()
    do {
      let list = try s.incidents(under: p.id, at: now, window: .days(Int64(days)))
      if json { print(CommandJSON.text(list)); return }
      if list.isEmpty { print("no reports under \(p.name) in the last \(days) days") }
      for r in list {
        let marks = r.marks.labels.joined(separator: " ")
        print(
          "\(r.id)\t\(r.kind.rawValue)\t\(r.severity.rawValue)\t\(r.source.rawValue)\t\(r.phase.rawValue)\t"
            + "\(when(r.filedAt))\t\(field((try? s.path(of: r.placeID).description) ?? ""))\t\(marks)")
      }
    } catch { failOnReportError(error) }
  }
}

struct IncidentShow: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "show", abstract: "One report with its chain.")
  @OptionGroup var store: StoreOptions
  @Option(help: "The report's id.") var report: Int64
  @Flag(help: "Print JSON.") var json = false
  @OptionGroup var clock: ClockOption
  func run() throws {
    let s = try store.openForReading()
    let now = clock.clock.now()
    do {
      guard let r = try s.incident(id: report, at: now) else { throw ReportDeskError.unknownReport(report) }
      if json { print(CommandJSON.text(r)) } else { printIncident(r, store: s, at: now) }
    } catch { failOnReportError(error) }
  }
}

struct IncidentCounters: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "counters", abstract: "迟报 / 漏报 / 瞒报 per station and station commander (from the rollups).")
  @OptionGroup var store: StoreOptions
  @Option(help: "Place (default: the root).") var scope: String?
  @Flag(help: "Print JSON.") var json = false
  @OptionGroup var clock: ClockOption
  func run() throws {
    let s = try store.openForReading()
    let p = try scope.map { try resolvePlace($0, in: s, option: "--scope") } ?? s.root()
    do {
      let rows = try s.reportCounters(under: p.id, at: clock.clock.now())
      if json { print(CommandJSON.text(rows)); return }
      print("station\tcommander\tfiled\t迟报\t超时签收\t漏报\t瞒报")
      for r in rows {
        let path = (try? s.path(of: r.stationID).description) ?? "\(r.stationID)"
        print(
          "\(field(path))\t\(field(r.commander.isEmpty ? "-" : r.commander))\t\(r.filed)\t\(r.late)\t\(r.ackLate)\t"
            + "\(r.missed)\t\(r.concealed)")
      }
    } catch { failOnReportError(error) }
  }
}

struct IncidentCommander: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "commander", abstract: "Name a station's commander (指挥长); later reports count against them.")
  @OptionGroup var store: StoreOptions
  @Option(help: "The station (a place path).") var station: String
  @Option(help: "The commander's name.") var name: String
  @Option(help: "Operator recorded on an unscoped (SQLite) store.") var `operator`: String?
  @OptionGroup var clock: ClockOption
  func run() throws {
    let s = try store.openForWriting()
    let p = try resolvePlace(station, in: s, option: "--station")
    let by = OperatorCheck.name(s, .reassign, at: p, option: `operator`)
    do {
      try s.setStationCommander(station: p.id, name: name, by: by, at: clock.clock.now())
      print("\(field(p.name)): commander \(field(name))")
    } catch { failOnReportError(error) }
  }
}
