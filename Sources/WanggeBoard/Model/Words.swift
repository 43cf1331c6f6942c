import TerminalUI

/// Picks the Chinese or English form of every board string; both are written side by side.
public struct Words: Sendable {
  public var language: Language
  public init(_ language: Language) { self.language = language }
  /// The string in the board's language.
  public func callAsFunction(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }
}
