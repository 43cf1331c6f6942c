import TerminalUI
import WanggeCore
import WanggeStore

extension Board {
  /// The head of `:decision 任务 排查 [3h [15h]] / …` or `:decision 工单 买药 户号 [物品…] / …`
  /// (English: `task screening …`, `order medicine …`): the task dispatched to the place on screen
  /// (as the dispatch form would, windows as `wangge dispatch --ack-within/--finish-within` take them)
  /// or the order opened for the household (as `:order` would). nil when `head` names neither;
  /// `.failure` names what to fix.
  func decisionAction(_ head: String, text: String, now: Instant) -> Result<
    DecisionAction, DecisionHeadProblem
  >? {
    let words = head.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map(String.init)
    guard let first = words.first else { return nil }
    switch first {
    case "任务", "task":
      let typeUsage =
        self.words(
          "任务类型：", "task types: ")
        + TaskType.allCases.map { "\($0.chineseName)/\($0.rawValue)" }.joined(separator: " ")
      guard words.count >= 2, words.count <= 4,
        let type = TaskType(rawValue: words[1])
          ?? TaskType.allCases.first(where: { $0.chineseName == words[1] })
      else { return .failure(DecisionHeadProblem(message: typeUsage)) }
      var windows: [Span] = []
      for w in words.dropFirst(2) {
        guard case .success(let span) = DurationText.parse(w), InputBounds.windowProblem(span) == nil else {
          return .failure(
            DecisionHeadProblem(
              message: self.words("时限“\(w)”：写作 3h、90m、1天", "window \"\(w)\": write it as 3h, 90m, 1d")))
        }
        windows.append(span)
      }
      let r = DispatchRequest(
        scopeID: place.id, type: type, title: text, ackWithin: windows.first,
        finishWithin: windows.count > 1 ? windows[1] : nil, operatorName: operatorName, issuedAt: now)
      if let p = r.boundProblem { return .failure(DecisionHeadProblem(message: p)) }
      return .success(.task(r))
    case "工单", "order":
      guard words.count >= 3, let kind = OrderKind(word: words[1]),
        let household = Int64(words[2].hasPrefix("户") ? String(words[2].dropFirst()) : words[2])
      else {
        return .failure(
          DecisionHeadProblem(
            message: self.words("工单：工单 类型 户号 [内容]（类型：", "order: order KIND HOUSEHOLD [ITEMS] (kinds: ")
              + OrderKind.accepted + ")"))
      }
      let items = words.count > 3 ? words.dropFirst(3).joined(separator: " ") : text
      return .success(
        .order(
          OrderOpenRequest(
            id: "board-decision-\(household)-\(now.epochSeconds)", householdID: household, kind: kind,
            items: items, openedBy: operatorName, at: now, source: "board")))
    default: return nil
    }
  }
}

/// What is wrong with a `:decision` head, to show on the status line.
struct DecisionHeadProblem: Error {
  var message: String
}
