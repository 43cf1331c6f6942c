import Foundation

/// When an event may say it happened: an acknowledgement or finish not before its task was issued,
/// and no event after the time it is recorded — each with ``skew`` of allowance for senders' clocks.
/// Outside that the event is rejected with the reason, and its batch is not applied.
public enum EventWindow {
  /// The clock-skew allowance on both ends: 5 minutes.
  public static let skew: Int64 = 5 * 60

  /// Checks `at` against the task's issue time (when given) and the recording time (when given).
  public static func check(_ at: Instant, issuedAt: Instant? = nil, recordedAt: Instant?) throws {
    let t = at.epochSeconds
    if let issuedAt, t < saturating(issuedAt.epochSeconds, -skew) {
      throw FieldProblem(
        field: "at",
        problem:
          "before the task was issued (issued \(InstantFormat.iso(issuedAt)); an acknowledgement or finish "
          + "may be at most 5 minutes earlier, for clock skew)")
    }
    if let recordedAt, t > saturating(recordedAt.epochSeconds, skew) {
      throw FieldProblem(
        field: "at",
        problem:
          "in the future (recorded at \(InstantFormat.iso(recordedAt)); an event may be at most 5 minutes "
          + "later than the time it is recorded, for clock skew)")
    }
  }

  /// `a + b` clamped to Int64's range (instants from outside must not trap).
  public static func saturating(_ a: Int64, _ b: Int64) -> Int64 {
    let (sum, overflow) = a.addingReportingOverflow(b)
    return overflow ? (b < 0 ? .min : .max) : sum
  }
}

/// A 64-bit FNV-1a digest of an event's content (type, time and fields, not its id), stored with
/// the id so that the same id sent again with other content is reported as a conflict.
public enum EventDigest {
  public static func of(_ event: GridEvent) -> Int64 {
    var text = "\(event.typeCode)\u{1F}\(event.at.epochSeconds)\u{1F}"
    switch event.kind {
    case .acknowledged(let task, let unit): text += "\(task)\u{1F}\(unitText(unit))"
    case .finished(let task, let unit, let result):
      text += "\(task)\u{1F}\(unitText(unit))\u{1F}\(result.map { "r" + $0 } ?? "-")"
    case .visited(let household): text += "\(household)"
    case .groupBuilt(let unit): text += unitText(unit)
    case .reached(let household, let via): text += "\(household)\u{1F}\(via.rawValue)"
    case .greenChannel(let household, let open): text += "\(household)\u{1F}\(open)"
    }
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    return Int64(bitPattern: hash)
  }

  private static func unitText(_ unit: GridEvent.UnitRef) -> String {
    switch unit {
    case .id(let id): "#\(id)"
    case .path(let path): "/" + path.description
    }
  }
}
