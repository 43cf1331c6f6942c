/// The figures of every place (down to the level above the units) as they stood at one instant,
/// kept for "what changed since the meeting" (`wangge baseline mark`, the board's `b`).
public struct Baseline: Hashable, Sendable, Codable {
  /// The store's id for it (increasing: a later mark has a higher id).
  public var id: Int64
  /// What the meeting called it, e.g. 早例会; automatic marks are named `auto HH:MM`.
  public var name: String
  /// The instant whose figures it keeps.
  public var at: Instant
  /// The reporting window the task figures were counted over (tasks issued within it before `at`).
  public var window: Span
  /// Places it holds one row for.
  public var places: Int
  public init(id: Int64, name: String, at: Instant, window: Span, places: Int) {
    self.id = id
    self.name = name
    self.at = at
    self.window = window
    self.places = places
  }
}

/// Why a baseline cannot be marked or found: each case names the fix.
public enum BaselineProblem: Error, Equatable, CustomStringConvertible {
  /// The name is empty, too long or has control characters.
  case badName(String)
  /// No baseline is called that (or has that id).
  case unknown(String)
  /// The store has no baseline yet.
  case none
  public var description: String {
    switch self {
    case .badName(let n):
      "--name \"\(n)\": a baseline name is 1–\(BaselineName.maxLength) characters without control characters"
    case .unknown(let n):
      "no baseline \"\(n)\"; `wangge baseline list` shows the names and ids"
    case .none: "no baseline yet; mark one with `wangge baseline mark --name 早例会`"
    }
  }
}

/// The bounds on a baseline's name.
public enum BaselineName {
  public static let maxLength = 40
  /// The name trimmed, or the problem with it.
  public static func check(_ raw: String) -> Result<String, BaselineProblem> {
    let name = raw.trimmingSpaces
    guard !name.isEmpty, name.count <= maxLength,
      !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
    else { return .failure(.badName(raw)) }
    return .success(name)
  }
}

extension String {
  /// Without leading and trailing spaces and tabs.
  var trimmingSpaces: String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" { s.removeLast() }
    return String(s)
  }
}
