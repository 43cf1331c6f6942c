import Testing

@testable import TerminalUI

/// A grammar for these tests only (hours and minutes, `h`/`m`), standing in for the application's.
let testGrammar = DurationGrammar(
  name: "test",
  parse: { text, _ in
    guard let unit = text.last, let n = Int(text.dropLast()) else {
      return .failure(.unreadable("“\(text)” 不是时长"))
    }
    switch unit {
    case "h": return n > 0 ? .success(n * 3600) : .failure(.outOfRange)
    case "m": return n > 0 ? .success(n * 60) : .failure(.outOfRange)
    default: return .failure(.unreadable("“\(text)” 不是时长"))
    }
  },
  format: { "\($0 / 60)m" })

/// The form, its duration fields with an injected grammar, the modal and the toast.
struct FormTests {
  func makeForm() -> Form {
    Form(
      fields: [
        .text("任务名称", "", required: true),
        .choice("层级", options: ["街道", "社区", "小区"]),
        .duration("响应时限", "3h", grammar: testGrammar),
      ], language: .zh)
  }

  @Test func tabAndShiftTabMoveBetweenFields() {
    var form = makeForm()
    do {
      let event = form.handle(.tab)
      #expect(event == nil)
    }
    #expect(form.focus == 1)
    form.handle(.tab)
    form.handle(.tab)
    #expect(form.focus == 0)
    form.handle(.backTab)
    #expect(form.focus == 2)
  }

  @Test func submitValidatesAndReportsProblems() {
    var form = makeForm()
    do {
      let event = form.handle(.enter)
      #expect(event == nil)
    }
    #expect(form.problem == "任务名称：必填")
    for c in "排查" { form.handle(.char(c)) }
    form.handle(.tab)
    form.handle(.right)
    form.handle(.tab)
    form.handle(.ctrl("u"))
    for c in "90x" { form.handle(.char(c)) }
    do {
      let event = form.handle(.enter)
      #expect(event == nil)
    }
    #expect(form.focus == 2)
    #expect(form.problem?.contains("不是时长") == true)
    form.handle(.backspace)
    form.handle(.char("m"))
    do {
      let event = form.handle(.enter)
      #expect(event == .submitted([.text("排查"), .choice(index: 1, label: "社区"), .duration(seconds: 5_400)]))
    }
    do {
      let event = form.handle(.escape)
      #expect(event == .cancelled)
    }
  }

  @Test func modalAnswers() {
    var modal = ConfirmModal(title: "确认", message: "下发？")
    do {
      let event = modal.handle(.enter)
      #expect(event == .cancelled)  // "no" is the safe default
    }
    do {
      let event = modal.handle(.left)
      #expect(event == nil)
    }
    do {
      let event = modal.handle(.enter)
      #expect(event == .confirmed)
    }
    do {
      let event = modal.handle(.char("n"))
      #expect(event == .cancelled)
    }
    do {
      let event = modal.handle(.escape)
      #expect(event == .cancelled)
    }
    do {
      let event = modal.handle(.char("y"))
      #expect(event == .confirmed)
    }
  }

  @Test func toastExpires() {
    var center = MessageCenter()
    center.show("已保存", now: 10, duration: 3)
    #expect(center.current(at: 12.9)?.text == "已保存")
    #expect(center.current(at: 13) == nil)
    #expect(center.toast == nil)
  }
}

/// Duration fields with a bound: zero or longer is refused with the bound; the grammar's own message otherwise.
struct DurationFieldTests {
  @Test func boundedDurationFieldsRefuseZeroAndTooLong() {
    func value(_ text: String, _ language: Language = .en) -> Result<FormValue, FormProblem> {
      FormField.duration("Finish within", text, grammar: testGrammar, maxSeconds: 30 * 86_400).value(language)
    }
    #expect(value("720h") == .success(.duration(seconds: 30 * 86_400)))
    #expect(
      value("721h")
        == .failure(FormProblem(message: "Finish within: must be more than 0 and at most 30 days")))
    #expect(
      value("0m") == .failure(FormProblem(message: "Finish within: must be more than 0 and at most 30 days")))
    #expect(value("721h", .zh) == .failure(FormProblem(message: "Finish within: 时长须大于 0，最多 30 天")))
    #expect(value("3x") == .failure(FormProblem(message: "Finish within: “3x” 不是时长")))
    #expect(value("") == .failure(FormProblem(message: "Finish within: required")))
  }

  @Test func theHintShowsTheGrammarsFormOrACross() {
    let form = Form(fields: [.duration("Ack", "2h", grammar: testGrammar)], language: .en)
    var buffer = Buffer(width: 60, height: 3)
    form.render(in: buffer.area, buffer: &buffer)
    #expect(buffer.lines()[0].contains("= 120m"))
    var bad = form
    bad.fields[0].editor.set("2x")
    var second = Buffer(width: 60, height: 3)
    bad.render(in: second.area, buffer: &second)
    #expect(second.lines()[0].contains("✗"))
  }
}
