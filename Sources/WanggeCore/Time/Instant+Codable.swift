import Foundation

extension CodingUserInfoKey {
  /// Set to `true` in an encoder's `userInfo` to write every ``Instant`` as ISO 8601 with its offset
  /// (`2026-12-02T07:00:00+08:00`, ``InstantFormat/iso(_:)``) instead of `{"epochSeconds": N}`; the
  /// command line's `--json` does (`CommandJSON`).
  public static let instantsAsISO8601 = CodingUserInfoKey(rawValue: "wangge.instantsAsISO8601")!
}

/// An instant is stored as `{"epochSeconds": N}`, and written as an ISO 8601 string when the encoder
/// asks for it (``CodingUserInfoKey/instantsAsISO8601``); either form decodes.
extension Instant {
  private enum CodingKeys: String, CodingKey { case epochSeconds }

  public init(from decoder: any Decoder) throws {
    if let single = try? decoder.singleValueContainer(), let text = try? single.decode(String.self) {
      guard let instant = InstantFormat.parse(text) else {
        throw DecodingError.dataCorruptedError(
          in: single, debugDescription: "\"\(text)\" is not an ISO 8601 instant")
      }
      self = instant
      return
    }
    let keyed = try decoder.container(keyedBy: CodingKeys.self)
    self.init(epochSeconds: try keyed.decode(Int64.self, forKey: .epochSeconds))
  }

  public func encode(to encoder: any Encoder) throws {
    if encoder.userInfo[.instantsAsISO8601] as? Bool == true {
      var single = encoder.singleValueContainer()
      try single.encode(InstantFormat.iso(self))
    } else {
      var keyed = encoder.container(keyedBy: CodingKeys.self)
      try keyed.encode(epochSeconds, forKey: .epochSeconds)
    }
  }
}
