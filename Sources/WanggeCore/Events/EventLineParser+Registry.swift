import Foundation

/// The fields of the registry change events (`leader_replace`, `move_in`, `move_out`, `vacant`,
/// `help_open`, `help_change`, `help_close`); documented in the README ("Events").
extension EventLineParser {
  /// The longest name, room, helper or department accepted (characters).
  static let maxNameCharacters = 64
  /// The longest reason or needs text accepted (characters).
  static let maxReasonCharacters = 500

  static func registryChange(_ type: String, _ obj: [String: EventFieldValue]) throws -> RegistryChange {
    switch type {
    case "leader_replace" where obj["leader"] != nil:
      return .leaderChosen(unit: try unit(obj), leader: try int(obj, "leader"))
    case "leader_replace":
      return .leaderReplaced(
        unit: try unit(obj), name: try text(obj, "name", "the new leader's name"),
        phone: try phone(obj, "phone"),
        department: try optionalText(obj, "department", "the department name", required: false) ?? "")
    case "move_in":
      return .movedIn(
        unit: try unit(obj), room: try text(obj, "room", "the room, such as \"301\""),
        headName: try text(obj, "head", "the head of household's name"), phone: try phone(obj, "phone"),
        people: try people(obj), flags: try flags(obj))
    case "move_out":
      return .movedOut(
        household: try household(obj),
        reason: try optionalText(obj, "reason", "why", required: false, max: maxReasonCharacters) ?? "")
    case "vacant":
      var vacant = true
      switch obj["vacant"] {
      case nil, .null?: break
      case .bool(let b)?: vacant = b
      default: throw FieldProblem(field: "vacant", problem: "must be true or false")
      }
      return .vacant(household: try household(obj), vacant: vacant)
    case "help_open":
      guard let mode = try mode(obj) else { throw missing("mode", "one of \(modeCodes)") }
      guard let cadence = try cadence(obj) else { throw missing("cadence", "a visit cadence such as \"7d\"") }
      var green = false
      switch obj["green"] {
      case nil, .null?: break
      case .bool(let b)?: green = b
      default: throw FieldProblem(field: "green", problem: "must be true or false")
      }
      return .helpOpened(
        household: try household(obj), mode: mode, helper: try text(obj, "helper", "the helper's name"),
        cadence: cadence,
        needs: try optionalText(obj, "needs", "what is needed", required: false, max: maxReasonCharacters)
          ?? "",
        green: green)
    case "help_change":
      let helper = try optionalText(obj, "helper", "the helper's name", required: false)
      let cadence = try cadence(obj)
      let mode = try mode(obj)
      guard helper != nil || cadence != nil || mode != nil else {
        throw FieldProblem(field: "helper", problem: "nothing to change; give helper, cadence or mode")
      }
      return .helpChanged(household: try household(obj), helper: helper, cadence: cadence, mode: mode)
    default:  // help_close
      return .helpClosed(
        household: try household(obj),
        reason: try text(obj, "reason", "why it closes, such as \"已康复\"", max: maxReasonCharacters))
    }
  }

  static var modeCodes: String { ServiceMode.allCases.map(\.code).joined(separator: ", ") }

  /// A trimmed, non-empty text field within its bound.
  static func text(
    _ obj: [String: EventFieldValue], _ field: String, _ what: String, max: Int = maxNameCharacters
  ) throws -> String {
    try optionalText(obj, field, what, required: true, max: max)!
  }

  /// A trimmed, non-empty text field within its bound (nil when absent and not required).
  static func optionalText(
    _ obj: [String: EventFieldValue], _ field: String, _ what: String, required: Bool = true,
    max: Int = maxNameCharacters
  ) throws -> String? {
    switch obj[field] {
    case nil, .null?:
      if required { throw missing(field, what) }
      return nil
    case .string(let s)?:
      let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
      if t.isEmpty {
        if required { throw FieldProblem(field: field, problem: "empty; give \(what)") }
        return nil
      }
      if t.count > max {
        throw FieldProblem(field: field, problem: "longer than \(max) characters; shorten it")
      }
      if t.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
        throw FieldProblem(field: field, problem: "holds a control character; remove it")
      }
      return t
    case let v?:
      throw FieldProblem(field: field, problem: "must be a string (\(what)), got \(v.shown.prefix(40))")
    }
  }

  /// A phone: an 11-digit mobile or a landline of 7–12 digits (`-` allowed), kept as written.
  static func phone(_ obj: [String: EventFieldValue], _ field: String) throws -> String {
    let p = try text(obj, field, "a phone such as \"13812345678\"")
    if let problem = RegistryText.phoneProblem(p) { throw FieldProblem(field: field, problem: problem) }
    return p
  }

  static func people(_ obj: [String: EventFieldValue]) throws -> Int {
    switch obj["people"] {
    case nil, .null?: throw missing("people", "the number of people, 0 to 50")
    case .int(let i)? where (0...50).contains(i): return Int(i)
    case let v?:
      throw FieldProblem(
        field: "people", problem: "must be a whole number from 0 to 50, got \(v.shown.prefix(40))")
    }
  }

  static func flags(_ obj: [String: EventFieldValue]) throws -> VulnerabilityFlags {
    var words: [String] = []
    switch obj["flags"] {
    case nil, .null?: return []
    case .string(let s)?: words = s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    case .json(let j)?:
      guard let list = (try? JSONSerialization.jsonObject(with: Data(j.utf8))) as? [String] else {
        throw FieldProblem(
          field: "flags", problem: "must be a list of flag codes such as [\"elderly_alone\"]")
      }
      words = list
    case let v?:
      throw FieldProblem(field: "flags", problem: "must be a list of flag codes, got \(v.shown.prefix(40))")
    }
    var out: VulnerabilityFlags = []
    for w in words where !w.isEmpty {
      guard let f = VulnerabilityFlags.codes.first(where: { $0.1 == w })?.0 else {
        throw FieldProblem(
          field: "flags",
          problem:
            "\"\(w.prefix(40))\" is not a flag (allowed: \(VulnerabilityFlags.codes.map(\.1).joined(separator: ", ")))"
        )
      }
      out.insert(f)
    }
    return out
  }

  static func mode(_ obj: [String: EventFieldValue]) throws -> ServiceMode? {
    switch obj["mode"] {
    case nil, .null?: return nil
    case .string(let s)?:
      guard let m = ServiceMode(code: s) else {
        throw FieldProblem(
          field: "mode", problem: "\"\(s.prefix(40))\" is not allowed (allowed: \(modeCodes))")
      }
      return m
    case let v?:
      throw FieldProblem(field: "mode", problem: "must be one of \(modeCodes), got \(v.shown.prefix(40))")
    }
  }

  /// A visit cadence: duration text (`7d`, `3天`) or whole seconds, from 1 hour to 366 days.
  static func cadence(_ obj: [String: EventFieldValue]) throws -> Span? {
    let span: Span
    switch obj["cadence"] {
    case nil, .null?: return nil
    case .string(let s)?:
      switch DurationText.parse(s) {
      case .success(let d): span = d
      case .failure(let p): throw FieldProblem(field: "cadence", problem: "\(p)")
      }
    case .int(let i)?: span = Span(seconds: i)
    case let v?:
      throw FieldProblem(
        field: "cadence", problem: "must be a duration such as \"7d\", got \(v.shown.prefix(40))")
    }
    guard span.seconds >= 3600, span <= DurationText.longest else {
      throw FieldProblem(field: "cadence", problem: "must lie between 1h and 366d (e.g. \"7d\")")
    }
    return span
  }

  /// The household: `household` (its id), or `unit` and `room`.
  static func household(_ obj: [String: EventFieldValue]) throws -> HouseholdRef {
    if obj["household"] != nil { return .id(try int(obj, "household")) }
    guard obj["room"] != nil else {
      throw missing("household", "the household's id, or its unit and room")
    }
    return .room(unit: try unit(obj), room: try text(obj, "room", "the room, such as \"301\""))
  }
}

/// Checks on registry texts shared by the event parser and the commands.
public enum RegistryText {
  /// Why `phone` is not a phone number (nil when it is one): 11-digit mobiles `1[3-9]…`, landlines of
  /// 7–12 digits (`-` allowed after the area code).
  public static func phoneProblem(_ phone: String) -> String? {
    let digits = phone.filter { $0 != "-" }
    guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
      return
        "\"\(phone.prefix(40))\" is not a phone number; write digits such as 13812345678 or 0432-64201234"
    }
    if digits.first == "1" {
      guard digits.count == 11, let second = digits.dropFirst().first, "3456789".contains(second) else {
        return "\"\(phone.prefix(40))\" is not a mobile number; write 11 digits such as 13812345678"
      }
      return nil
    }
    guard (7...12).contains(digits.count) else {
      return
        "\"\(phone.prefix(40))\" has \(digits.count) digits; write a mobile or a landline such as 0432-64201234"
    }
    return nil
  }
}
