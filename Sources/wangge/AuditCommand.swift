import ArgumentParser
import WanggeCore
import WanggeStore

/// `wangge audit`: the latest audit records (dispatches, reminders, imports, registry changes).
struct AuditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit", abstract: "Show the latest audit records, newest first.")
  @OptionGroup var store: StoreOptions
  @Option(help: "How many records (1–10000).") var limit = 20

  func validate() throws {
    guard (1...10_000).contains(limit) else { throw ValidationError("--limit: must lie between 1 and 10000") }
  }

  func run() throws {
    let s = try store.openForReading()
    for e in try s.auditTrail(limit: limit) {
      let place = e.scopeID.map { " place \($0)" } ?? ""
      let task = e.taskID.map { " task \($0)" } ?? ""
      print(
        "\(InstantFormat.iso(e.at))  \(field(e.operator))  \(e.action)\(task)\(place)  \(field(e.detail))")
    }
  }
}
