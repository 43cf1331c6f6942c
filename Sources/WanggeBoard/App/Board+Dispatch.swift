import TerminalUI
import WanggeCore
import WanggeStore

extension Board {
  /// A second reminder of the same task within this many seconds says when the last one went.
  static let reminderRepeatWindow: Int64 = 1800

  func handleDispatchForm(_ key: Key, form: inout Form, tick: Double) throws {
    let previousType = form.fields[0].selectedOption
    let event = form.handle(key)
    DispatchForm.followType(&form, previous: previousType)
    switch event {
    case .cancelled?:
      dispatchDraft = nil
      mode = .normal
    case .submitted(let values)?:
      switch DispatchForm.request(values, scope: place.id, operatorName: operatorName, at: clock.now(), words)
      {
      case .failure(let problem):
        form.problem = problem.message
        mode = .dispatching(form)
      case .success(let request):
        dispatchDraft = form
        mode = .confirming(
          ConfirmModal(
            title: words("确认下发", "Confirm dispatch"), message: confirmation(of: request),
            language: words.language),
          request)
      }
    case nil:
      mode = .dispatching(form)
    }
  }

  /// The confirmation: the full scope path, who it reaches, and both deadlines as clock times from the
  /// board's clock (`3小时内响应（截止 23:05）`).
  func confirmation(of request: DispatchRequest) -> String {
    let c = CellText(words)
    let fan = dispatchPreview
    let units = NumberText.grouped(fan?.units ?? 0)
    let leaders = NumberText.grouped(fan?.unitLeaders ?? 0)
    let now = clock.now()
    let ack = c.clockTime(now + request.ackWithin, from: now)
    let finish = c.clockTime(now + request.finishWithin, from: now)
    let ackSpan = c.spanWords(request.ackWithin.seconds)
    let finishSpan = c.spanWords(request.finishWithin.seconds)
    return [
      words("范围：", "Scope: ") + trail.map(\.name).joined(separator: " › "),
      words(
        "下发“\(request.title)”到 \(units) 个单元（\(leaders) 位单元长）",
        "Send “\(request.title)” to \(units) units (\(leaders) leaders)"),
      words("\(ackSpan)内响应（截止 \(ack)）", "Acknowledge within \(ackSpan) (by \(ack))"),
      words("\(finishSpan)内完成（截止 \(finish)）", "Finish within \(finishSpan) (by \(finish))"),
      words("按 y 确认 · Esc 取消（草稿保留，d 继续编辑）", "y confirms · Esc cancels (the draft is kept for d)"),
    ].joined(separator: "\n")
  }

  func handleConfirm(_ key: Key, modal: inout ConfirmModal, request: DispatchRequest, tick: Double) throws {
    switch modal.handle(key) {
    case .confirmed?:
      mode = .normal
      var stamped = request
      stamped.issuedAt = clock.now()
      let receipt = try store.dispatch(stamped)
      dispatchDraft = nil
      undo = (receipt.taskID, tick + undoWindow)
      undoText = words(
        "已下发任务 #\(receipt.taskID) 到 \(NumberText.grouped(receipt.assignments)) 个单元",
        "Task #\(receipt.taskID) sent to \(NumberText.grouped(receipt.assignments)) units")
      try reload(compare: false, tick: tick)
    case .cancelled?:
      mode = .normal
      say(
        words("已取消，未下发：按 d 继续编辑草稿", "Cancelled, nothing sent: d reopens the draft"), kind: .pending,
        tick: tick)
    case nil:
      mode = .confirming(modal, request)
    }
  }

  /// Whole seconds left to undo the last dispatch at `tick`, or nil when the window is over.
  func undoSecondsLeft(at tick: Double) -> Int? {
    guard let last = undo, tick <= last.until else { return nil }
    return Int((last.until - tick).rounded(.up))
  }

  /// When the undo countdown next changes its figure.
  func nextUndoTick(after tick: Double) -> Double {
    guard let last = undo, let left = undoSecondsLeft(at: tick) else { return tick + 1 }
    return min(last.until, last.until - Double(left - 1))
  }

  /// The undo line with its countdown ("… · u 撤销（剩 7 秒）"), while the window is open.
  func undoLine(at tick: Double) -> String? {
    guard let left = undoSecondsLeft(at: tick) else { return nil }
    return undoText + words(" · u 撤销（剩 \(left) 秒）", " · u undoes (\(left) s left)")
  }

  func undoDispatch(tick: Double) throws {
    guard let last = undo else {
      say(words("没有可撤销的下发", "Nothing to undo"), kind: .pending, tick: tick)
      return
    }
    guard tick <= last.until else {
      undo = nil
      say(words("已超过 10 秒，不能撤销", "More than 10 seconds have passed: cannot undo"), kind: .late, tick: tick)
      return
    }
    try store.withdraw(task: last.task, operator: operatorName, at: clock.now())
    undo = nil
    if openTask == last.task {
      openTask = nil
      if view == .taskDetail { try switchView(to: .tasks, tick: tick) }
    }
    say(words("已撤销任务 #\(last.task)（留有审计记录）", "Task #\(last.task) withdrawn (audit kept)"), tick: tick)
    try reload(compare: false, tick: tick)
  }

  /// `r`: asks once before reminding the task's overdue leaders here; says when the last reminder went
  /// if it was within 30 minutes; with nobody overdue, says so and asks nothing.
  func remindOverdue(tick: Double) throws {
    guard let task = view == .taskDetail ? openTask : selectedRow?.taskID else {
      say(words("没有选中的任务", "No task selected"), kind: .pending, tick: tick)
      return
    }
    let now = clock.now()
    let summary = try store.tasks(in: place.id, at: now, window: window).first { $0.task.id == task }
    let overdue = summary.map { $0.acknowledgementsOverdue + $0.finishesOverdue } ?? 0
    guard overdue > 0 else {
      say(
        words("任务 #\(task) 在这里没有超时的单元长，无需提醒", "Task #\(task) has no overdue leader here: nothing to remind"),
        kind: .pending, tick: tick)
      return
    }
    var lines = [
      words(
        "提醒任务 #\(task)“\(summary?.task.title ?? "")”在 \(place.name) 的 \(NumberText.grouped(overdue)) 位超时单元长？",
        "Remind the \(NumberText.grouped(overdue)) overdue leaders of task #\(task) under \(place.name)?")
    ]
    if let last = try store.lastReminder(task: task, under: place.id) {
      let ago = max(0, now.epochSeconds - last.epochSeconds)
      let c = CellText(words)
      let when = c.clockTime(last, from: now)
      if ago < Self.reminderRepeatWindow {
        lines.append(
          words(
            "30 分钟内已提醒过：上次在 \(when)（\(c.spanWords(ago))前）",
            "Already reminded within 30 minutes: last at \(when) (\(c.spanWords(ago)) ago)"))
      } else {
        lines.append(words("上次提醒在 \(when)", "Last reminded at \(when)"))
      }
    }
    lines.append(words("按 y 提醒 · Esc 取消", "y reminds · Esc cancels"))
    mode = .confirmingReminder(
      ConfirmModal(
        title: words("确认提醒", "Confirm reminder"), message: lines.joined(separator: "\n"),
        language: words.language),
      task: task)
  }

  func handleReminderConfirm(_ key: Key, modal: inout ConfirmModal, task: Int64, tick: Double) throws {
    switch modal.handle(key) {
    case .confirmed?:
      mode = .normal
      let count = try store.remind(task: task, under: place.id, operator: operatorName, at: clock.now())
      say(
        words("已提醒 \(count) 位超时单元长（任务 #\(task)）", "Reminded \(count) overdue leaders (task #\(task))"),
        kind: count == 0 ? .pending : .done, tick: tick)
      try reload(compare: false, tick: tick)
    case .cancelled?:
      mode = .normal
      say(words("已取消，未提醒", "Cancelled, nobody reminded"), kind: .pending, tick: tick)
    case nil:
      mode = .confirmingReminder(modal, task: task)
    }
  }
}
