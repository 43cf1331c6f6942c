import Foundation
import Testing

@testable import WanggeCore

/// The fast reader of flat event lines agrees with the full JSON parser, and leaves it anything else.
@Suite struct FlatEventScannerTests {
  static let flatLines = [
    #"{"id":"ack-1","type":"ack","task":6,"unit":4711,"at":"2026-11-22T09:30:00+08:00"}"#,
    #" { "type" : "ack", "at":"2026-11-22T09:30:00Z" ,"unit":"河北街道/水映花城社区/水映花城居民委/水映花城小区/12号楼/3单元","task":"6","id":12 } "#,
    #"{"id":"g","type":"green","household":9,"open":false,"at":"2026-11-22T10:00:00+08:00"}"#,
    #"{"id":"r","type":"reached","household":9,"via":"phone","at":"2026-11-22T10:00:00+08:00","note":null}"#,
    #"{"id":"bad","type":"ack","task":-3,"unit":4711,"at":"2026-11-22T09:30:00+08:00"}"#,
    #"{"id":"bad2","type":"visit","household":true,"at":"2026-11-22T09:30:00+08:00"}"#,
    #"{"id":"","type":"visit","household":1,"at":"2026-11-22T09:30:00+08:00"}"#,
  ]

  /// Hostile lines that still take the fast path: each is refused, by both readers, on `field`.
  static let hostileFlatLines: [(line: String, field: String)] = [
    (#"{"id":"v1","type":"visit","household":1,"at":"9223372036854775807"}"#, "at"),
    (#"{"id":"v2","type":"visit","household":1,"at":"-9223372036854775807"}"#, "at"),
    (#"{"id":"v3","type":"visit","household":1,"at":"0"}"#, "at"),
    (#"{"id":"v4","type":"visit","household":1,"at":" 6"}"#, "at"),
    (#"{"id":"v5","type":"visit","household":1,"at":"2026-02-31T09:00:00+08:00"}"#, "at"),
    (#"{"id":"v6","type":"visit","household":1,"at":"2026-04-31T09:00:00+08:00"}"#, "at"),
    (#"{"id":"v7","type":"visit","household":1,"at":"2026-11-22T23:59:60+08:00"}"#, "at"),
    (#"{"id":"v8","type":"visit","household":1,"at":"2026-11-22T09:00:00+99:99"}"#, "at"),
    (#"{"id":"v9","type":"visit","household":1,"at":"2026-11-22T09:00:00+24:00"}"#, "at"),
    (#"{"id":"va","type":"visit","household":1,"at":"0000-01-01T00:00:00+08:00"}"#, "at"),
    (#"{"id":5,"type":"visit","household":1,"at":"2026-11-22T09:00:00+08:00"}"#, "id"),
    (#"{"id":null,"type":"visit","household":1,"at":"2026-11-22T09:00:00+08:00"}"#, "id"),
    (#"{"id":true,"type":"visit","household":1,"at":"2026-11-22T09:00:00+08:00"}"#, "id"),
    (
      "{\"id\":\"" + String(repeating: "i", count: 129)
        + "\",\"type\":\"visit\",\"household\":1,\"at\":\"2026-11-22T09:00:00+08:00\"}", "id"
    ),
    (
      "{\"id\":\"inv-\u{FFFD}\",\"type\":\"visit\",\"household\":1,\"at\":\"2026-11-22T09:00:00+08:00\"}",
      "id"
    ),
    (
      #"{"id":"h1","type":"visit","household":9007199254740992,"at":"2026-11-22T09:00:00+08:00"}"#,
      "household"
    ),
    (#"{"id":"h2","type":"visit","household":0,"at":"2026-11-22T09:00:00+08:00"}"#, "household"),
    (
      #"{"id":"h3","type":"ack","task":9007199254740992,"unit":4711,"at":"2026-11-22T09:00:00+08:00"}"#,
      "task"
    ),
    (#"{"id":"h4","type":"ack","task":6,"unit":9007199254740992,"at":"2026-11-22T09:00:00+08:00"}"#, "unit"),
  ]

  @Test(arguments: hostileFlatLines) func fastAndFullParsersRefuseHostileLinesAlike(
    line: String, field: String
  )
    throws
  {
    let fast = try #require(FlatEventScanner.scan(Substring(line)), "a flat line takes the fast path")
    let result = EventLineParser.parse(fields: fast)
    #expect(result == Self.full(line))
    guard case .failure(let problem) = result else {
      Issue.record("\(line) must be refused")
      return
    }
    #expect(problem.field == field, "\(problem)")
  }

  @Test func theLargestRowIDIsReadExactlyByBothReaders() throws {
    let line = #"{"id":"h0","type":"visit","household":9007199254740991,"at":"2026-11-22T09:00:00+08:00"}"#
    let fast = try #require(FlatEventScanner.scan(Substring(line)))
    #expect(EventLineParser.parse(fields: fast) == Self.full(line))
    #expect(try EventLineParser.parse(fields: fast).get().kind == .visited(household: 9_007_199_254_740_991))
  }

  static func full(_ line: String) -> Result<GridEvent, FieldProblem> {
    let any = try! JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
    return EventLineParser.parse(fields: any.mapValues(EventFieldValue.init))
  }

  @Test(arguments: flatLines) func fastAndFullParsersAgree(line: String) throws {
    let fast = try #require(FlatEventScanner.scan(Substring(line)), "a flat line takes the fast path")
    #expect(EventLineParser.parse(fields: fast) == Self.full(line))
  }

  @Test func nestedEscapedOrBrokenLinesGoToTheFullParser() {
    for line in [
      #"{"id":"d","type":"done","task":6,"unit":4711,"at":"2026-11-22T18:00:00+08:00","result":{"checked":12}}"#,
      #"{"id":"a\"b","type":"ack","task":6,"unit":4711,"at":"2026-11-22T09:30:00+08:00"}"#,
      #"{"id":"x","type":"ack","task":6.5,"unit":4711,"at":"2026-11-22T09:30:00+08:00"}"#,
      #"{"id":"x","id":"y","type":"ack","task":6,"unit":4711,"at":"2026-11-22T09:30:00+08:00"}"#,
      #"{"id":"x","type":"ack""#, "[1,2]", "", "{}",
    ] {
      #expect(FlatEventScanner.scan(Substring(line)) == nil, "\(line)")
    }
    let done = EventLineParser.parse(
      #"{"id":"d","type":"done","task":6,"unit":4711,"at":"2026-11-22T18:00:00+08:00","result":{"checked":12}}"#
    )
    if case .success(let e) = done, case .finished(_, _, let result) = e.kind {
      #expect(result == #"{"checked":12}"#)
    } else {
      Issue.record("the nested result must still parse: \(done)")
    }
  }
}
