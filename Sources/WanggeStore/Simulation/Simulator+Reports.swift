import WanggeCore

extension Simulator {
  /// About one step in 200 files a station report (a random kind and station, on time), so the `报告`
  /// view moves during a demo. Its randomness comes from the clock and the events applied so far, not
  /// the simulator's generator, so the events it plans are the same with or without it.
  func fileOccasionalReport(at now: Instant) throws -> Bool {
    var rng = SeededRandom(
      seed: UInt64(bitPattern: now.epochSeconds) &* 0x9E37_79B9 &+ UInt64(counts.ingest.applied))
    guard rng.chance(0.005) else { return false }
    var place = try store.root()
    while !place.hasStation {
      let children = try store.children(of: place.id)
      guard !children.isEmpty else { return false }
      place = rng.pick(children)
    }
    let kind = rng.pick(IncidentKind.allCases)
    _ = try store.fileIncident(
      IncidentFiling(
        eventID: "sim-report-\(now.epochSeconds)-\(rng.next() % 1_000_000)", kind: kind,
        severity: IncidentSeverity(rawValue: 2 + rng.below(3))!, placeID: place.id,
        text: DemoReports.texts[kind] ?? kind.rawValue, happenedAt: now - .minutes(Int64(1 + rng.below(20))),
        filedAt: now, operatorName: "sim"), rules: .standard)
    return true
  }
}
