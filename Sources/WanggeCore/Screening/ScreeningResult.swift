import Foundation

/// What one unit's screening finish found: households checked, people back from risk areas, people
/// to isolate and problems, read from the finish's `result` JSON (schema in the README, "Screening
/// results"). A result with none of the schema's keys is kept as it is and counts nothing.
public struct ScreeningResult: Hashable, Sendable {
  /// Households checked (`checked`).
  public var checked: Int
  /// People back from elsewhere (`returnees`).
  public var returnees: [Returnee]
  /// People to isolate at home (`isolate`).
  public var isolate: [ToIsolate]
  /// Problems found (`problems`), each a short text.
  public var problems: [String]

  public init(
    checked: Int = 0, returnees: [Returnee] = [], isolate: [ToIsolate] = [], problems: [String] = []
  ) {
    self.checked = checked
    self.returnees = returnees
    self.isolate = isolate
    self.problems = problems
  }

  /// One person back from elsewhere.
  public struct Returnee: Hashable, Sendable {
    public var household: Int64
    public var name: String
    /// Where from, e.g. `山东临沂`.
    public var from: String
    /// The day they arrived.
    public var arrived: LocalDay
    /// The risk level of where they came from, when given.
    public var risk: RiskLevel?
    public init(household: Int64, name: String, from: String, arrived: LocalDay, risk: RiskLevel? = nil) {
      self.household = household
      self.name = name
      self.from = from
      self.arrived = arrived
      self.risk = risk
    }
  }

  /// One person to isolate at home.
  public struct ToIsolate: Hashable, Sendable {
    public var household: Int64
    public var name: String
    public var risk: RiskLevel
    /// The first day of isolation (nil: the day of the finish).
    public var start: LocalDay?
    public init(household: Int64, name: String, risk: RiskLevel, start: LocalDay? = nil) {
      self.household = household
      self.name = name
      self.risk = risk
      self.start = start
    }
  }

  /// The schema's keys; a result holding none of them is not a screening result.
  public static let keys = ["checked", "returnees", "isolate", "problems"]
  /// Bounds on what one unit's finish may report.
  public static let maxChecked = 5_000
  public static let maxPeople = 40
  public static let maxProblems = 20
  public static let maxNameCharacters = 40
  public static let maxPlaceCharacters = 60
  public static let maxProblemCharacters = 200
  /// The oldest arrival or start day accepted: this many days before the finish.
  public static let maxAgeDays: Int64 = 60

  /// People counted as returnees plus isolated (for the rollups).
  public var isEmpty: Bool { checked == 0 && returnees.isEmpty && isolate.isEmpty && problems.isEmpty }

  /// Parses and bounds `json`, a finish made at `at`; nil when it holds none of ``keys``. A problem
  /// names the field (`result.returnees[0].arrived`) and the fix.
  public static func parse(_ json: String, at: Instant) throws -> ScreeningResult? {
    guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
      return nil
    }
    guard keys.contains(where: { object[$0] != nil }) else { return nil }
    let today = LocalDay(at)
    var r = ScreeningResult()
    if let v = object["checked"] {
      r.checked = try count(v, "result.checked", max: maxChecked)
    }
    for (i, item) in try list(object["returnees"], "result.returnees", max: maxPeople).enumerated() {
      let field = "result.returnees[\(i)]"
      let o = try entry(item, field)
      r.returnees.append(
        Returnee(
          household: try household(o, field), name: try text(o, "name", field, max: maxNameCharacters),
          from: try text(o, "from", field, max: maxPlaceCharacters),
          arrived: try day(o["arrived"], "\(field).arrived", today: today, required: true)!,
          risk: try risk(o["risk"], "\(field).risk")))
    }
    for (i, item) in try list(object["isolate"], "result.isolate", max: maxPeople).enumerated() {
      let field = "result.isolate[\(i)]"
      let o = try entry(item, field)
      let h = try household(o, field)
      let name = try text(o, "name", field, max: maxNameCharacters)
      let back = r.returnees.first { $0.household == h && $0.name == name }
      r.isolate.append(
        ToIsolate(
          household: h, name: name, risk: try risk(o["risk"], "\(field).risk") ?? back?.risk ?? .high,
          start: try day(o["start"], "\(field).start", today: today, required: false) ?? back?.arrived))
    }
    for (i, item) in try list(object["problems"], "result.problems", max: maxProblems).enumerated() {
      guard let s = item as? String else {
        throw FieldProblem(field: "result.problems[\(i)]", problem: "must be a text such as \"3户联系不上\"")
      }
      r.problems.append(try clean(s, "result.problems[\(i)]", max: maxProblemCharacters))
    }
    return r
  }

  static func count(_ v: Any, _ field: String, max: Int) throws -> Int {
    if let n = v as? NSNumber, String(cString: n.objCType) != "c", let i = Int(exactly: n.doubleValue),
      (0...max).contains(i)
    {
      return i
    }
    throw FieldProblem(field: field, problem: "must be a whole number from 0 to \(max) (households checked)")
  }

  static func list(_ v: Any?, _ field: String, max: Int) throws -> [Any] {
    guard let v, !(v is NSNull) else { return [] }
    guard let a = v as? [Any] else {
      throw FieldProblem(field: field, problem: "must be a list [ {…}, … ]")
    }
    guard a.count <= max else {
      throw FieldProblem(
        field: field, problem: "at most \(max) entries per unit, got \(a.count); split the finish per unit")
    }
    return a
  }

  static func entry(_ v: Any, _ field: String) throws -> [String: Any] {
    guard let o = v as? [String: Any] else {
      throw FieldProblem(
        field: field, problem: "must be an object such as {\"household\":1201,\"name\":\"张伟\"}")
    }
    return o
  }

  static func household(_ o: [String: Any], _ field: String) throws -> Int64 {
    guard let v = o["household"] else {
      throw FieldProblem(field: "\(field).household", problem: "missing; add the household's id")
    }
    if let n = v as? NSNumber, String(cString: n.objCType) != "c", let i = Int64(exactly: n.doubleValue),
      (1...InputBounds.maxRowID).contains(i)
    {
      return i
    }
    if let s = v as? String, let i = Int64(s), (1...InputBounds.maxRowID).contains(i) { return i }
    throw FieldProblem(
      field: "\(field).household", problem: "must be a household id from 1 to \(InputBounds.maxRowID)")
  }

  static func text(_ o: [String: Any], _ key: String, _ field: String, max: Int) throws -> String {
    guard let s = o[key] as? String else {
      throw FieldProblem(
        field: "\(field).\(key)", problem: "missing or not a text; add it, e.g. \"张伟\" or \"山东临沂\"")
    }
    return try clean(s, "\(field).\(key)", max: max)
  }

  /// Trims blanks and refuses empty text, control characters and text longer than `max` characters.
  public static func clean(_ s: String, _ field: String, max: Int) throws -> String {
    let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !t.isEmpty else { throw FieldProblem(field: field, problem: "empty; write the text") }
    guard t.count <= max else {
      throw FieldProblem(field: field, problem: "at most \(max) characters, got \(t.count); shorten it")
    }
    guard
      !t.unicodeScalars.contains(where: {
        $0.properties.generalCategory == .control || $0.properties.generalCategory == .format
      })
    else {
      throw FieldProblem(field: field, problem: "holds control characters; write plain text")
    }
    return t
  }

  static func risk(_ v: Any?, _ field: String) throws -> RiskLevel? {
    guard let v, !(v is NSNull) else { return nil }
    guard let s = v as? String, let r = RiskLevel(rawValue: s) else {
      throw FieldProblem(field: field, problem: "must be \"high\", \"medium\" or \"low\"")
    }
    return r
  }

  /// A `YYYY-MM-DD` day not after `today` and not more than ``maxAgeDays`` before it.
  public static func day(_ v: Any?, _ field: String, today: LocalDay, required: Bool) throws -> LocalDay? {
    guard let v, !(v is NSNull) else {
      if required {
        throw FieldProblem(field: field, problem: "missing; add the day such as \"\(today.iso)\"")
      }
      return nil
    }
    guard let s = v as? String, let d = LocalDay(iso: s) else {
      throw FieldProblem(field: field, problem: "must be a day such as \"\(today.iso)\" (YYYY-MM-DD)")
    }
    try sane(d, field, today: today)
    return d
  }

  /// Refuses a day after `today` or more than ``maxAgeDays`` before it.
  public static func sane(_ d: LocalDay, _ field: String, today: LocalDay) throws {
    if d > today {
      throw FieldProblem(
        field: field, problem: "\(d.iso) is after the event's day \(today.iso); give the day it happened")
    }
    if today.number - d.number > maxAgeDays {
      throw FieldProblem(
        field: field,
        problem: "\(d.iso) is more than \(maxAgeDays) days before \(today.iso); check the year and month")
    }
  }
}
