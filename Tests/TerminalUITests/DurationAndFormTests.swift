import Testing

@testable import TerminalUI

struct DurationAndFormTests {
  @Test func parsesDurations() {
    #expect(DurationParser.seconds("3h") == 10_800)
    #expect(DurationParser.seconds("90m") == 5_400)
    #expect(DurationParser.seconds("1h30m") == 5_400)
    #expect(DurationParser.seconds(" 2d 4h ") == 187_200)
    #expect(DurationParser.seconds("45s") == 45)
    #expect(DurationParser.seconds("15") == 900)  // bare number = minutes
    #expect(DurationParser.seconds("3小时") == 10_800)
    #expect(DurationParser.seconds("1小时30分钟") == 5_400)
    #expect(DurationParser.seconds("2天") == 172_800)
  }

  @Test func rejectsNonDurations() {
    for text in ["", "h", "3x", "1h1h", "-3h", "3h-", "abc", "1.5h", "99999999999999999999d"] {
      #expect(DurationParser.seconds(text) == nil, "\(text)")
    }
  }

  @Test func formatsDurations() {
    #expect(DurationParser.format(5_400) == "1h30m")
    #expect(DurationParser.format(10_800) == "3h")
    #expect(DurationParser.format(90_061) == "1d1h1m1s")
    #expect(DurationParser.format(0) == "0m")
  }

  func makeForm() -> Form {
    Form(
      fields: [
        .text("任务名称", "", required: true),
        .choice("层级", options: ["街道", "社区", "小区"]),
        .duration("响应时限", "3h"),
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
    for c in "1h30x" { form.handle(.char(c)) }
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

/// Durations that would overflow, and duration fields with a bound (the dispatch windows).
struct DurationBoundTests {
  @Test func overflowingDurationsAreNotDurations() {
    for text in [
      "9223372036854775807", "153722867280912931", "106751991167301d", "9223372036854775807s1s",
      "106751991167300d106751991167300h",
    ] {
      #expect(DurationParser.seconds(text) == nil, "\(text)")
    }
    #expect(DurationParser.seconds("527040") == 366 * 86_400)  // the longest: a year of minutes
    #expect(DurationParser.seconds("527041") == nil)
  }

  @Test func boundedDurationFieldsRefuseZeroAndTooLong() {
    let max = 30 * 86_400
    func value(_ text: String, _ language: Language = .en) -> Result<FormValue, FormProblem> {
      FormField.duration("Finish within", text, maxSeconds: max).value(language)
    }
    #expect(value("30d") == .success(.duration(seconds: max)))
    #expect(value("1s") == .success(.duration(seconds: 1)))
    #expect(
      value("30d1s")
        == .failure(FormProblem(message: "Finish within: must be more than 0 and at most 30 days")))
    #expect(
      value("0m") == .failure(FormProblem(message: "Finish within: must be more than 0 and at most 30 days")))
    #expect(
      value("0") == .failure(FormProblem(message: "Finish within: must be more than 0 and at most 30 days")))
    #expect(
      value("9223372036854775807", .zh)
        == .failure(FormProblem(message: "Finish within: “9223372036854775807” 不是时长（例：3h、90m、1h30m、2d）")))
    #expect(value("31天", .zh) == .failure(FormProblem(message: "Finish within: 时长须大于 0，最多 30 天")))
  }

  @Test func theFormShowsTheBoundAndStaysOnTheField() {
    var form = Form(fields: [.duration("Ack within", "3h", maxSeconds: 30 * 86_400)], language: .en)
    form.handle(.ctrl("u"))
    for c in "106751991167300d" { form.handle(.char(c)) }
    let event = form.handle(.enter)
    #expect(event == nil)
    #expect(form.problem == "Ack within: must be more than 0 and at most 30 days")
  }
}
