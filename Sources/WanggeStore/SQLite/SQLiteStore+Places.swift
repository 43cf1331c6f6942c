import GRDB
import WanggeCore

extension SQLiteStore {
  static let placeColumns = "id, parent_id, depth, name, has_station"

  static func place(_ row: Row) -> Place {
    Place(id: row[0], parentID: row[1], depth: row[2], name: row[3], hasStation: row[4])
  }

  public func root() throws -> Place {
    try pool.read { db in try Self.root(db) }
  }

  static func root(_ db: Database) throws -> Place {
    guard
      let row = try Row.fetchOne(
        db, sql: "SELECT \(placeColumns) FROM place WHERE parent_id IS NULL ORDER BY id LIMIT 1")
    else {
      throw StoreError.notAStore(path: "store", reason: "the store holds no grid yet; run `wangge demo`")
    }
    return place(row)
  }

  public func place(id: Int64) throws -> Place? {
    try pool.read { db in try Self.place(db, id: id) }
  }

  static func place(_ db: Database, id: Int64) throws -> Place? {
    try Row.fetchOne(db, sql: "SELECT \(placeColumns) FROM place WHERE id = ?", arguments: [id]).map(place)
  }

  public func children(of id: Int64) throws -> [Place] {
    try pool.read { db in try Self.children(db, of: id) }
  }

  static func children(_ db: Database, of id: Int64) throws -> [Place] {
    try Row.fetchAll(
      db, sql: "SELECT \(placeColumns) FROM place WHERE parent_id = ? ORDER BY id", arguments: [id]
    ).map(place)
  }

  public func resolve(_ path: PlacePath) throws -> Place {
    try pool.read { db in try Self.resolve(db, path) }
  }

  static func resolve(_ db: Database, _ path: PlacePath) throws -> Place {
    var current = try root(db)
    var segments = path.segments[...]
    if segments.first == current.name { segments = segments.dropFirst() }
    var walked: [String] = []
    for name in segments {
      guard
        let row = try Row.fetchOne(
          db, sql: "SELECT \(placeColumns) FROM place WHERE parent_id = ? AND name = ?",
          arguments: [current.id, name])
      else {
        let names = try String.fetchAll(
          db, sql: "SELECT name FROM place WHERE parent_id = ? ORDER BY id LIMIT 6", arguments: [current.id])
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
    try pool.read { db in try Self.path(db, of: id) }
  }

  static func path(_ db: Database, of id: Int64) throws -> PlacePath {
    var names: [String] = []
    var next: Int64? = id
    while let current = next, let p = try place(db, id: current) {
      if p.parentID != nil { names.append(p.name) }
      next = p.parentID
    }
    return PlacePath(segments: names.reversed())
  }

  public func levelCounts(under id: Int64) throws -> [Int: Int] {
    try pool.read { db in
      var out: [Int: Int] = [:]
      for row in try Row.fetchAll(
        db, sql: "SELECT depth, count FROM level_count WHERE place_id = ?", arguments: [id])
      {
        out[row[0]] = row[1]
      }
      return out
    }
  }
}
