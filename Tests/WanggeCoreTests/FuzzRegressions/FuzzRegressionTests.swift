import Foundation
import Testing

@testable import WanggeCore

/// Inputs the fuzzers (`scripts/fuzz`) found or the hostile-input issue named, replayed: each is
/// refused cleanly, or (for the flat scanner) read the same by both event parsers.
@Suite struct WanggeCoreFuzzRegressionTests {
  /// Instants outside 2000–2100 or not on the calendar: bare epochs that overflow when formatted
  /// or shifted, impossible dates, leap seconds, offsets past ±14:00.
  static let instants = [
    "9223372036854775807", "-9223372036854775807", "0", " 6", "2026-02-31T08:00:00+08:00",
    "2026-04-31T08:00:00+08:00", "2026-11-22T23:59:60+08:00", "2026-11-22T08:00:00+99:99",
    "2026-11-22T08:00:00+24:00", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "1999-06-01T00:00:00+08:00",
  ]

  @Test(arguments: instants) func instantIsRefused(text: String) {
    #expect(InstantFormat.parse(text) == nil, "\(text)")
  }

  @Test func realInstantsStillParseAndRoundTrip() throws {
    for text in ["2026-11-22T09:30:00+08:00", "2024-02-29T12:00:00Z", "2100-12-31T23:59:59+08:00"] {
      let instant = try #require(InstantFormat.parse(text), "\(text)")
      #expect(InstantFormat.parse(InstantFormat.iso(instant)) == instant)
    }
  }

  /// Durations that overflowed (trap) or meant no time at all (replayed from TerminalUI's old parser).
  static let durations = [
    "9223372036854775807", "-9223372036854775807", "106751991167300d", "9223372036854775807s1m",
    "153722867280912930m", "0", "0m", "0h0m", "106751991167300d106751991167300h", "527041m",
  ]

  @Test(arguments: durations) func durationIsRefusedWithoutTrapping(text: String) async {
    await #expect(processExitsWith: .success, "\(text)") { [text] in
      let result = DurationText.parse(text)
      precondition((try? result.get()) == nil, "\(text) parsed to \(result)")
    }
  }

  /// Event lines whose `at` was accepted and then crashed `ingest` or the reports.
  static let eventLines = [
    #"{"id":"v","type":"visit","household":1234,"at":"9223372036854775807"}"#,
    #"{"id":"v","type":"visit","household":1234,"at":"-9223372036854775807"}"#,
    #"{"id":"v","type":"visit","household":1234,"at":"0"}"#,
    #"{"id":"v","type":"visit","household":1234,"at":"2026-02-31T08:00:00+08:00"}"#,
    #"{"id":"a\"","type":"ack","task":6,"unit":4711,"at":"9223372036854775807"}"#,
  ]

  @Test(arguments: eventLines) func eventLineIsRefusedByItsAt(line: String) {
    guard case .failure(let problem) = EventLineParser.parse(Substring(line)) else {
      Issue.record("accepted: \(line)")
      return
    }
    #expect(problem.field == "at", "\(line): \(problem)")
  }

  /// Lines the flat scanner reads where the JSON parser read another value: `0`/`1`/`-0` came out
  /// of JSONSerialization as booleans, and integers past 2^53 lost digits through a double.
  static let flatLines = [
    #"{"id":"x","type":"ack","task":-0,"unit":4711,"at":"2026-11-22T09:30:00+08:00","note":null}"#,
    #"{"id":"x","type":"ack","task":1,"unit":1,"at":"2026-11-22T09:30:00+08:00"}"#,
    #"{"id":"x","type":"ack","task":9007199254740993,"unit":4711,"at":"2026-11-22T09:30:00+08:00"}"#,
    #"{"id":"x","type":"green","household":3,"open":1,"at":"2026-11-22T09:30:00+08:00"}"#,
  ]

  @Test(arguments: flatLines) func flatAndJSONParsersAgree(line: String) throws {
    let flat = try #require(FlatEventScanner.scan(Substring(line)))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    let full = object.mapValues(EventFieldValue.init)
    #expect(flat == full)
    #expect(EventLineParser.parse(fields: flat) == EventLineParser.parse(fields: full))
  }

  @Test func aFinishWithAResultKeepsTaskAndUnitOne() {
    // The result object sends the line to the JSON parser, which read `1` as `true`.
    let line =
      #"{"id":"d","type":"done","task":1,"unit":1,"at":"2026-11-22T18:00:00+08:00","result":{"n":1}}"#
    #expect(
      EventLineParser.parse(Substring(line)).map(\.kind)
        == .success(.finished(task: 1, unit: .id(1), result: #"{"n":1}"#)))
  }

  /// A slash before a combining mark: split as one character, the joined path read back differently.
  @Test func placePathReadsBackFromItsText() {
    for text in ["a/ \u{301}b", "河北街道/\u{301}", "x/\u{20DD}/y"] {
      let path = PlacePath(parsing: text)
      #expect(PlacePath(parsing: path.description) == path, "\(text.debugDescription) -> \(path.segments)")
    }
    #expect(PlacePath(parsing: "a/ \u{301}b").segments == ["a", "\u{301}b"])
  }
}
