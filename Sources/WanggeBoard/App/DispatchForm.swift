import TerminalUI
import WanggeCore
import WanggeStore

/// The dispatch form's fields: type, title, details, acknowledge and finish windows.
enum DispatchForm {
  static let types: [TaskType] = [.screening, .notice, .visitRound, .census]

  static func make(_ language: Language) -> Form {
    let t = Words(language)
    let first = types[0]
    return Form(
      fields: [
        .choice(t("类型", "Type"), options: types.map { typeName($0, t) }),
        .text(t("标题", "Title"), "", required: true),
        .text(t("说明", "Details"), ""),
        .duration(
          t("响应时限", "Ack within"), first.defaultAckWindow.description, grammar: .wangge, maxSeconds: maxWindow
        ),
        .duration(
          t("完成时限", "Finish within"), first.defaultFinishWindow.description, grammar: .wangge,
          maxSeconds: maxWindow),
      ], language: language)
  }

  /// The longest window a form accepts (`InputBounds.maxTaskWindow`).
  static let maxWindow = Int(InputBounds.maxTaskWindow.seconds)

  static func typeName(_ type: TaskType, _ t: Words) -> String {
    switch type {
    case .screening: t("排查", "screening")
    case .notice: t("通知", "notice")
    case .visitRound: t("走访", "visit round")
    case .census: t("敲门核实", "census")
    }
  }

  /// When the type changes, the windows follow the new type's defaults.
  static func followType(_ form: inout Form, previous: Int) {
    let index = form.fields[0].selectedOption
    guard index != previous, types.indices.contains(index) else { return }
    form.fields[3].editor.set(types[index].defaultAckWindow.description)
    form.fields[4].editor.set(types[index].defaultFinishWindow.description)
  }

  /// The request the submitted values describe, or a problem to show.
  static func request(
    _ values: [FormValue], scope: Int64, operatorName: String, at now: Instant, _ t: Words
  ) -> Result<DispatchRequest, FormProblem> {
    guard values.count == 5, case .choice(let index, _) = values[0], case .text(let title) = values[1],
      case .text(let details) = values[2], case .duration(let ack) = values[3],
      case .duration(let finish) = values[4]
    else { return .failure(FormProblem(message: t("表单不完整", "The form is incomplete"))) }
    for (label, seconds) in [(t("响应时限", "Ack within"), ack), (t("完成时限", "Finish within"), finish)] {
      if let problem = DurationGrammar.wangge.rangeProblem(seconds, maxSeconds: maxWindow, t.language) {
        return .failure(FormProblem(message: "\(label): \(problem)"))
      }
    }
    guard finish >= ack else {
      return .failure(
        FormProblem(message: t("完成时限不能短于响应时限", "Finish window must not be shorter than the ack window")))
    }
    return .success(
      DispatchRequest(
        scopeID: scope, type: types[index], title: title.trimmingCharacters(in: .whitespaces),
        details: details,
        ackWithin: Span(seconds: Int64(ack)), finishWithin: Span(seconds: Int64(finish)),
        operatorName: operatorName,
        issuedAt: now))
  }
}
