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
}
