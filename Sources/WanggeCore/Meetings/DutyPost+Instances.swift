extension DutyPost {
  /// How long before a shift's start a sign-in already counts for it.
  public static let earlySignIn = Span(seconds: 3600)

  /// The starts of the shifts a sign at `at` counts for: each shift whose window, from an hour before
  /// its start to its end, holds `at` (at most two; none when the post is off that day).
  public func shiftStarts(signableAt at: Instant) -> [Instant] {
    let off = Int64(InstantFormat.displayOffsetSeconds)
    let localDay = (at.epochSeconds + off) / 86_400
    let cycle = Int64(max(1, onDays + offDays))
    var out: [Instant] = []
    for day in [localDay - 1, localDay, localDay + 1] {
      let start = Instant(epochSeconds: day * 86_400 + Int64(startMinute) * 60 - off)
      guard at >= start - Self.earlySignIn, at < start + Span(seconds: Int64(lengthMinutes) * 60) else {
        continue
      }
      let pos = ((day - anchorDay) % cycle + cycle) % cycle
      if pos < Int64(max(1, onDays)) { out.append(start) }
    }
    return out
  }

  /// The shift's shape (start, length, rotation) without the person: posts of one shape are counted
  /// together in the duty rollup.
  public var shape: DutyShape {
    DutyShape(
      startMinute: startMinute, lengthMinutes: lengthMinutes, onDays: onDays, offDays: offDays,
      anchorDay: anchorDay)
  }
}

/// A shift's timing shared by many posts: the key of the 空岗 rollup's post counts.
public struct DutyShape: Hashable, Sendable, Codable {
  public var startMinute: Int
  public var lengthMinutes: Int
  public var onDays: Int
  public var offDays: Int
  public var anchorDay: Int64

  public init(startMinute: Int, lengthMinutes: Int, onDays: Int, offDays: Int, anchorDay: Int64) {
    self.startMinute = startMinute
    self.lengthMinutes = lengthMinutes
    self.onDays = onDays
    self.offDays = offDays
    self.anchorDay = anchorDay
  }

  /// The start of this shape's shift covering `now`, if any.
  public func shiftStart(covering now: Instant) -> Instant? {
    DutyPost(
      placeID: 0, role: "-", person: "-", startMinute: startMinute, lengthMinutes: lengthMinutes,
      onDays: onDays, offDays: offDays, anchorDay: anchorDay
    ).shiftStart(covering: now)
  }
}
