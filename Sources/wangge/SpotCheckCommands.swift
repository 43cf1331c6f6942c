import ArgumentParser
import Foundation
import WanggeCore
import WanggeStore

/// `wangge spotcheck draw|list|record`: spot checks (督查) by phone — a reproducible weighted sample
/// (help cases, isolation, vacant and flagged households likelier), a masked call list (reveal one
/// with `wangge reveal --household ID`, audited), and each call's outcome and answers.
struct SpotCheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "spotcheck", abstract: "Draw and record spot-check calls (督查).",
    subcommands: [SpotCheckDrawCommand.self, SpotCheckListCommand.self, SpotCheckRecordCommand.self])
}

func printCalls(_ calls: [SpotCheckCall]) {
  print("#\thousehold\troom\tphone\twhy\toutcome\tleader\tnotice\tservice\tproblems")
  func yn(_ b: Bool?) -> String { b.map { $0 ? "yes" : "no" } ?? "-" }
  for c in calls {
    print(
      "\(c.position)\t\(c.householdID)\t\(field(c.room))\t\(field(c.maskedPhone))\t"
        + "\(c.reasons.map(\.rawValue).joined(separator: ",").ifEmpty("-"))\t\(c.outcome?.rawValue ?? "-")\t"
        + "\(yn(c.answers.knowsLeader))\t\(yn(c.answers.gotNotice))\t\(yn(c.answers.serviceDone))\t"
        + "\(field(c.answers.problems.ifEmpty("-")))")
  }
}

extension String {
  func ifEmpty(_ other: String) -> String { isEmpty ? other : self }
}

struct SpotCheckDrawCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "draw", abstract: "Draw a reproducible weighted sample of households as a call list.")
  @OptionGroup var store: StoreOptions
  @Option(help: "Where to draw from (a place path).") var scope: String
  @Option(help: "How many households (1–10000).") var households: Int
  @Option(help: "Seed: the same seed on the same households gives the same sample (default: from --at).")
  var seed: UInt64?
  @Option(help: "Operator recorded on an unscoped (SQLite) store.") var `operator`: String?
  @Flag(help: "Print JSON.") var json = false
  @OptionGroup var clock: ClockOption

  func run() throws {
    let s = try store.openForWriting()
    let p = try resolvePlace(scope, in: s, option: "--scope")
    let name = OperatorCheck.name(s, .record, at: p, option: `operator`)
    let now = clock.clock.now()
    do {
      let round = try s.drawSpotCheck(
        SpotCheckDraw(
          scopeID: p.id, households: households, seed: seed ?? UInt64(bitPattern: now.epochSeconds),
          operatorName: name, at: now))
      if json { print(CommandJSON.text(round)); return }
      print("round \(round.id) seed \(round.seed): \(round.calls.count) households under \(field(p.name))")
      printCalls(round.calls)
      print("phones are masked; wangge reveal --household ID --reason … shows one (audited)")
    } catch { failOnReportError(error) }
  }
}

struct SpotCheckListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: "A round's call list.")
  @OptionGroup var store: StoreOptions
  @Option(help: "The round's id.") var round: Int64
  @Flag(help: "Print JSON.") var json = false
  func run() throws {
    let s = try store.openForReading()
    do {
      let calls = try s.spotCheckCalls(round: round)
      if json { print(CommandJSON.text(calls)) } else { printCalls(calls) }
    } catch { failOnReportError(error) }
  }
}

struct SpotCheckRecordCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "record",
    abstract: "Record one call: the outcome, the standard questions, and optionally a report it opens.")
  @OptionGroup var store: StoreOptions
  @Option(help: "The round's id.") var round: Int64
  @Option(help: "The household called.") var household: Int64
  @Option(help: "answered, no_answer or wrong_number.") var outcome: CallOutcome
  @Option(help: "Knows their unit leader? yes/no.") var knowsLeader: YesNo?
  @Option(help: "Got the latest notice? yes/no.") var gotNotice: YesNo?
  @Option(help: "Was the service done? yes/no.") var serviceDone: YesNo?
  @Option(help: "Problems they raised.") var problems = ""
  @Option(help: "Open a report of this kind from what the call found (source spotcheck).") var openKind:
    IncidentKind?
  @Option(help: "Its severity 1–4.") var openSeverity = 3
  @Option(help: "When it happened (ISO 8601; default: --at).", transform: OptionValue.instant("--happened"))
  var happened: Instant?
  @Option(help: "Operator recorded on an unscoped (SQLite) store.") var `operator`: String?
  @OptionGroup var config: ReportConfigOption
  @Flag(help: "Print JSON.") var json = false
  @OptionGroup var clock: ClockOption

  func run() throws {
    let s = try store.openForWriting()
    let name = OperatorCheck.name(s, .record, option: `operator`)
    let now = clock.clock.now()
    do {
      var opens: IncidentFiling?
      if let kind = openKind {
        guard let sev = IncidentSeverity(rawValue: openSeverity) else { fail("--open-severity: 1–4") }
        guard let unit = try s.spotCheckCalls(round: round).first(where: { $0.householdID == household })
        else {
          throw ReportDeskError.notInRound(round: round, household: household)
        }
        opens = IncidentFiling(
          eventID: "spotcheck-\(round)-\(household)", kind: kind, severity: sev,
          placeID: try unit.stationID ?? s.root().id, text: problems.ifEmpty("spot check finding"),
          happenedAt: happened ?? now, filedAt: now, operatorName: name, source: .spotCheck)
      }
      var record = CallRecord(
        roundID: round, householdID: household, outcome: outcome,
        answers: CallAnswers(
          knowsLeader: knowsLeader?.value, gotNotice: gotNotice?.value, serviceDone: serviceDone?.value,
          problems: problems), operatorName: name, at: now, opens: opens)
      record.rules = config.config.rules
      let c = try s.recordCall(record)
      if json { print(CommandJSON.text(c)); return }
      printCalls([c])
      if let r = c.reportID { print("opened report \(r)") }
    } catch { failOnReportError(error) }
  }
}
