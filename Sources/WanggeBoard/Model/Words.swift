import TerminalUI

/// Picks the Chinese or English form of every board string; both are written side by side.
public struct Words: Sendable {
  public var language: Language
  /// When deadlines and rates turn amber, red or green (from `board.conf`).
  public var thresholds: BoardThresholds
  public init(_ language: Language, thresholds: BoardThresholds = .standard) {
    self.language = language
    self.thresholds = thresholds
  }
  /// The string in the board's language.
  public func callAsFunction(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }
}
