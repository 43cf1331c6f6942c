import WanggeCore

/// Durations (`--ack-within`, the dispatch form; `DurationText`): what parses is positive, at most a year,
/// and reparses from its own shortest form; what is refused has a message; nothing traps.
struct DurationFuzz: FuzzTarget {
  func run(_ bytes: [UInt8]) {
    let input = text(bytes)
    switch DurationText.parse(input) {
    case .failure(let problem):
      require(!problem.description.isEmpty && !problem.chineseDescription.isEmpty, "\"\(input)\": no message")
    case .success(let span):
      require(span.seconds > 0, "\"\(input)\" parsed to \(span.seconds) s; a window must be longer than zero")
      require(span <= DurationText.longest, "\"\(input)\" parsed to \(span.seconds) s, over a year")
      let shown = DurationText.format(span)
      require(
        DurationText.parse(shown) == .success(span),
        "\"\(input)\" -> \(shown) does not reparse to \(span.seconds)")
    }
  }
}
