import ArgumentParser
import Foundation
import WanggeCore
import WanggeStore

/// `wangge audit [--scope PATH] [--operator NAME] [--since TIME]`: dispatches, withdrawals, reminders,
/// reveals and operator changes, newest first (a station or viewer sees its scope's only).
struct AuditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit",
    abstract: "List the audit trail: dispatches, withdrawals, reminders, reveals, operator changes.")
  @OptionGroup var store: StoreOptions
  @Option(help: "Only records under this place path.") var scope: String?
  @Option(help: "Only this operator's records.") var `operator`: String?
  @Option(
    help: "Only records at or after this instant (ISO 8601).", transform: OptionValue.instant("--since"))
  var since: Instant?
  @Option(help: "At most this many records (1–100000).") var limit = 1000
  @Flag(help: "Print JSON.") var json = false

  func validate() throws {
    guard (1...100_000).contains(limit) else { throw ValidationError("--limit: must be 1 to 100000") }
  }

  func run() throws {
    let s = try store.openForReading()
    do {
      let place = try scope.map { try s.resolve(PlacePath(parsing: $0)) }
      let rows = try s.auditTrail(
        AuditQuery(scopeID: place?.id, operatorName: `operator`, since: since, limit: limit))
      if json {
        print(CommandJSON.text(rows.map { AuditJSON($0) }))
        return
      }
      for r in rows {
        let task = r.taskID.map { " task \($0)" } ?? ""
        let scope = r.scopeID.map { " place \($0)" } ?? ""
        print("\(InstantFormat.iso(r.at))\t\(r.operatorName)\t\(r.action)\(task)\(scope)\t\(r.detail)")
      }
    } catch {
      failOnUserError(error)
    }
  }
}

/// One audit record in `--json` output.
struct AuditJSON: Encodable {
  var id: Int64
  var at: String
  var `operator`: String
  var action: String
  var task: Int64?
  var place: Int64?
  var detail: String
  init(_ e: AuditEntry) {
    id = e.id
    at = InstantFormat.iso(e.at)
    `operator` = e.operatorName
    action = e.action
    task = e.taskID
    place = e.scopeID
    detail = e.detail
  }
}
