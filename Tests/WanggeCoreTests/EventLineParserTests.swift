import Testing
import WanggeCore

/// JSON Lines events: good lines parse, bad lines name the field and the fix.
struct EventLineParserTests {
  func problem(_ line: String) -> FieldProblem? {
    if case .failure(let p) = EventLineParser.parse(Substring(line)) { return p }
    return nil
  }

  @Test func acknowledgementByPathParses() throws {
    let r = EventLineParser.parse(
      #"{"id":"a1","type":"ack","task":3,"unit":"河北街道/水映花城社区/12号楼/3单元","at":"2026-11-22T09:30:00+08:00"}"#)
    let e = try r.get()
    #expect(e.id == "a1")
    #expect(e.kind == .acknowledged(task: 3, unit: .path(PlacePath(parsing: "河北街道/水映花城社区/12号楼/3单元"))))
    #expect(e.at == InstantFormat.parse("2026-11-22T09:30:00+08:00"))
  }

  @Test func everyTypeParses() throws {
    let lines = [
      #"{"id":"1","type":"done","task":3,"unit":42,"at":"2026-11-22T10:00","result":{"checked":12}}"#,
      #"{"id":"2","type":"visit","household":7,"at":"2026-11-22T10:00"}"#,
      #"{"id":"3","type":"group_built","unit":"42","at":"2026-11-22T10:00"}"#,
      #"{"id":"4","type":"reached","household":7,"via":"phone","at":"2026-11-22T10:00"}"#,
      #"{"id":"5","type":"green","household":7,"open":true,"at":"2026-11-22T10:00"}"#,
    ]
    let kinds = try lines.map { try EventLineParser.parse(Substring($0)).get().typeCode }
    #expect(kinds == ["done", "visit", "group_built", "reached", "green"])
    if case .finished(_, let unit, let result) = try EventLineParser.parse(Substring(lines[0])).get().kind {
      #expect(unit == .id(42))
      #expect(result == #"{"checked":12}"#)
    } else {
      Issue.record("done did not parse as finished")
    }
  }

  @Test func problemsNameTheField() {
    #expect(problem("not json")?.field == "line")
    #expect(problem(#"{"type":"ack"}"#)?.field == "id")
    #expect(problem(#"{"id":"x","type":"nope","at":"2026-11-22T10:00"}"#)?.field == "type")
    #expect(problem(#"{"id":"x","type":"ack","at":"2026-11-22T10:00","unit":5}"#)?.field == "task")
    #expect(problem(#"{"id":"x","type":"ack","at":"yesterday","task":1,"unit":5}"#)?.field == "at")
    #expect(problem(#"{"id":"x","type":"ack","at":"2026-11-22T10:00","task":-1,"unit":5}"#)?.field == "task")
    #expect(
      problem(#"{"id":"x","type":"reached","at":"2026-11-22T10:00","household":1,"via":"fax"}"#)?.problem
        .contains("allowed: group, phone, none") == true)
    #expect(problem(#"{"id":"x","type":"green","at":"2026-11-22T10:00","household":1}"#)?.field == "open")
  }

  @Test func hostileValuesAreRefusedWithTheirBound() {
    let at = #""at":"2026-11-22T09:00:00+08:00""#
    let long = problem(
      #"{"id":"\#(String(repeating: "x", count: 200))","type":"visit","household":1,\#(at)}"#)
    #expect(long?.field == "id")
    #expect(long?.problem.contains("at most 128 bytes") == true)
    let number = problem(#"{"id":5,"type":"visit","household":1,\#(at)}"#)
    #expect(number?.field == "id")
    #expect(number?.problem.contains("ids are strings") == true)
    let epoch = problem(#"{"id":"v","type":"visit","household":1,"at":"9223372036854775807"}"#)
    #expect(epoch?.field == "at")
    let keys = (0...200).map { "\"k\($0)\":\($0)" }.joined(separator: ",")
    let many = problem(#"{"id":"d","type":"done","task":6,"unit":4711,\#(at),"result":{\#(keys)}}"#)
    #expect(many?.field == "result")
    #expect(many?.problem == "at most 200 keys, got 201")
    let fits = (0..<200).map { "\"k\($0)\":\($0)" }.joined(separator: ",")
    #expect(problem(#"{"id":"d","type":"done","task":6,"unit":4711,\#(at),"result":{\#(fits)}}"#) == nil)
    let blob = String(repeating: "y", count: 17_000)
    let big = problem(#"{"id":"d","type":"done","task":6,"unit":4711,\#(at),"result":["\#(blob)"]}"#)
    #expect(big?.field == "result")
    #expect(big?.problem.contains("at most 16384 bytes") == true)
    let huge = problem(
      #"{"id":"\#(String(repeating: "z", count: 70_000))","type":"visit","household":1,\#(at)}"#)
    #expect(huge?.field == "line")
    #expect(huge?.problem.contains("65536") == true)
    // Escaped ids (the full JSON reader) keep their exact text: \u00ff and \u00fe differ.
    let ff = EventLineParser.parse(#"{"id":"inv-\u00ff","type":"visit","household":1,\#(at)}"#)
    let fe = EventLineParser.parse(#"{"id":"inv-\u00fe","type":"visit","household":1,\#(at)}"#)
    #expect((try? ff.get().id) == "inv-\u{FF}")
    #expect((try? fe.get().id) == "inv-\u{FE}")
    #expect(problem(#"{"id":"inv-\udcff","type":"visit","household":1,\#(at)}"#) != nil, "a lone surrogate")
  }
}
