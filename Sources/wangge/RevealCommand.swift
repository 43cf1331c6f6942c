import ArgumentParser
import Foundation
import WanggeCore
import WanggeStore

/// `wangge reveal --household ID --reason TEXT`: one household's full head name and phone, for roles
/// allowed to (commander, admin), recorded in the audit (who, when, which household, why).
struct RevealCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reveal", abstract: "Show one household's full name and phone, with a reason (audited).")
  @OptionGroup var store: StoreOptions
  @Option(help: "Household id (the board's household rows show it).") var household: Int64
  @Option(help: "Why you need it (2–200 characters), recorded in the audit.") var reason: String
  @Option(help: "Operator recorded on an unscoped (SQLite) store (default: the login name).") var `operator`:
    String?
  @Flag(help: "Print JSON.") var json = false
  @OptionGroup var clock: ClockOption

  func run() throws {
    let s = try store.openForWriting()
    let name = OperatorCheck.name(s, .reveal, option: `operator`)
    do {
      let shown = try s.reveal(household: household, reason: reason, by: name, at: clock.clock.now())
      if json {
        print(
          CommandJSON.text([
            "household": String(shown.householdID), "room": shown.room, "name": shown.headName,
            "phone": shown.phone,
          ]))
      } else {
        print(
          "household \(shown.householdID) room \(shown.room): \(shown.headName) \(shown.phone) (recorded in the audit)"
        )
      }
    } catch {
      failOnUserError(error)
    }
  }
}
