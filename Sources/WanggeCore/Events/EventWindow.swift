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
    var h = FNV64()
    h.mix(event.typeCode)
    h.mix(event.at.epochSeconds)
    switch event.kind {
    case .acknowledged(let task, let unit):
      h.mix(task)
      h.mix(unit)
    case .finished(let task, let unit, let result):
      h.mix(task)
      h.mix(unit)
      if let result {
        h.mix(byte: 1)
        h.mix(result)
      } else {
        h.mix(byte: 0)
      }
    case .visited(let household, let outcome, let needs):
      h.mix(household)
      // A plain visit digests as before the outcomes, so stored digests of old visits still match.
      if outcome != .seen || !needs.isEmpty {
        h.mix(outcome.rawValue)
        h.mix(VisitNeed.encode(needs))
      }
    case .groupBuilt(let unit): h.mix(unit)
    case .reached(let household, let via):
      h.mix(household)
      h.mix(Int64(via.rawValue))
    case .greenChannel(let household, let open):
      h.mix(household)
      h.mix(byte: open ? 1 : 0)
    case .registry(let change): h.mix(change.digestText)
    case .screening(let e): h.mix(e.digestText)
    }
    return Int64(bitPattern: h.value)
  }
}

/// 64-bit FNV-1a over the fields themselves (no text is built: ingest digests every event).
struct FNV64 {
  var value: UInt64 = 0xcbf2_9ce4_8422_2325

  mutating func mix(byte: UInt8) {
    value ^= UInt64(byte)
    value = value &* 0x0000_0100_0000_01b3
  }

  /// Eight bytes, little end first.
  mutating func mix(_ n: Int64) {
    var v = UInt64(bitPattern: n)
    for _ in 0..<8 {
      mix(byte: UInt8(truncatingIfNeeded: v))
      v >>= 8
    }
  }

  /// The text's UTF-8 bytes, then a separator that no UTF-8 text contains.
  mutating func mix(_ text: String) {
    for byte in text.utf8 { mix(byte: byte) }
    mix(byte: 0xFF)
  }

  mutating func mix(_ unit: GridEvent.UnitRef) {
    switch unit {
    case .id(let id):
      mix(byte: 0)
      mix(id)
    case .path(let path):
      mix(byte: 1)
      for segment in path.segments { mix(segment) }
    }
  }
}
