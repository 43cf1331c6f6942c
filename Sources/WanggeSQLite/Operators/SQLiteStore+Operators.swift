import Foundation
import GRDB
import WanggeCore
import WanggeStore

/// A SQLite store has one station: the file's owner is its admin and the whole grid is the scope
/// (the board says 未分级/unscoped). It keeps no operators, but reveals and the audit work as on
/// PostgreSQL, and the audit trail refuses UPDATE and DELETE (migration v5's triggers).
extension SQLiteStore: OperatorDesk {
  /// The login name owning the store file (or `owner` when the system does not say).
  var ownerName: String {
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    return (attributes?[.ownerAccountName] as? String) ?? "owner"
  }

  public func currentOperator() throws -> OperatorIdentity {
    OperatorIdentity(name: ownerName, role: .admin, scopeID: nil, unscoped: true)
  }

  public func operators() throws -> [OperatorRecord] {
    [OperatorRecord(name: ownerName, role: .admin, scopeID: nil, scopePath: "")]
  }

  public func addOperator(_ spec: OperatorSpec, by admin: String, at now: Instant) throws {
    throw singleStation
  }

  public func setOperator(_ spec: OperatorChange, by admin: String, at now: Instant) throws {
    throw singleStation
  }

  public func removeOperator(named name: String, by admin: String, at now: Instant) throws {
    throw singleStation
  }

  private var singleStation: OperatorError {
    .singleStation(
      "\(path) is a single-station SQLite store: its file owner (\(ownerName)) is the admin and "
        + "everything is unscoped, so it keeps no operators. Put the grid on PostgreSQL "
        + "(--db postgres://…) to give each station its own login and scope")
  }

  public func reveal(household: Int64, reason: String, by name: String, at now: Instant) throws
    -> RevealedHousehold
  {
    guard OperatorError.isValidReason(reason) else { throw OperatorError.badReason }
    return try write { db in
      guard
        let row = try Row.fetchOne(
          db, sql: "SELECT room, head_name, phone, unit_id FROM household WHERE id = ?",
          arguments: [household])
      else { throw OperatorError.unknownHousehold(household) }
      try Self.audit(
        db, at: now, operator: name, action: "reveal", task: nil, scope: row[3],
        detail: ["household": household, "reason": reason.trimmingCharacters(in: .whitespaces)])
      return RevealedHousehold(householdID: household, room: row[0], headName: row[1], phone: row[2])
    }
  }

  public func auditTrail(_ query: AuditQuery) throws -> [AuditEntry] {
    try read { db in
      var clauses: [String] = []
      var args: [any DatabaseValueConvertible] = []
      var with = ""
      if let scope = query.scopeID {
        with = """
          WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT p.id FROM place p JOIN sub ON p.parent_id = sub.id)
          """
        args.append(scope)
        clauses.append("scope_id IN (SELECT id FROM sub)")
      }
      if let name = query.operatorName {
        clauses.append("operator = ?")
        args.append(name)
      }
      if let since = query.since {
        clauses.append("at >= ?")
        args.append(since.epochSeconds)
      }
      args.append(query.limit)
      let whereSQL = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
      return try Row.fetchAll(
        db,
        sql: """
          \(with) SELECT id, at, operator, action, task_id, scope_id, detail FROM audit \(whereSQL)
          ORDER BY at DESC, id DESC LIMIT ?
          """, arguments: StatementArguments(args)
      ).map {
        AuditEntry(
          id: $0[0], at: Instant(epochSeconds: $0[1]), operatorName: $0[2], action: $0[3], taskID: $0[4],
          scopeID: $0[5], detail: $0[6])
      }
    }
  }
}
