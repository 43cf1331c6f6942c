/// The fields of the screening and isolation events (``ScreeningEvent``); documented in the README.
extension EventLineParser {
  static func screeningEvent(_ type: String, _ obj: [String: EventFieldValue], at: Instant) throws
    -> ScreeningEvent
  {
    let today = LocalDay(at)
    switch type {
    case "arrival_expect":
      guard case .string(let s)? = obj["day"], let day = LocalDay(iso: s) else {
        throw FieldProblem(
          field: "day", problem: "missing or not a day; add the expected day such as \"\(today.iso)\"")
      }
      guard abs(day.number - today.number) <= ScreeningResult.maxAgeDays else {
        throw FieldProblem(
          field: "day",
          problem:
            "\(day.iso) is more than \(ScreeningResult.maxAgeDays) days from \(today.iso); check the date")
      }
      return .arrivalExpected(
        household: try int(obj, "household"), name: try screeningText(obj, "name", required: true)!,
        from: try screeningText(obj, "from", required: true, max: ScreeningResult.maxPlaceCharacters)!,
        day: day,
        risk: try risk(obj))
    case "arrival":
      return .arrived(
        household: try int(obj, "household"), name: try screeningText(obj, "name", required: true)!,
        from: try screeningText(obj, "from", required: false, max: ScreeningResult.maxPlaceCharacters),
        risk: try risk(obj))
    case "isolation_open":
      var start: LocalDay?
      if case .string(let s)? = obj["start"] {
        guard let d = LocalDay(iso: s) else {
          throw FieldProblem(field: "start", problem: "must be a day such as \"\(today.iso)\"")
        }
        try ScreeningResult.sane(d, "start", today: today)
        start = d
      }
      return .isolationOpened(
        household: try int(obj, "household"), name: try screeningText(obj, "name", required: true)!,
        risk: try risk(obj) ?? .high, start: start)
    case "isolation_check":
      var tenths: Int?
      switch obj["temperature"] {
      case nil, .null?: break
      case .int(let i)?: tenths = Int(i) * 10
      case .number(let d)?: tenths = Int((d * 10).rounded())
      default: throw FieldProblem(field: "temperature", problem: "must be a number of degrees such as 36.5")
      }
      if let t = tenths, !ScreeningEvent.temperatureRange.contains(t) {
        throw FieldProblem(field: "temperature", problem: "must be from 34.0 to 43.0 degrees")
      }
      return .isolationCheck(
        case: try int(obj, "case"), temperatureTenths: tenths,
        symptoms: try flag(obj, "symptoms", default: false),
        sealIntact: try flag(obj, "seal", default: true))
    default:
      let status: IsolationStatus =
        type == "isolation_release" ? .released : type == "isolation_transfer" ? .transferred : .lost
      return .isolationClosed(
        case: try int(obj, "case"), status: status,
        note: try screeningText(obj, "note", required: false, max: ScreeningResult.maxProblemCharacters) ?? ""
      )
    }
  }

  static func screeningText(
    _ obj: [String: EventFieldValue], _ field: String, required: Bool,
    max: Int = ScreeningResult.maxNameCharacters
  ) throws -> String? {
    switch obj[field] {
    case nil, .null?:
      if required { throw missing(field, "a text such as \"张伟\"") }
      return nil
    case .string(let s)?: return try ScreeningResult.clean(s, field, max: max)
    default: throw FieldProblem(field: field, problem: "must be a text")
    }
  }

  static func risk(_ obj: [String: EventFieldValue]) throws -> RiskLevel? {
    switch obj["risk"] {
    case nil, .null?: return nil
    case .string(let s)?:
      if let r = RiskLevel(rawValue: s) { return r }
      fallthrough
    default: throw FieldProblem(field: "risk", problem: "must be \"high\", \"medium\" or \"low\"")
    }
  }

  static func flag(_ obj: [String: EventFieldValue], _ field: String, default d: Bool) throws -> Bool {
    switch obj[field] {
    case nil, .null?: return d
    case .bool(let b)?: return b
    default: throw FieldProblem(field: field, problem: "must be true or false")
    }
  }
}
