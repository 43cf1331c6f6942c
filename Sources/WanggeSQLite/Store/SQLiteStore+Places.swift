import GRDB
import WanggeCore
import WanggeStore

extension SQLiteStore {
  static let placeColumns = "id, parent_id, depth, name, has_station"

  static func place(_ row: Row) -> Place {
    Place(id: row[0], parentID: row[1], depth: row[2], name: row[3], hasStation: row[4])
  }

  public func root() throws -> Place {
    try read { db in try Self.root(db) }
  }

  static func root(_ db: Database) throws -> Place {
    guard
      let row = try Row.fetchOne(
        db.cachedStatement(
          sql: "SELECT \(placeColumns) FROM place WHERE parent_id IS NULL ORDER BY id LIMIT 1"))
    else {
      throw StoreError.notAStore(path: "store", reason: "the store holds no grid yet; run `wangge demo`")
    }
    return place(row)
  }

  public func place(id: Int64) throws -> Place? {
    try read { db in try Self.place(db, id: id) }
  }

  static func place(_ db: Database, id: Int64) throws -> Place? {
    try Row.fetchOne(
      db.cachedStatement(sql: "SELECT \(placeColumns) FROM place WHERE id = ?"), arguments: [id]
    ).map(place)
  }

  public func children(of id: Int64) throws -> [Place] {
    try read { db in try Self.children(db, of: id) }
  }

  static func children(_ db: Database, of id: Int64) throws -> [Place] {
    let rows = try RawStatement(
      cached: db, "SELECT \(placeColumns) FROM place WHERE parent_id = ? ORDER BY id")
    rows.bind([id])
    defer { rows.reset() }
    var out: [Place] = []
    while try rows.step() { out.append(place(rows)) }
    return out
  }

  /// The place on the current row of a statement that selects `placeColumns`.
  static func place(_ rows: RawStatement) -> Place {
    Place(
      id: rows.int(0) ?? 0, parentID: rows.int(1), depth: Int(rows.int(2) ?? 0), name: rows.text(3) ?? "",
      hasStation: (rows.int(4) ?? 0) != 0)
  }

  public func resolve(_ path: PlacePath) throws -> Place {
    try read { db in try Self.resolve(db, path) }
  }

  static func resolve(_ db: Database, _ path: PlacePath) throws -> Place {
    var current = try root(db)
    var segments = path.segments[...]
    if segments.first == current.name { segments = segments.dropFirst() }
    var walked: [String] = []
    for name in segments {
      guard
        let row = try Row.fetchOne(
          db.cachedStatement(sql: "SELECT \(placeColumns) FROM place WHERE parent_id = ? AND name = ?"),
          arguments: [current.id, name])
      else {
        let names = try String.fetchAll(
          db.cachedStatement(sql: "SELECT name FROM place WHERE parent_id = ? ORDER BY id LIMIT 6"),
          arguments: [current.id])
        let here = walked.isEmpty ? current.name : walked.joined(separator: "/")
        let hint =
          names.isEmpty
          ? "\"\(here)\" has no places below it"
          : "\"\(here)\" has no \"\(name)\"; it has \(names.prefix(5).joined(separator: ", "))\(names.count > 5 ? ", …" : "")"
        throw StoreError.unknownPlace(path: path.description, suggestion: hint)
      }
      current = place(row)
      walked.append(name)
    }
    return current
  }

  public func path(of id: Int64) throws -> PlacePath {
    try read { db in try Self.path(db, of: id) }
  }

  static func path(_ db: Database, of id: Int64) throws -> PlacePath {
    let up = try RawStatement(cached: db, "SELECT parent_id, name FROM place WHERE id = ?")
    var names: [String] = []
    var next: Int64? = id
    while let current = next {
      up.bind([current])
      guard try up.step() else { break }
      next = up.int(0)
      if next != nil { names.append(up.text(1) ?? "") }
      up.reset()
    }
    up.reset()
    return PlacePath(segments: names.reversed())
  }

  public func levelCounts(under id: Int64) throws -> [Int: Int] {
    try read { db in try Self.levelCounts(db, under: id) }
  }

  static func levelCounts(_ db: Database, under id: Int64) throws -> [Int: Int] {
    let rows = try RawStatement(cached: db, "SELECT depth, count FROM level_count WHERE place_id = ?")
    rows.bind([id])
    defer { rows.reset() }
    var out: [Int: Int] = [:]
    while try rows.step() { out[Int(rows.int(0) ?? 0)] = Int(rows.int(1) ?? 0) }
    return out
  }
}
