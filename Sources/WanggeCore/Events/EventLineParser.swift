import Foundation

/// A problem with one field of one input line, phrased so a person can fix it.
public struct FieldProblem: Error, Hashable, Sendable {
  /// The JSON field at fault (or `line` for the line as a whole).
  public var field: String
  /// What is wrong and how to fix it.
  public var problem: String
  public init(field: String, problem: String) {
    self.field = field
    self.problem = problem
  }
}

/// Parses one JSON Lines event. The schema is documented in the README ("Events").
public enum EventLineParser {
  /// The accepted `type` words.
  public static let types =
    ["ack", "done", "visit", "group_built", "reached", "green"] + RegistryChange.typeCodes
    + ScreeningEvent.typeCodes

  /// Parses `line` into an event or the first problem found.
  public static func parse(_ line: Substring) -> Result<GridEvent, FieldProblem> {
    if line.utf8.count > InputBounds.maxLineBytes {
      return .failure(
        FieldProblem(
          field: "line",
          problem: "longer than \(InputBounds.maxLineBytes) bytes (\(line.utf8.count)); one event per line"))
    }
    if let flat = FlatEventScanner.scan(line) { return parse(fields: flat) }
    guard let data = line.data(using: .utf8),
      let any = try? JSONSerialization.jsonObject(with: data, options: []),
      let obj = any as? [String: Any]
    else {
      return .failure(
        FieldProblem(
          field: "line", problem: "not a JSON object; write one event per line as {\"id\":…,\"type\":…}"))
    }
    return parse(fields: obj.mapValues(EventFieldValue.init))
  }

  static func parse(fields obj: [String: EventFieldValue]) -> Result<GridEvent, FieldProblem> {
    do {
      return .success(try event(from: obj))
    } catch let p as FieldProblem {
      return .failure(p)
    } catch {
      return .failure(FieldProblem(field: "line", problem: "\(error)"))
    }
  }

  static func event(from obj: [String: EventFieldValue]) throws -> GridEvent {
    guard let idValue = obj["id"] else { throw missing("id", "a unique event id such as \"ack-000123\"") }
    guard case .string(let id) = idValue else {
      throw FieldProblem(
        field: "id",
        problem:
          "must be a string such as \"ack-000123\" (ids are strings, at most \(InputBounds.maxIDBytes) bytes), got \(idValue.shown.prefix(40))"
      )
    }
    if let problem = InputBounds.idProblem(id) { throw FieldProblem(field: "id", problem: problem) }
    guard case .string(let type)? = obj["type"] else {
      throw missing("type", "one of \(types.joined(separator: ", "))")
    }
    guard case .string(let atText)? = obj["at"] else {
      throw missing("at", "an ISO 8601 time such as \"2026-11-22T09:30:00+08:00\"")
    }
    let at: Instant
    switch InstantFormat.check(atText) {
    case .success(let instant): at = instant
    case .failure(let problem):
      throw FieldProblem(field: "at", problem: "\"\(atText.prefix(40))\": \(problem)")
    }
    let kind: GridEvent.Kind
    switch type {
    case "ack":
      kind = .acknowledged(task: try int(obj, "task"), unit: try unit(obj))
    case "done":
      var result: String?
      switch obj["result"] {
      case nil, .null?: break
      case .json(let text)?:
        try checkResult(text)
        _ = try ScreeningResult.parse(text, at: at)  // a screening result's fields are checked here
        result = text
      default: throw FieldProblem(field: "result", problem: "must be a JSON object or array")
      }
      kind = .finished(task: try int(obj, "task"), unit: try unit(obj), result: result)
    case "visit":
      let (outcome, needs) = try visitDetails(obj)
      kind = .visited(household: try int(obj, "household"), outcome: outcome, needs: needs)
    case "group_built":
      kind = .groupBuilt(unit: try unit(obj))
    case "reached":
      guard case .string(let via)? = obj["via"] else {
        throw missing("via", "\"group\", \"phone\" or \"none\"")
      }
      guard let r = Reachability(code: via) else {
        throw FieldProblem(
          field: "via", problem: "\"\(via.prefix(40))\" is not allowed (allowed: group, phone, none)")
      }
      kind = .reached(household: try int(obj, "household"), via: r)
    case "green":
      guard case .bool(let open)? = obj["open"] else { throw missing("open", "true or false") }
      kind = .greenChannel(household: try int(obj, "household"), open: open)
    case _ where RegistryChange.typeCodes.contains(type):
      kind = .registry(try registryChange(type, obj))
    case _ where ScreeningEvent.typeCodes.contains(type):
      kind = .screening(try screeningEvent(type, obj, at: at))
    default:
      throw FieldProblem(
        field: "type",
        problem: "\"\(type.prefix(40))\" is not an event type (allowed: \(types.joined(separator: ", ")))"
      )
    }
    return GridEvent(id: id, at: at, kind: kind)
  }

  static func missing(_ field: String, _ expected: String) -> FieldProblem {
    FieldProblem(field: field, problem: "missing; add \(expected)")
  }

  /// The ids a row-id field may hold.
  static let rowIDs: ClosedRange<Int64> = 1...InputBounds.maxRowID

  static func int(_ obj: [String: EventFieldValue], _ field: String) throws -> Int64 {
    guard let v = obj[field] else { throw missing(field, "a positive integer id") }
    switch v {
    case .int(let i) where rowIDs.contains(i): return i
    case .number(let d) where d > 0: if let i = Int64(exactly: d), rowIDs.contains(i) { return i }
    case .string(let s): if let i = Int64(s), rowIDs.contains(i) { return i }
    default: break
    }
    throw FieldProblem(
      field: field,
      problem: "must be an integer id from 1 to \(InputBounds.maxRowID), got \(v.shown.prefix(40))")
  }

  /// A finish's `result` within the size and key bounds.
  static func checkResult(_ text: String) throws {
    if let problem = InputBounds.resultProblem(text) { throw FieldProblem(field: "result", problem: problem) }
  }

  static func unit(_ obj: [String: EventFieldValue]) throws -> GridEvent.UnitRef {
    guard let v = obj["unit"] else {
      throw missing("unit", "the unit's id or path such as \"河北街道/水映花城社区/…/12号楼/3单元\"")
    }
    if case .string(let s) = v {
      if let i = Int64(s), rowIDs.contains(i) { return .id(i) }
      let path = PlacePath(parsing: s)
      guard !path.isRoot else {
        throw FieldProblem(field: "unit", problem: "empty path; give the unit's path or id")
      }
      return .path(path)
    }
    if case .int(let i) = v, rowIDs.contains(i) { return .id(i) }
    throw FieldProblem(
      field: "unit", problem: "must be a unit id from 1 to \(InputBounds.maxRowID) or a path string")
  }
}
