import TerminalUI

/// Durations (`--ack-within`, the dispatch form): what parses is positive and reparses from its own
/// shortest form; nothing traps.
struct DurationFuzz: FuzzTarget {
  func run(_ bytes: [UInt8]) {
    let input = text(bytes)
    guard let seconds = DurationParser.seconds(input) else { return }
    require(seconds > 0, "\"\(input)\" parsed to \(seconds) s; a window must be longer than zero")
    let shown = DurationParser.format(seconds)
    require(
      DurationParser.seconds(shown) == seconds, "\"\(input)\" -> \(shown) does not reparse to \(seconds)")
  }
}
