import ArgumentParser
import Foundation
import WanggeCore
import WanggeStore

/// `wangge operator add|list|set|remove`: the store's operators (admins only). On PostgreSQL each is a
/// login role with a Wangge role and a scope; a SQLite store has one station and keeps none.
struct OperatorCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "operator", abstract: "Add, list, change or remove operators (admin only).",
    subcommands: [Add.self, List.self, Set.self, Remove.self])

  /// `operator add NAME --role R --scope PATH [--password-stdin]`.
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Add an operator: a PostgreSQL login role with a Wangge role and a scope.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "Login name (lowercase letters, digits, _).") var name: String
    @Option(help: "viewer, station, commander or admin.", transform: OperatorCommand.role) var role:
      OperatorRole
    @Option(help: "Place path of the scope (the root's name for the whole grid).") var scope: String
    @Flag(help: "Read the login password from the first line of standard input.") var passwordStdin = false
    @OptionGroup var clock: ClockOption

    func run() throws {
      let s = try store.openForWriting()
      let admin = OperatorCommand.admin(s)
      do {
        let place = try s.resolve(PlacePath(parsing: scope))
        try s.addOperator(
          OperatorSpec(
            name: name, role: role, scopeID: place.id,
            password: passwordStdin ? OperatorCommand.readPassword() : nil),
          by: admin, at: clock.clock.now())
        print("operator \(name): \(role.rawValue) of \(try OperatorCommand.pathText(s, place.id))")
      } catch {
        failOnUserError(error)
      }
    }
  }

  /// `operator list [--json]`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the operators and their scopes.")
    @OptionGroup var store: StoreOptions
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
      let s = try store.openForReading()
      do {
        let list = try s.operators()
        if json {
          print(CommandJSON.text(list))
        } else {
          for o in list {
            print(
              "\(o.name)\t\(o.role.rawValue)\t\(o.scopeID == nil ? "(unscoped)" : o.scopePath.isEmpty ? "(root)" : o.scopePath)"
            )
          }
        }
      } catch {
        failOnUserError(error)
      }
    }
  }

  /// `operator set NAME [--role R] [--scope PATH] [--password-stdin]`.
  struct Set: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Change an operator's role, scope or password.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "Login name.") var name: String
    @Option(help: "viewer, station, commander or admin.", transform: OperatorCommand.role) var role:
      OperatorRole?
    @Option(help: "Place path of the new scope.") var scope: String?
    @Flag(help: "Read a new login password from the first line of standard input.") var passwordStdin = false
    @OptionGroup var clock: ClockOption

    func run() throws {
      let s = try store.openForWriting()
      let admin = OperatorCommand.admin(s)
      do {
        let place = try scope.map { try s.resolve(PlacePath(parsing: $0)) }
        try s.setOperator(
          OperatorChange(
            name: name, role: role, scopeID: place?.id,
            password: passwordStdin ? OperatorCommand.readPassword() : nil),
          by: admin, at: clock.clock.now())
        print("operator \(name) changed")
      } catch {
        failOnUserError(error)
      }
    }
  }

  /// `operator remove NAME`.
  struct Remove: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Remove an operator and its login role.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "Login name.") var name: String
    @OptionGroup var clock: ClockOption

    func run() throws {
      let s = try store.openForWriting()
      let admin = OperatorCommand.admin(s)
      guard admin != name else { fail("\(name) cannot remove itself; ask another admin") }
      do {
        try s.removeOperator(named: name, by: admin, at: clock.clock.now())
        print("operator \(name) removed")
      } catch {
        failOnUserError(error)
      }
    }
  }

  /// The connected admin's name, or exit saying who may manage operators.
  static func admin(_ s: any GridStore) -> String {
    OperatorCheck.name(s, .manageOperators, option: nil)
  }

  static func role(_ text: String) throws -> OperatorRole {
    guard let r = OperatorRole(named: text) else {
      throw ValidationError(
        "--role: \"\(text)\" is not a role; use \(OperatorRole.allCases.map(\.rawValue).joined(separator: ", "))"
      )
    }
    return r
  }

  static func pathText(_ s: any GridStore, _ id: Int64) throws -> String {
    let p = try s.path(of: id).description
    return p.isEmpty ? try s.root().name : p
  }

  /// The first line of standard input (a password is never taken from the command line, where `ps` shows it).
  static func readPassword() -> String {
    guard let line = readLine(strippingNewline: true), !line.isEmpty else {
      fail("--password-stdin: standard input had no password line; nothing was changed")
    }
    return line
  }
}
