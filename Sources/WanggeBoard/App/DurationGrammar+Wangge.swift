import TerminalUI
import WanggeCore

extension DurationGrammar {
  /// WanggeCore's one duration grammar (``DurationText``) for forms: the board's dispatch form reads
  /// `3小时` or `1d12h` exactly as `wangge dispatch --ack-within` does.
  public static let wangge = DurationGrammar(
    name: "wangge",
    parse: { text, language in
      switch DurationText.parse(text) {
      case .success(let span): return .success(Int(clamping: span.seconds))
      case .failure(let problem) where problem.isOutOfRange: return .failure(.outOfRange)
      case .failure(let problem):
        return .failure(.unreadable(language == .zh ? problem.chineseDescription : problem.description))
      }
    },
    format: { DurationText.format(Span(seconds: Int64($0))) })
}
