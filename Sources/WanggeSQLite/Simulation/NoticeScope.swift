import GRDB
import WanggeCore
import WanggeStore

/// A community chosen for a simulated notice: its units and the parents up to the root.
struct NoticeScope {
  var scopeID: Int64
  var units: [Int64]
  /// Parent of every place between the units and the root.
  var parents: [Int64: Int64]

  /// Walks random children from the root down to the community level; nil if no community has units.
  static func pick(_ db: Database, shape: GridShape, rng: inout SeededRandom) throws -> NoticeScope? {
    for _ in 0..<8 {
      var parents: [Int64: Int64] = [:]
      var current = shape.rootID
      for _ in 0..<shape.communityDepth {
        let children = try Int64.fetchAll(
          db, sql: "SELECT id FROM place WHERE parent_id = ?", arguments: [current])
        guard !children.isEmpty else { break }
        let child = children[rng.below(children.count)]
        parents[child] = current
        current = child
      }
      guard
        let depth = try Int.fetchOne(db, sql: "SELECT depth FROM place WHERE id = ?", arguments: [current]),
        depth == shape.communityDepth
      else { continue }
      let subtree = """
        WITH RECURSIVE sub(id, parent_id) AS (
          SELECT id, parent_id FROM place WHERE parent_id = ?
          UNION ALL SELECT p.id, p.parent_id FROM place p JOIN sub ON p.parent_id = sub.id)
        """
      for row in try Row.fetchAll(db, sql: subtree + " SELECT id, parent_id FROM sub", arguments: [current]) {
        parents[row[0]] = row[1]
      }
      let units = try Int64.fetchAll(
        db,
        sql: subtree + " SELECT u.place_id FROM sub JOIN unit u ON u.place_id = sub.id ORDER BY u.place_id",
        arguments: [current])
      if !units.isEmpty { return NoticeScope(scopeID: current, units: units, parents: parents) }
    }
    return nil
  }
}
