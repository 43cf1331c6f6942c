import Foundation
import WanggeCore

/// Place lookups of the report system through ``ReportSQL``, with a parent cache for one call:
/// the station above a place, a place's parent, whether a place lies under a scope.
final class ReportPlaces {
  let sql: any ReportSQL
  private var parents: [Int64: (parent: Int64?, station: Bool)] = [:]
  init(_ sql: any ReportSQL) { self.sql = sql }

  func info(_ id: Int64) throws -> (parent: Int64?, station: Bool)? {
    if let hit = parents[id] { return hit }
    guard let row = try sql.rows("SELECT parent_id, has_station FROM place WHERE id = ?", [.int(id)]).first
    else {
      return nil
    }
    let v = (parent: row[0].int, station: (row[1].int ?? 0) != 0)
    parents[id] = v
    return v
  }

  func exists(_ id: Int64) throws -> Bool { try info(id) != nil }
  func parent(_ id: Int64) throws -> Int64? { try info(id)?.parent }

  /// The place itself or its nearest ancestor with a command station (nil above the stations).
  func station(of id: Int64) throws -> Int64? {
    var at: Int64? = id
    while let p = at, let i = try info(p) {
      if i.station { return p }
      at = i.parent
    }
    return nil
  }

  /// True when `id` is `scope` or lies below it.
  func isUnder(_ id: Int64, _ scope: Int64) throws -> Bool {
    var at: Int64? = id
    var steps = 0
    while let p = at, steps < 64 {
      if p == scope { return true }
      at = try parent(p)
      steps += 1
    }
    return false
  }

  /// The commander named for a station ('' when none).
  func commander(of station: Int64?) throws -> String {
    guard let s = station else { return "" }
    return try sql.rows("SELECT name FROM station_commander WHERE station_id = ?", [.int(s)]).first?[0].text
      ?? ""
  }

  /// The units (deepest level) under `scope`, read level by level in batches.
  func units(under scope: Int64) throws -> [Int64] {
    let unitDepth = try sql.int("SELECT max(depth) FROM level") ?? 0
    guard let depth = try sql.int("SELECT depth FROM place WHERE id = ?", [.int(scope)]) else { return [] }
    var frontier = [scope]
    if depth >= unitDepth { return frontier }
    for _ in Int(depth)..<Int(unitDepth) {
      var next: [Int64] = []
      for start in stride(from: 0, to: frontier.count, by: 500) {
        let chunk = frontier[start..<min(start + 500, frontier.count)].map(String.init).joined(separator: ",")
        for r in try sql.rows("SELECT id FROM place WHERE parent_id IN (\(chunk)) ORDER BY id", []) {
          if let id = r[0].int { next.append(id) }
        }
      }
      frontier = next
    }
    return frontier
  }

  /// The next id of `name` (`report`, `spotcheck_round`, `supervision_group`) from `report_sequence`.
  func nextID(_ name: String) throws -> Int64 {
    // An upsert, so that no migration seeds rows a copy of the store would then bring again.
    try sql.run(
      "INSERT INTO report_sequence(name, last) VALUES (?, 1) "
        + "ON CONFLICT(name) DO UPDATE SET last = report_sequence.last + 1", [.text(name)])
    return try sql.int("SELECT last FROM report_sequence WHERE name = ?", [.text(name)]) ?? 1
  }

  /// Appends an audit record (the trail the dispatches use).
  func audit(
    at: Instant, operator name: String, action: String, scope: Int64?, detail: [String: any Sendable]
  ) throws {
    let json = try JSONSerialization.data(withJSONObject: detail, options: [.sortedKeys])
    try sql.run(
      "INSERT INTO audit(at, operator, action, task_id, scope_id, detail) VALUES (?, ?, ?, NULL, ?, ?)",
      [
        .int(at.epochSeconds), .text(name), .text(action), .of(scope),
        .text(String(decoding: json, as: UTF8.self)),
      ])
  }
}
