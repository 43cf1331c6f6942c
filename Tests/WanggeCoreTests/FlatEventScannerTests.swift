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
