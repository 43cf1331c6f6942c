import ArgumentParser
import TerminalUI
import WanggeBoard
import WanggeCore
import WanggeStore

// The closed sets of values an option takes: ArgumentParser refuses anything else and lists the allowed
// values in its message ("Please provide one of 'screening', 'notice' or 'visit'").

extension TaskType: ExpressibleByArgument {}
extension RankingDimension: ExpressibleByArgument {}
extension BoardView: ExpressibleByArgument {}

extension Language: ExpressibleByArgument {
  /// `zh`, `en`, and locale spellings such as `zh-Hans` or `en_US`.
  public init?(argument: String) { self.init(code: argument) }
}

/// Why an option's text was refused; the message names the option (`--size: at most 1000x500 …`).
struct OptionProblem: Error, CustomStringConvertible {
  let description: String
}

/// Readers of option texts with bounds (for `@Option(transform:)`): each error names the option and the fix.
enum OptionValue {
  /// An instant in ISO 8601 with a real calendar date (`InstantFormat.check`), e.g. for `--at`.
  static func instant(_ option: String) -> @Sendable (String) throws -> Instant {
    { text in
      switch InstantFormat.check(text) {
      case .success(let instant): return instant
      case .failure(let problem):
        throw OptionProblem(description: "\(option): \"\(text.prefix(40))\": \(problem)")
      }
    }
  }

  /// A task window in the one duration grammar (`DurationText`), more than 0 and at most
  /// `InputBounds.maxTaskWindow`, e.g. for `--ack-within`.
  static func taskWindow(_ option: String) -> @Sendable (String) throws -> Span {
    { text in
      switch DurationText.parse(text) {
      case .success(let span):
        if let problem = InputBounds.windowProblem(span) {
          throw OptionProblem(description: "\(option): \(problem)")
        }
        return span
      case .failure(.zero):
        throw OptionProblem(description: "\(option): \(InputBounds.windowProblem(Span(seconds: 0)) ?? "")")
      case .failure(.tooLong):
        throw OptionProblem(
          description:
            "\(option): at most \(InputBounds.maxTaskWindow.seconds / 86_400) days, got \"\(text.prefix(40))\""
        )
      case .failure(let problem):
        throw OptionProblem(description: "\(option): \(problem)")
      }
    }
  }

  /// A frame size `WIDTHxHEIGHT` within `Size.largestFrame`, e.g. for `--size`.
  static func size(_ option: String = "--size", example: String) -> @Sendable (String) throws -> Size {
    { text in
      if let size = Size(parsing: text) { return size }
      let largest = Size.largestFrame
      throw OptionProblem(
        description:
          "\(option): at most \(largest.width)x\(largest.height) and at least 1x1, as WIDTHxHEIGHT (e.g. \(example)); got \"\(text.prefix(40))\""
      )
    }
  }
}
