import WanggeCore
import WanggeStore

/// What one batch needs to know of the store, read up front with a few array queries: its tasks, the
/// assignments it names by unit id (locked FOR UPDATE in key order, so concurrent writers of the same
/// assignments queue instead of deadlocking), the event ids already stored, and the parents of the
/// units concerned. What the batch names otherwise (unit paths) is read as it comes and cached.
struct PGIngestState {
  /// An assignment's key.
  struct Key: Hashable, Comparable {
    var task: Int64
    var unit: Int64
    static func < (a: Key, b: Key) -> Bool { (a.task, a.unit) < (b.task, b.unit) }
  }

  /// An assignment's acknowledge and finish times (epoch seconds).
  struct Times: Hashable {
    var ack: Int64?
    var finish: Int64?
  }

  /// An event id's stored digest (nil: recorded before digests were kept) and recording time.
  struct StoredEvent {
    var digest: Int64?
    var recordedAt: Int64
  }

  let unitDepth: Int
  private var tasks: [Int64: GridTask] = [:]
  /// Assignments read so far (nil: there is no such assignment); updated as the batch merges.
  var assignments: [Key: Times?] = [:]
  var storedEvents: [String: StoredEvent] = [:]
  private var units: [Int64: Bool] = [:]
  private var unitByPath: [PlacePath: Int64] = [:]
  private var parents: [Int64: Int64?] = [:]

  init(_ db: PGConnection, _ events: [GridEvent]) throws {
    unitDepth = try PostgresStore.unitDepth(db)
    var taskIDs = Set<Int64>()
    var keys = Set<Key>()
    for e in events {
      switch e.kind {
      case .acknowledged(let t, let ref), .finished(let t, let ref, _):
        taskIDs.insert(t)
        if case .id(let u) = ref { keys.insert(Key(task: t, unit: u)) }
      default: break
      }
    }
    // Lock first, in key order; everything read after sees what the writers before us committed. One
    // index probe per key, in the keys' order (the lateral subquery keeps the planner from hashing the
    // whole assignment table, which it does for a join with a long array: the cost would grow with
    // the table, not the batch).
    if !keys.isEmpty {
      let sorted = keys.sorted()
      for key in sorted { assignments[key] = .some(nil) }
      let rows = try db.exec(
        """
        SELECT a.task_id, a.unit_id, a.acked_at, a.finished_at
        FROM unnest($1::bigint[], $2::bigint[]) AS k(t, u) CROSS JOIN LATERAL (
          SELECT task_id, unit_id, acked_at, finished_at FROM assignment
          WHERE task_id = k.t AND unit_id = k.u FOR UPDATE) a
        """, [PGArray.ints(sorted.map(\.task)), PGArray.ints(sorted.map(\.unit))])
      var found: [Int64] = []
      for row in rows {
        let key = Key(task: try row.get(0), unit: try row.get(1))
        assignments[key] = Times(ack: try row.optional(2), finish: try row.optional(3))
        found.append(key.unit)
      }
      for u in found { units[u] = true }
      try loadAncestors(db, of: Set(found))
    }
    if !taskIDs.isEmpty {
      for row in try db.exec(
        """
        SELECT id, type, title, scope_id, issued_at, ack_within, finish_within FROM task
        WHERE id = ANY($1::bigint[])
        """, [PGArray.ints(taskIDs)])
      {
        let id: Int64 = try row.get(0)
        tasks[id] = try PostgresStore.gridTask(row, id: id, from: 1, scopeAt: 3)
      }
    }
    for row in try db.exec(
      "SELECT id, digest, recorded_at FROM event WHERE id = ANY($1::text[])",
      [PGArray.texts(Set(events.map(\.id)))])
    {
      storedEvents[try row.get(0)] = StoredEvent(digest: try row.optional(1), recordedAt: try row.get(2))
    }
  }

  func task(_ id: Int64) throws -> GridTask {
    guard let t = tasks[id] else {
      throw FieldProblem(
        field: "task", problem: "no task has id \(id); list tasks with `wangge report` or `wangge tasks`")
    }
    return t
  }

  /// The assignment's current times (nil: no such assignment); one not read up front is locked now.
  mutating func assignment(_ db: PGConnection, task: Int64, unit: Int64) throws -> Times? {
    let key = Key(task: task, unit: unit)
    if let known = assignments[key] { return known }
    let row = try db.exec(
      "SELECT acked_at, finished_at FROM assignment WHERE task_id = $1 AND unit_id = $2 FOR UPDATE",
      [task, unit]
    ).first
    let times = try row.map { Times(ack: try $0.optional(0), finish: try $0.optional(1)) }
    assignments[key] = .some(times)
    return times
  }

  mutating func unitID(_ db: PGConnection, _ ref: GridEvent.UnitRef) throws -> Int64 {
    switch ref {
    case .id(let id):
      if units[id] == nil {
        units[id] = try !db.exec("SELECT 1 FROM unit WHERE place_id = $1", [id]).isEmpty
      }
      guard units[id] == true else {
        throw FieldProblem(field: "unit", problem: "no unit has id \(id); give a unit's id or path")
      }
      return id
    case .path(let path):
      if let id = unitByPath[path] { return id }
      let place: Place
      do {
        place = try PostgresStore.resolve(db, path)
      } catch let e as StoreError {
        throw FieldProblem(field: "unit", problem: e.description)
      }
      guard place.depth == unitDepth else {
        throw FieldProblem(
          field: "unit", problem: "\"\(path)\" is not a unit; give the path down to the unit (单元)")
      }
      unitByPath[path] = place.id
      return place.id
    }
  }

  /// The places above `place`, nearest first.
  mutating func ancestors(_ db: PGConnection, of place: Int64) throws -> [Int64] {
    if parents[place] == nil { try loadAncestors(db, of: [place]) }
    var out: [Int64] = []
    var current = place
    while let p = parents[current] ?? nil {
      out.append(p)
      current = p
    }
    return out
  }

  /// Reads the parent chains of `places`, one query per level.
  private mutating func loadAncestors(_ db: PGConnection, of places: Set<Int64>) throws {
    var frontier = places.filter { parents[$0] == nil }
    while !frontier.isEmpty {
      var next = Set<Int64>()
      for row in try db.exec(
        "SELECT id, parent_id FROM place WHERE id = ANY($1::bigint[])", [PGArray.ints(frontier)])
      {
        let id: Int64 = try row.get(0)
        let parent: Int64? = try row.optional(1)
        parents[id] = .some(parent)
        if let parent, parents[parent] == nil { next.insert(parent) }
      }
      for id in frontier where parents[id] == nil { parents[id] = .some(nil) }
      frontier = next
    }
  }
}
