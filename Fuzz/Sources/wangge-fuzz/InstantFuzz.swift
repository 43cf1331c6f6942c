import WanggeCore

/// Instants (`--at`, event `at`): what parses is a real calendar instant of 2000–2100, formats without
/// trapping and reparses to itself.
struct InstantFuzz: FuzzTarget {
  func run(_ bytes: [UInt8]) {
    let input = text(bytes)
    guard let instant = InstantFormat.parse(input) else { return }
    let seconds = instant.epochSeconds
    require(CalendarCheck.inRange(seconds), "\"\(input)\" parsed to epoch \(seconds), outside 2000–2100")
    if let f = CalendarCheck.fields(input) {
      require(CalendarCheck.isReal(f), "\"\(input)\" is not a real calendar instant but parsed (\(f))")
    }
    let shown = InstantFormat.iso(instant)
    require(InstantFormat.parse(shown) == instant, "\"\(input)\" -> \(shown) does not reparse to itself")
    _ = InstantFormat.short(instant)
    _ = InstantFormat.clock(instant)
  }
}
