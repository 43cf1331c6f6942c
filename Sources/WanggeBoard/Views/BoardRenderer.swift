import TerminalUI
import WanggeCore

/// What drawing one frame found out: where the text cursor belongs and the primary table's scroll offset,
/// which the caller keeps as view state (`Board.keepScroll`). Drawing itself changes nothing but the buffer.
public struct BoardFrame: Sendable {
  /// Where the text cursor belongs (a prompt), or nil.
  public var cursor: (x: Int, y: Int)?
  /// The first row the primary table showed, or nil when no table was drawn.
  public var scroll: Int?
}

/// Lays the board out into a buffer: header, breadcrumbs and tabs, the view, and the bottom line.
public enum BoardRenderer {
  /// The smallest screen the board draws on; below it the too-small screen says what is needed.
  public static let minimumSize = Size(width: 60, height: 14)

  /// Draws `board` into `buffer`, reading only what the board loaded; returns the frame's cursor and scroll.
  @discardableResult
  public static func render(_ board: Board, into buffer: inout Buffer, tick: Double) -> BoardFrame {
    let t = board.words
    var frame = BoardFrame()
    if TooSmallScreen.renderIfNeeded(minimum: minimumSize, buffer: &buffer, language: t.language) {
      return frame
    }
    let rows = Layout.split(buffer.area, .vertical, [.length(1), .length(1), .fill(1), .length(1)])
    renderHeader(board, in: rows[0], buffer: &buffer)
    renderTrail(board, in: rows[1], buffer: &buffer)
    switch board.view {
    case .overview: frame.scroll = renderOverview(board, in: rows[2], buffer: &buffer, tick: tick)
    case .station, .leaders, .taskDetail, .reports, .score:
      frame.scroll = renderSplit(board, in: rows[2], buffer: &buffer, tick: tick)
    case .help, .unit, .tasks, .isolation, .orders, .volunteers:
      frame.scroll = primary(board, in: rows[2], buffer: &buffer, tick: tick)
    }
    var cursor: (x: Int, y: Int)?
    switch board.mode {
    case .filtering(let editor):
      cursor = TextPrompt(label: t("筛选：", "Filter: "), editor: editor, isFocused: true)
        .render(in: rows[3], buffer: &buffer)
    case .command(let editor):
      renderCompletions(board, above: rows[3], buffer: &buffer)
      cursor = TextPrompt(label: ":", editor: editor, isFocused: true).render(in: rows[3], buffer: &buffer)
    case .revealing(let editor, let target):
      cursor = RevealPrompt.render(board, editor, target, in: rows[3], &buffer)
    case .help, .normal, .dispatching, .confirming, .confirmingReminder, .replacingLeader,
      .finishingScreening:
      // The first key of each binding; `? 帮助` and `q 退出` stay when the line is short.
      KeyHintBar(
        KeyMap.active(in: board.view).filter(\.inHintBar).map {
          KeyHint(
            String($0.label.split(separator: " ").first ?? ""), t($0.zh, $0.en),
            essential: $0.action == .help || $0.action == .quit)
        }
      ).render(in: rows[3].inset(horizontal: 1, vertical: 0), buffer: &buffer)
    }
    if let line = board.undoLine(at: tick) ?? board.revealLine(at: tick) {
      Toast(line, kind: .done, expiresAt: tick + 1).render(in: buffer.area, buffer: &buffer)
    } else if let toast = board.messages.current(at: tick) {
      toast.render(in: buffer.area, buffer: &buffer)
    }
    switch board.mode {
    case .help: HelpOverlay.render(board, in: buffer.area, buffer: &buffer)
    case .dispatching(let form):
      cursor = DispatchOverlay.render(board, form: form, in: buffer.area, buffer: &buffer)
    case .confirming(let modal, _), .confirmingReminder(let modal, _):
      modal.render(in: buffer.area, buffer: &buffer)
    case .replacingLeader(let form, let target):
      cursor = ReplaceOverlay.render(board, form: form, target: target, in: buffer.area, buffer: &buffer)
    case .finishingScreening(let form, let target):
      cursor = ScreeningFinishOverlay.render(
        board, form: form, target: target, in: buffer.area, buffer: &buffer)
    default: break
    }
    frame.cursor = cursor
    return frame
  }

  static func renderHeader(_ board: Board, in area: Rect, buffer: inout Buffer) {
    let t = board.words
    var left = " 网格 Wangge"
    if board.isDemo { left += " · 演示数据 DEMO" }
    let asOf = InstantFormat.clock(board.asOf)
    let minute = InstantFormat.minute(board.asOf)
    let when =
      board.rewindHeader
      ?? (board.lookingBack
        ? t("回看 \(minute)", "looking back at \(minute)")
        : board.drillClock ? t("演练时钟 \(minute)", "drill clock \(minute)") : t("数据 \(asOf)", "as of \(asOf)"))
    if board.isStale {
      // The server is away: say so first, and that the figures are the last ones read.
      left = t(" 连接中断 · 重连中… · 数据停在 \(asOf)", " connection lost · reconnecting… · data from \(asOf)")
      StatusLine(left: left, right: board.storeLabel + " ", role: .critical).render(in: area, buffer: &buffer)
      return
    }
    // Most important last to go: as-of time, then operator, language, store.
    var parts = [
      (board.paused ? t("⏸ 已暂停 · ", "⏸ paused · ") : "") + when,
      board.storeLabel, t("值班 ", "operator ") + (board.screen.onDuty ?? board.operatorName),
      t("中文", "English"),
    ]
    if let access = board.accessLabel { parts[0] += " · " + access }
    if let alert = board.screen.greenAlert { left += " · " + alert }
    func right() -> String { parts.joined(separator: " · ") + " " }
    for drop in [1, 2, 2]
    where DisplayWidth.of(left) + DisplayWidth.of(right()) + 2 > area.width && parts.count > drop {
      parts.remove(at: drop)
    }
    StatusLine(left: left, right: right(), role: board.screen.greenAlert == nil ? .banner : .critical).render(
      in: area, buffer: &buffer)
  }

  /// Breadcrumbs on the left, the view tabs on the right.
  static func renderTrail(_ board: Board, in area: Rect, buffer: inout Buffer) {
    let t = board.words
    var tabs = board.availableViews.map { $0 == board.view ? "[\($0.name(t))]" : " \($0.name(t)) " }.joined()
    let filter = board.cursor.filter
    if !filter.isEmpty { tabs = t("筛选“\(filter)” ", "filter “\(filter)” ") + tabs }
    if board.cursor.actionOnly { tabs = t("仅需处理 ", "action only ") + tabs }
    let tabWidth = min(DisplayWidth.of(tabs), area.width / 2)
    let parts = Layout.split(area, .horizontal, [.fill(1), .length(tabWidth + 1)])
    let names = board.trail.map(\.name)
    Breadcrumbs(names).render(in: parts[0].inset(horizontal: 1, vertical: 0), buffer: &buffer)
    buffer.put(tabs, in: parts[1], style: Style(.accent), alignment: .right)
  }

  /// The primary table; returns the scroll offset it used.
  static func primary(_ board: Board, in area: Rect, buffer: inout Buffer, tick: Double) -> Int {
    let cursor = board.cursor
    return TableRenderer(
      model: board.focusedTable, rows: board.revealing(board.rows, at: tick), selected: cursor.selected,
      offset: cursor.offset,
      sort: cursor.sort, marks: board.marks, tick: tick, focused: true,
      noMatchText: cursor.actionOnly && cursor.filter.isEmpty
        ? board.words("没有需要处理的行（! 显示全部）", "No row needs action (! shows all)")
        : board.words(
          "没有匹配“\(cursor.filter)”的行（Esc 清除筛选）", "No row matches “\(cursor.filter)” (Esc clears the filter)")
    ).render(in: area, buffer: &buffer)
  }

  static func secondary(_ board: Board, _ index: Int, in area: Rect, buffer: inout Buffer, tick: Double) {
    guard board.screen.secondary.indices.contains(index) else { return }
    let model = board.screen.secondary[index]
    TableRenderer(
      model: model, rows: model.rows, selected: nil, offset: 0, sort: nil, marks: board.marks, tick: tick,
      focused: false
    ).render(in: area, buffer: &buffer)
  }

  /// The overview as a command board (see `OverviewRenderer`).
  static func renderOverview(_ board: Board, in area: Rect, buffer: inout Buffer, tick: Double) -> Int {
    OverviewRenderer.render(board, in: area, buffer: &buffer, tick: tick)
  }

  /// Station and leader views: the primary table above (or left of) the secondary panels.
  static func renderSplit(_ board: Board, in area: Rect, buffer: inout Buffer, tick: Double) -> Int {
    let count = board.screen.secondary.count
    if board.view != .station, area.width >= 110 {
      let columns = Layout.split(area, .horizontal, [.fill(3), .fill(2)])
      let scroll = primary(board, in: columns[0], buffer: &buffer, tick: tick)
      let needs = board.screen.secondary.map(neededHeight)
      let fits = needs.reduce(0, +) <= columns[1].height
      let stack = Layout.split(
        columns[1], .vertical,
        count == 0 ? [.fill(1)] : needs.enumerated().map { fits && $0 < count - 1 ? .length($1) : .fill(1) })
      for index in 0..<count { secondary(board, index, in: stack[index], buffer: &buffer, tick: tick) }
      return scroll
    }
    // Panes split by how many rows each has: the secondary panels take what they need (at most
    // two fifths when the primary table is cut too), the primary table the rest.
    let primaryNeed = 3 + max(1, board.rows.count) + (board.focusedTable.totals == nil ? 0 : 1)
    let secondaryNeed = board.screen.secondary.map(neededHeight).max() ?? 0
    let secondaryHeight =
      count == 0
      ? 0
      : primaryNeed + secondaryNeed <= area.height
        ? secondaryNeed : min(secondaryNeed, max(4, area.height * 2 / 5))
    let parts = Layout.split(area, .vertical, [.fill(1), .length(secondaryHeight)])
    let scroll = primary(board, in: parts[0], buffer: &buffer, tick: tick)
    let side = Layout.split(parts[1], .horizontal, Array(repeating: .fill(1), count: max(1, count)))
    for index in 0..<count { secondary(board, index, in: side[index], buffer: &buffer, tick: tick) }
    return scroll
  }

  /// The height a table's box needs to show every row: borders, header, rows (one line for the empty
  /// text) and the totals.
  static func neededHeight(_ model: TableModel) -> Int {
    3 + max(1, model.rows.count) + (model.totals == nil ? 0 : 1)
  }

  /// Up to six completions above the command line.
  static func renderCompletions(_ board: Board, above line: Rect, buffer: inout Buffer) {
    let options = board.commandCompletions
    guard !options.isEmpty else { return }
    let height = min(options.count, 6, line.y)
    for (index, option) in options.prefix(height).enumerated() {
      let row = Rect(x: line.x, y: line.y - height + index, width: line.width, height: 1)
      buffer.clear(row, style: .filled(index == 0 ? .selection : .input))
      buffer.put(" :" + option, in: row, style: .filled(index == 0 ? .selection : .input))
    }
  }
}
