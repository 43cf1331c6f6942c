import Foundation
import Testing
import WanggeCore

@testable import wangge

/// `--json` writes every instant as ISO 8601 with the offset (one encoder for the whole command line),
/// while other encoders (stores, digests) keep `{"epochSeconds": N}`; both forms decode.
@Suite struct CommandJSONInstantTests {
  struct Row: Codable, Equatable {
    var filedAt: Instant
    var ackDue: Instant?
  }
  let t = Instant(epochSeconds: 1_796_166_000)  // 2026-12-02T07:00:00+08:00

  @Test func commandJSONWritesISO8601WithTheOffset() throws {
    let text = CommandJSON.text(Row(filedAt: t, ackDue: nil))
    #expect(text == #"{"filed_at":"2026-12-02T07:00:00+08:00"}"#)
    #expect(try CommandJSON.decoder.decode(Row.self, from: Data(text.utf8)) == Row(filedAt: t, ackDue: nil))
    #expect(CommandJSON.text(t + .minutes(30)) == #""2026-12-02T07:30:00+08:00""#)
  }

  @Test func otherEncodersKeepEpochSeconds() throws {
    let data = try JSONEncoder().encode(t)
    #expect(String(decoding: data, as: UTF8.self) == #"{"epochSeconds":1796166000}"#)
    #expect(try JSONDecoder().decode(Instant.self, from: data) == t)
  }

  @Test func aStringThatIsNotAnInstantIsRefused() {
    #expect(throws: DecodingError.self) {
      try CommandJSON.decoder.decode(Instant.self, from: Data(#""yesterday""#.utf8))
    }
  }
}
