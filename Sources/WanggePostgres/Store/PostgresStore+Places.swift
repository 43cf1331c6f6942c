import WanggeCore
import WanggeStore

extension PostgresStore {
  static let placeColumns = "id, parent_id, depth, name, has_station"

  static func place(_ row: PGRow) throws -> Place {
    Place(
      id: try row.get(0), parentID: try row.optional(1), depth: try row.get(2), name: try row.get(3),
      hasStation: try row.get(4, as: Int.self) != 0)
  }

  /// The grid's level names, root first.
  public func levels() throws -> LevelChain {
    try read { db in try Self.levels(db) }
  }

  static func levels(_ db: PGConnection) throws -> LevelChain {
    let names = try db.exec("SELECT name FROM level ORDER BY depth").map { try $0.get(0, as: String.self) }
    let station = try db.exec("SELECT value FROM meta WHERE key = 'station_depth'").first?.get(
      0, as: String.self)
    guard names.count >= 2 else {
      throw StoreError.notAStore(
        path: PostgresMigrator.name(of: db), reason: "the store holds no grid yet; run `wangge demo`")
    }
    return LevelChain(names: names, stationDepth: station.flatMap { Int($0) })
  }

  /// The root place (the city or district).
  public func root() throws -> Place {
    try read { db in try Self.root(db) }
  }

  static func root(_ db: PGConnection) throws -> Place {
    guard
      let row = try db.exec(
        "SELECT \(placeColumns) FROM place WHERE parent_id IS NULL ORDER BY id LIMIT 1"
      ).first
    else {
      throw StoreError.notAStore(
        path: PostgresMigrator.name(of: db), reason: "the store holds no grid yet; run `wangge demo`")
    }
    return try place(row)
  }

  public func place(id: Int64) throws -> Place? {
    try read { db in
      try db.exec("SELECT \(Self.placeColumns) FROM place WHERE id = $1", [id]).first.map(Self.place)
    }
  }

  /// Children ordered by id (the order they were created in).
  public func children(of id: Int64) throws -> [Place] {
    try read { db in try Self.children(db, of: id) }
  }

  static func children(_ db: PGConnection, of id: Int64) throws -> [Place] {
    try db.exec("SELECT \(placeColumns) FROM place WHERE parent_id = $1 ORDER BY id", [id]).map(place)
  }

  /// Finds a place by path; the root's own name may lead the path. Throws `StoreError.unknownPlace`
  /// with the same suggestion as the SQLite engine.
  public func resolve(_ path: PlacePath) throws -> Place {
    try read { db in try Self.resolve(db, path) }
  }

  /// ``resolve(_:)`` inside an open transaction (ingest resolves unit paths while it writes).
  static func resolve(_ db: PGConnection, _ path: PlacePath) throws -> Place {
    do {
      var current = try Self.root(db)
      var segments = path.segments[...]
      if segments.first == current.name { segments = segments.dropFirst() }
      var walked: [String] = []
      for name in segments {
        guard
          let row = try db.exec(
            "SELECT \(Self.placeColumns) FROM place WHERE parent_id = $1 AND name = $2", [current.id, name]
          ).first
        else {
          let names = try db.exec(
            "SELECT name FROM place WHERE parent_id = $1 ORDER BY id LIMIT 6", [current.id]
          )
          .map { try $0.get(0, as: String.self) }
          let here = walked.isEmpty ? current.name : walked.joined(separator: "/")
          let hint =
            names.isEmpty
            ? "\"\(here)\" has no places below it"
            : "\"\(here)\" has no \"\(name)\"; it has \(names.prefix(5).joined(separator: ", "))\(names.count > 5 ? ", …" : "")"
          throw StoreError.unknownPlace(path: path.description, suggestion: hint)
        }
        current = try Self.place(row)
        walked.append(name)
      }
      return current
    }
  }

  /// The path from below the root down to `id` (one recursive query, not one per level).
  public func path(of id: Int64) throws -> PlacePath {
    try read { db in try Self.path(db, of: id) }
  }

  static func path(_ db: PGConnection, of id: Int64) throws -> PlacePath {
    let rows = try db.exec(
      """
      WITH RECURSIVE up(id, parent_id, name, n) AS (
        SELECT id, parent_id, name, 0 FROM place WHERE id = $1
        UNION ALL
        SELECT p.id, p.parent_id, p.name, up.n + 1 FROM place p JOIN up ON p.id = up.parent_id WHERE up.n < 64)
      SELECT name FROM up WHERE parent_id IS NOT NULL ORDER BY n DESC
      """, [id])
    return PlacePath(segments: try rows.map { try $0.get(0, as: String.self) })
  }

  /// How many places of each deeper level lie under `id` (depth → count).
  public func levelCounts(under id: Int64) throws -> [Int: Int] {
    try read { db in try Self.levelCounts(db, under: id) }
  }

  static func levelCounts(_ db: PGConnection, under id: Int64) throws -> [Int: Int] {
    var out: [Int: Int] = [:]
    for row in try db.exec("SELECT depth, count FROM level_count WHERE place_id = $1", [id]) {
      out[try row.get(0)] = try row.get(1)
    }
    return out
  }
}
