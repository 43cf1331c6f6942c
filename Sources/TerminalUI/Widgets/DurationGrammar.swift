/// How a form reads and writes durations, given by the application (TerminalUI knows no grammar of its own,
/// so the form and the application's command line read the same text the same way).
public struct DurationGrammar: Sendable, Hashable {
  /// Why a text was refused.
  public enum Refusal: Error, Sendable, Hashable {
    /// A duration, but zero or too long: the field shows its bound.
    case outOfRange
    /// Not a duration; the message says how to write one.
    case unreadable(String)
  }

  /// Names the grammar; two grammars with one name are the same grammar.
  public var name: String
  /// Seconds in the text, or why it is refused, in the language given.
  public var parse: @Sendable (String, Language) -> Result<Int, Refusal>
  /// The shortest text for a number of seconds, which `parse` reads back.
  public var format: @Sendable (Int) -> String

  public init(
    name: String, parse: @escaping @Sendable (String, Language) -> Result<Int, Refusal>,
    format: @escaping @Sendable (Int) -> String
  ) {
    self.name = name
    self.parse = parse
    self.format = format
  }

  public static func == (lhs: DurationGrammar, rhs: DurationGrammar) -> Bool { lhs.name == rhs.name }
  public func hash(into hasher: inout Hasher) { hasher.combine(name) }

  /// Nil when `seconds` is more than 0 and at most `maxSeconds`, else the problem in `language`.
  public func rangeProblem(_ seconds: Int, maxSeconds: Int, _ language: Language) -> String? {
    guard seconds <= 0 || seconds > maxSeconds else { return nil }
    return UIText.durationOutOfRange(maxSeconds: maxSeconds, format: format, language)
  }
}
