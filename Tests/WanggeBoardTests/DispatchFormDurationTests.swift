import Testing
import WanggeCore

@testable import TerminalUI
@testable import WanggeBoard

/// The dispatch form reads windows with WanggeCore's grammar, so it means what `--ack-within` means.
struct DispatchFormDurationTests {
  func value(_ text: String, _ language: Language = .en) -> Result<FormValue, FormProblem> {
    FormField.duration("Finish within", text, grammar: .wangge, maxSeconds: DispatchForm.maxWindow).value(
      language)
  }

  @Test func theFormAndTheCommandLineReadTheSameText() {
    for text in ["3小时", "90分钟", "1天", "1d12h", "1小时30分钟", "45s", "30d"] {
      let span = Span(parsing: text)
      #expect(span != nil, "\(text)")
      #expect(value(text) == .success(.duration(seconds: Int(span?.seconds ?? -1))), "\(text)")
    }
  }

  @Test func aBareNumberIsRefusedWithTheAcceptedForms() {
    #expect(
      value("90")
        == .failure(
          FormProblem(
            message: "Finish within: \"90\" has no unit; give a unit: 90m, 3h, 1d12h, 3小时, 90分钟, 1天")))
    #expect(
      value("9223372036854775807", .zh)
        == .failure(
          FormProblem(message: "Finish within: “9223372036854775807” 缺少单位，请写：90m、3h、1d12h、3小时、90分钟、1天")))
  }

  @Test func zeroAndTooLongShowTheBound() {
    let bound = FormProblem(message: "Finish within: must be more than 0 and at most 30 days")
    #expect(value("30d1s") == .failure(bound))
    #expect(value("0m") == .failure(bound))
    #expect(value("106751991167300d") == .failure(bound))
    #expect(value("99999999999999999999d") == .failure(bound))
    #expect(value("31天", .zh) == .failure(FormProblem(message: "Finish within: 时长须大于 0，最多 30 天")))
    #expect(
      value("1h1h", .zh) == .failure(FormProblem(message: "Finish within: “1h1h” 单位重复；每个单位只写一次（例：1h30m）")))
  }

  @Test func theDefaultsAreWrittenInTheGrammar() {
    let form = DispatchForm.make(.en)
    for field in form.fields[3...4] {
      guard case .success(.duration(let seconds)) = field.value(.en) else {
        Issue.record("\(field.label): \(field.editor.text) does not read back")
        continue
      }
      #expect(DurationText.format(Span(seconds: Int64(seconds))) == field.editor.text)
    }
  }

  @Test func theFormStaysOnTheFieldWithTheBound() {
    var form = Form(
      fields: [.duration("Ack within", "3h", grammar: .wangge, maxSeconds: DispatchForm.maxWindow)],
      language: .en)
    form.handle(.ctrl("u"))
    for c in "106751991167300d" { form.handle(.char(c)) }
    let event = form.handle(.enter)
    #expect(event == nil)
    #expect(form.problem == "Ack within: must be more than 0 and at most 30 days")
  }
}
