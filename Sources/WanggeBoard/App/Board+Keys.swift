import TerminalUI
import WanggeCore
import WanggeStore

extension Board {
  /// Handles one key; returns false when the board should quit.
  public func handle(_ key: Key, tick: Double) -> Bool {
    defer {
      loadHistory(tick: tick)
      loadCompletions(tick: tick)
    }
    do {
      switch mode {
      case .help:
        return try handleHelp(key, tick: tick)
      case .filtering(var editor):
        return try handleFilter(key, editor: &editor, tick: tick)
      case .command(var editor):
        return try handleCommand(key, editor: &editor, tick: tick)
      case .dispatching(var form):
        try handleDispatchForm(key, form: &form, tick: tick)
        return true
      case .confirming(var modal, let request):
        try handleConfirm(key, modal: &modal, request: request, tick: tick)
        return true
      case .replacingLeader(var form, let target):
        try handleLeaderReplace(key, form: &form, target: target, tick: tick)
        return true
      case .revealing(var editor, let target):
        try handleRevealPrompt(key, editor: &editor, target: target, tick: tick)
        return true
      case .finishingScreening(var form, let target):
        try handleScreeningFinish(key, form: &form, target: target, tick: tick)
        return true
      case .confirmingReminder(var modal, let task):
        try handleReminderConfirm(key, modal: &modal, task: task, tick: tick)
        return true
      case .normal:
        guard let action = KeyMap.action(for: key, in: view) else {
          explainUnavailable(key, tick: tick)
          return true
        }
        if action == .jumpView, case .char(let c) = key, let n = c.wholeNumberValue {
          try jumpToView(n, tick: tick)
          return true
        }
        return try perform(action, tick: tick)
      }
    } catch {
      say(words("出错：", "Error: ") + "\(error)", kind: .overdue, tick: tick)
      return true
    }
  }

  func perform(_ action: BoardAction, tick: Double) throws -> Bool {
    let count = rows.count
    var c = cursor
    switch action {
    case .up: c.selected -= 1
    case .down: c.selected += 1
    case .pageUp: c.selected -= 10
    case .pageDown: c.selected += 10
    case .top: c.selected = 0
    case .bottom: c.selected = count - 1
    case .drill:
      try open(tick: tick)
      return true
    case .back:
      if !cursor.filter.isEmpty {
        c.filter = ""
      } else {
        if try !goBack(tick: tick) { try goUp(tick: tick) }
        return true
      }
    case .upLevel:
      try goUp(tick: tick)
      return true
    case .nextView, .previousView:
      let views = availableViews
      let index = views.firstIndex(of: view) ?? 0
      let step = action == .nextView ? 1 : views.count - 1
      try switchView(to: views[(index + step) % views.count], tick: tick)
      return true
    case .filter:
      mode = .filtering(LineEditor(c.filter))
      return true
    case .actionOnly:
      c.actionOnly.toggle()
      c.selected = 0
      c.offset = 0
      cursor = c
      say(
        c.actionOnly
          ? words(
            "只看需处理的行（\(rows.count) 行）· 再按 ! 看全部", "Only rows needing action (\(rows.count)) · ! again for all"
          )
          : words("显示全部行", "All rows"), kind: .pending, tick: tick)
      return true
    case .sort:
      // Only columns that order something, each once; after the last, the default order again.
      let columns = focusedTable.sortableColumns
      let position = c.sort.flatMap { s in columns.firstIndex(of: s.column) }
      let next =
        position.map { $0 + 1 }
        ?? (c.sort == nil ? 0 : columns.firstIndex { $0 > c.sort!.column } ?? columns.count)
      guard columns.indices.contains(next) else {
        c.sort = nil
        cursor = c
        say(
          columns.isEmpty
            ? words("这里没有可排序的列（各行相同）", "Nothing to sort by here (every row alike)")
            : words("排序：默认（需处理优先）", "Sort: default (needing action first)"), tick: tick)
        return true
      }
      let column = columns[next]
      // Names read best A→Z; figures worst-first is what an operator hunts for, so numbers go descending.
      let isText = focusedTable.rows.contains { row in
        if row.sortKeys.indices.contains(column), case .text = row.sortKeys[column] { return true }
        return false
      }
      c.sort = TableSort(column: column, ascending: isText)
      say(words("排序：", "Sort: ") + focusedTable.columns[column].title, tick: tick)
    case .reverseSort:
      if let s = c.sort { c.sort = TableSort(column: s.column, ascending: !s.ascending) }
    case .flagFilter, .modeFilter:
      if action == .flagFilter {
        helpFilter.flags = Self.next(
          after: helpFilter.flags,
          in: [[], .elderlyAlone, .noSmartphone, .disabledOrChronic, .longVacant, .homeIsolation])
      } else {
        helpFilter.mode = Self.next(after: helpFilter.mode, in: [nil] + ServiceMode.allCases.map { $0 })
      }
      c.selected = 0
      cursor = c
      try reload(compare: false, tick: tick)
      return true
    case .command:
      mode = .command(LineEditor())
      return true
    case .help:
      closeHelp()
      mode = .help
      return true
    case .jumpView:
      return true
    case .pause:
      paused.toggle()
      if !paused { _ = try refreshIfChanged(tick: tick) }
      say(paused ? words("已暂停刷新", "Refresh paused") : words("继续刷新", "Refresh resumed"), tick: tick)
      return true
    case .quit:
      return false
    case .hourBack: return try step(by: -3600, tick: tick)
    case .hourForward: return try step(by: 3600, tick: tick)
    case .dayBack: return try step(by: -86_400, tick: tick)
    case .dayForward: return try step(by: 86_400, tick: tick)
    case .live: return try step(by: rewind.seconds, tick: tick)
    case .baseline: return try toggleBaseline(tick: tick)
    case .copy:
      copyTable(tick: tick)
      return true
    case .dispatch where writesRefused, .undo where writesRefused, .remind where writesRefused,
      .replaceLeader where writesRefused, .finishAssignment where writesRefused:
      say(refusedWriteText, kind: .pending, tick: tick)
      return true
    case .dispatch:
      dispatchPreview = try store.fanOut(of: place.id)
      mode = .dispatching(dispatchDraft ?? DispatchForm.make(words.language))
      if dispatchDraft != nil {
        say(words("已恢复上次未下发的草稿", "The draft you cancelled is back"), kind: .pending, tick: tick)
      }
      return true
    case .undo:
      try undoDispatch(tick: tick)
      return true
    case .replaceLeader:
      try startLeaderReplace(tick: tick)
      return true
    case .finishAssignment:
      try startScreeningFinish(tick: tick)
    case .openOrder, .claimOrder, .closeOrder:
      startOrderCommand(action, tick: tick)
      return true
    case .reveal:
      startReveal(tick: tick)
      return true
    case .explain:
      explainStation = selectedRow?.drillTo
      try reload(compare: false, tick: tick)
      return true
    case .remind where view == .overview && !onQueue:
      say(
        words("r 提醒待办里选中的任务：先按 a 进入待办", "r reminds the task of an action: press a to reach the queue first"),
        kind: .pending, tick: tick)
      return true
    case .remind:
      try remindOverdue(tick: tick)
      return true
    case .queue:
      queueFocus.toggle()
      say(
        onQueue
          ? words(
            "待办：Enter 进入单元，r 提醒该任务的超时单元长",
            "Actions: Enter opens the unit, r reminds the task's overdue leaders")
          : words("回到下级列表", "Back to the places"), tick: tick)
      var q = cursor
      q.selected = max(0, min(q.selected, rows.count - 1))
      cursor = q
      return true
    case .group:
      groupBy = Self.next(after: groupBy, in: RankingDimension.allCases)
      try reload(compare: false, tick: tick)
      return true
    }
    c.selected = max(0, min(c.selected, rows.count - 1))
    cursor = c
    return true
  }

  /// `?` help: ↑↓ PgUp PgDn Home End scroll it; any other key closes it.
  /// `?` as a command palette: typing filters the entries, ↑↓ PgUp PgDn move, Enter runs the
  /// selected entry, Esc clears what was typed and then closes; returns false when the entry quits.
  func handleHelp(_ key: Key, tick: Double) throws -> Bool {
    let lines = HelpOverlay.lines(self)
    let last = max(0, lines.count - 1)
    switch key {
    case .up: helpSelected -= 1
    case .down: helpSelected += 1
    case .pageUp: helpSelected -= 10
    case .pageDown: helpSelected += 10
    case .home: helpSelected = 0
    case .end: helpSelected = last
    case .escape where !helpQuery.isEmpty, .ctrl("u"):
      helpQuery = ""
      helpSelected = 0
    case .backspace:
      if helpQuery.isEmpty { closeHelp() } else { helpQuery.removeLast() }
      helpSelected = 0
    case .enter:
      let entry = lines.indices.contains(helpSelected) ? lines[helpSelected] : nil
      closeHelp()
      return try run(entry, tick: tick)
    case .char("?") where helpQuery.isEmpty, .escape, .function(1), .function(10), .ctrl("c"):
      closeHelp()
      if key == .function(10) || key == .ctrl("c") { return false }
      return true
    case .char(let c) where !c.isNewline:
      helpQuery.append(c)
      helpSelected = 0
      helpScroll = 0
    default: return true
    }
    helpSelected = max(0, min(helpSelected, last))
    helpScroll = helpSelected
    return true
  }

  func closeHelp() {
    mode = .normal
    helpQuery = ""
    helpSelected = 0
    helpScroll = 0
  }

  /// Runs a help entry chosen with Enter.
  func run(_ entry: HelpEntry?, tick: Double) throws -> Bool {
    switch entry?.run {
    case .key(let binding)?:
      if binding.action == .jumpView || binding.action == .help { return true }
      return try perform(binding.action, tick: tick)
    case .command(let name)?:
      if name == .q { return false }
      mode = .command(LineEditor(name.rawValue + " "))
      loadCompletions(tick: tick)
      return true
    case .nothing?, nil: return true
    }
  }

  /// `1`–`9`: the N-th view this place offers (as on the tabs).
  func jumpToView(_ n: Int, tick: Double) throws {
    let views = availableViews
    guard views.indices.contains(n - 1) else {
      say(
        words(
          "这里只有 \(views.count) 个视图（1–\(views.count)）", "Only \(views.count) views here (1–\(views.count))"),
        kind: .pending, tick: tick)
      return
    }
    try switchView(to: views[n - 1], tick: tick)
  }

  /// The value after `current` in `order`, wrapping round (the first when `current` is not in it).
  static func next<T: Equatable>(after current: T, in order: [T]) -> T {
    let index = order.firstIndex(of: current).map { $0 + 1 } ?? 0
    return order[index % order.count]
  }

  func handleFilter(_ key: Key, editor: inout LineEditor, tick: Double) throws -> Bool {
    switch key {
    case .escape:
      var c = cursor
      c.filter = ""
      cursor = c
      mode = .normal
    case .enter:
      mode = .normal
    default:
      _ = editor.handle(key)
      var c = cursor
      c.filter = editor.text
      c.selected = 0
      c.offset = 0
      cursor = c
      mode = .filtering(editor)
    }
    return true
  }
}
