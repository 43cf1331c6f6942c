import TerminalUI
import WanggeCore
import WanggeStore

/// One screen the operator was on, for Esc: place, view, open task, grouping and the cursor (selection,
/// scroll, sort and filter) as they were.
struct HistoryEntry {
  var trail: [Place]
  var view: BoardView
  var openTask: Int64?
  var groupBy: RankingDimension
  var cursor: Board.Cursor
  var queueFocus = false
}

extension Board {
  /// Screens kept for Esc at most (the oldest go first).
  static let historyLimit = 64

  /// Keeps the current screen so that Esc can return to it.
  func remember() {
    backStack.append(
      HistoryEntry(
        trail: trail, view: view, openTask: openTask, groupBy: groupBy, cursor: cursor, queueFocus: queueFocus
      ))
    if backStack.count > Self.historyLimit { backStack.removeFirst(backStack.count - Self.historyLimit) }
  }

  /// Esc: returns to the previous screen with its selection and scroll; false when there is none.
  func goBack(tick: Double) throws -> Bool {
    guard let entry = backStack.popLast() else { return false }
    trail = entry.trail
    view = entry.view
    openTask = entry.openTask
    groupBy = entry.groupBy
    queueFocus = entry.queueFocus
    cursors[cursorKey] = entry.cursor
    marks.reset()
    try reload(compare: false, tick: tick)
    return true
  }

  /// Backspace / `h` / ←: up one level (from a task's detail to the task list, else to the parent place),
  /// keeping the row we came from selected. Esc comes back down.
  func goUp(tick: Double) throws {
    if view == .taskDetail {
      try switchView(to: .tasks, tick: tick, remembering: true)
      if let task = openTask, let index = rows.firstIndex(where: { $0.taskID == task }) {
        var c = cursor
        c.selected = index
        cursor = c
      }
      return
    }
    guard trail.count > 1 else {
      say(words("已在最上一级", "Already at the top"), kind: .pending, tick: tick)
      return
    }
    remember()
    let from = place.id
    trail.removeLast()
    view = availableViews[0]
    marks.reset()
    try reload(compare: false, tick: tick)
    if let index = rows.firstIndex(where: { $0.drillTo == from }) {
      var c = cursor
      c.selected = index
      cursor = c
    }
  }

  /// Enter on the selected row: a task opens its detail, a place or a leader opens its place; a row
  /// with nothing below says so.
  func open(tick: Double) throws {
    if view == .tasks || (onQueue && selectedRow?.drillTo == nil), let task = selectedRow?.taskID {
      remember()
      openTask = task
      view = .taskDetail
      marks.reset()
      try reload(compare: false, tick: tick)
      return
    }
    guard let row = selectedRow else {
      say(words("没有选中的行", "No row selected"), kind: .pending, tick: tick)
      return
    }
    guard let target = row.drillTo, target != place.id else {
      let why =
        view == .unit
        ? words("住户是最下一级：没有可进入的", "Households are the lowest level: nothing to open")
        : words("这一行没有可进入的下级", "This row has nothing to open")
      say(why, kind: .pending, tick: tick)
      return
    }
    try go(to: target, tick: tick)
  }

  /// Why a key does nothing here (said in the status line instead of silence).
  func explainUnavailable(_ key: Key, tick: Double) {
    guard let binding = KeyMap.bindings.first(where: { $0.keys.contains(key) }) else {
      say(
        words("\(key.name) 在这里没有作用：按 ? 查看按键", "\(key.name) does nothing here: press ? for the keys"),
        kind: .pending, tick: tick)
      return
    }
    if isReadOnly, [.dispatch, .undo, .remind].contains(binding.action) {
      say(
        words("回看模式只读：不能下发、撤销或提醒", "Looking back is read-only: no dispatch, undo or reminder"),
        kind: .pending, tick: tick)
      return
    }
    if binding.action == .remind {
      say(
        words(
          "这里没有可提醒的超时任务：在任务列表或任务详情按 r", "No overdue task to remind here: press r in the task list or a task"),
        kind: .pending, tick: tick)
      return
    }
    let places = (binding.views ?? []).map { $0.name(words) }.sorted().joined(separator: "、")
    say(
      words(
        "\(binding.label) \(binding.zh)只在\(places)视图可用",
        "\(binding.label) (\(binding.en)) works only in: \(places)"),
      kind: .pending, tick: tick)
  }
}
