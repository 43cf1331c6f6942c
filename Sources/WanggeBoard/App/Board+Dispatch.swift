import TerminalUI
import WanggeCore
import WanggeStore

extension Board {
  func handleDispatchForm(_ key: Key, form: inout Form, tick: Double) throws {
    let previousType = form.fields[0].selectedOption
    let event = form.handle(key)
    DispatchForm.followType(&form, previous: previousType)
    switch event {
    case .cancelled?:
      mode = .normal
    case .submitted(let values)?:
      switch DispatchForm.request(values, scope: place.id, operatorName: operatorName, at: clock.now(), words)
      {
      case .failure(let problem):
        form.problem = problem.message
        mode = .dispatching(form)
      case .success(let request):
        let fan = dispatchPreview
        let units = NumberText.grouped(fan?.units ?? 0)
        let leaders = NumberText.grouped(fan?.unitLeaders ?? 0)
        let message = words(
          "向 \(place.name) 的 \(units) 个单元（\(leaders) 位单元长）下发“\(request.title)”？按 y 确认",
          "Send “\(request.title)” to \(units) units (\(leaders) leaders) of \(place.name)? Press y to confirm"
        )
        mode = .confirming(
          ConfirmModal(title: words("确认下发", "Confirm dispatch"), message: message, language: words.language),
          request)
      }
    case nil:
      mode = .dispatching(form)
    }
  }

  func handleConfirm(_ key: Key, modal: inout ConfirmModal, request: DispatchRequest, tick: Double) throws {
    switch modal.handle(key) {
    case .confirmed?:
      mode = .normal
      var stamped = request
      stamped.issuedAt = clock.now()
      let receipt = try store.dispatch(stamped)
      undo = (receipt.taskID, tick + undoWindow)
      say(
        words(
          "已下发任务 #\(receipt.taskID) 到 \(NumberText.grouped(receipt.assignments)) 个单元 · u 撤销（10 秒内）",
          "Task #\(receipt.taskID) sent to \(NumberText.grouped(receipt.assignments)) units · u undoes (10 s)"
        ),
        tick: tick)
      try reload(compare: false, tick: tick)
    case .cancelled?:
      mode = .normal
      say(words("已取消，未下发", "Cancelled, nothing sent"), kind: .pending, tick: tick)
    case nil:
      mode = .confirming(modal, request)
    }
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

  func remindOverdue(tick: Double) throws {
    guard let task = view == .taskDetail ? openTask : selectedRow?.taskID else { return }
    let count = try store.remind(task: task, under: place.id, operator: operatorName, at: clock.now())
    say(
      words("已提醒 \(count) 位超时单元长（任务 #\(task)）", "Reminded \(count) overdue leaders (task #\(task))"),
      kind: count == 0 ? .pending : .done, tick: tick)
    try reload(compare: false, tick: tick)
  }
}
