import Foundation
import WanggeCore
import WanggeStore

/// The commands' check of who is connected against the role × action matrix and the scope, before
/// they write (PostgreSQL enforces the scope again in the server). Exits with the reason when refused.
enum OperatorCheck {
  /// Who is connected, or exit with the reason.
  static func gate(_ store: any GridStore, readOnly: Bool = false) -> OperatorGate {
    do {
      return try OperatorGate.of(store, readOnly: readOnly)
    } catch {
      failOnUserError(error)
    }
  }

  /// Checks `action` (at `place`, when given) and returns the name to record: the connected operator,
  /// or on an unscoped store `--operator`, else the login name.
  static func name(
    _ store: any GridStore, _ action: OperatorAction, at place: Place? = nil, option: String?
  ) -> String {
    let gate = gate(store)
    do {
      if let place { try gate.require(action, at: place, in: store) } else { try gate.require(action) }
    } catch {
      failOnUserError(error)
    }
    return gate.recordedName(fallback: OperatorName.resolve(option))
  }
}
