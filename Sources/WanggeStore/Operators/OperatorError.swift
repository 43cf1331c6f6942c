import Foundation
import WanggeCore

/// Errors about operators, scope and personal data, each saying what to do.
public enum OperatorError: Error, Equatable, CustomStringConvertible {
  /// The connecting role is not listed as an operator.
  case notAnOperator(String)
  /// The operator's role may not do this.
  case notAllowed(operator: String, role: OperatorRole, action: OperatorAction)
  /// The place lies outside the operator's scope.
  case outOfScope(operator: String, place: String, scope: String)
  /// The engine keeps no operators (SQLite: one station, its file owner is the admin).
  case singleStation(String)
  case unknownOperator(String)
  case operatorExists(String)
  /// A name that cannot be a login role.
  case badName(String)
  /// A reveal needs a reason of 2–200 characters.
  case badReason
  case unknownHousehold(Int64)

  public var description: String {
    switch self {
    case .notAnOperator(let who):
      "\(who) is not a Wangge operator of this store; an admin adds it with "
        + "`wangge operator add \(who) --role viewer|station|commander|admin --scope PATH`"
    case .notAllowed(let who, let role, let action):
      "\(who) is a \(role.rawValue) and may not \(action.rawValue) (needs \(action.leastRole.rawValue) or "
        + "above); nothing was written"
    case .outOfScope(let who, let place, let scope):
      "\(place) lies outside the scope of \(who) (\(scope.isEmpty ? "the root" : scope)); nothing was "
        + "written. Pick a place under \(scope.isEmpty ? "the root" : scope)"
    case .singleStation(let why): why
    case .unknownOperator(let name): "no operator \(name); `wangge operator list` lists them"
    case .operatorExists(let name): "operator \(name) already exists; change it with `wangge operator set`"
    case .badName(let name):
      "\"\(name)\" cannot be an operator name: use 1–63 lowercase letters, digits or _ starting with a "
        + "letter (not wangge_… or pg_…)"
    case .badReason:
      "a reveal needs a reason of 2 to 200 characters (--reason \"…\"); nothing was shown or recorded"
    case .unknownHousehold(let id):
      "no household \(id) within your scope; nothing was shown or recorded"
    }
  }

  /// Whether `name` can be an operator (a PostgreSQL role name Wangge accepts).
  public static func isValidName(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, ("a"..."z").contains(first), name.utf8.count <= 63 else {
      return false
    }
    if name.hasPrefix("wangge_") || name.hasPrefix("pg_") { return false }
    return name.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
    }
  }

  /// Whether `reason` is an acceptable reveal reason.
  public static func isValidReason(_ reason: String) -> Bool {
    let t = reason.trimmingCharacters(in: .whitespaces)
    return (2...200).contains(t.count)
      && !t.unicodeScalars.contains { $0.properties.generalCategory == .control }
  }
}
