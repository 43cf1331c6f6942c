import Foundation
import WanggeCore

/// Encodes command output (`--json`): snake_case keys as the README documents them, sorted keys,
/// slashes unescaped, instants as ISO 8601 with the offset (`2026-12-02T07:00:00+08:00`, China time as
/// the rest of the output), then made safe for a terminal (bidi and C1 characters escaped, `terminalSafeJSON`).
enum CommandJSON {
  /// `value` as JSON; `pretty` for multi-line output (`report --json`), else one line.
  static func text(_ value: some Encodable, pretty: Bool = false) -> String {
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.userInfo[.instantsAsISO8601] = true
    encoder.outputFormatting =
      pretty
      ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
    return terminalSafeJSON(String(decoding: data, as: UTF8.self))
  }

  /// The decoder that reads ``text(_:pretty:)`` back (for tests and scripts written in Swift).
  static var decoder: JSONDecoder {
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return decoder
  }
}

/// A rate rounded to four places, written as `null` when there is nothing to divide by (not left out).
struct JSONRate: Codable, Hashable {
  var value: Double?

  init(_ rate: Double?) { value = rate.map { ($0 * 10000).rounded() / 10000 } }

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    value = container.decodeNil() ? nil : try container.decode(Double.self)
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    if let value { try container.encode(value) } else { try container.encodeNil() }
  }
}
