import TerminalUI
import WanggeCore

/// The overview as a command board: the headline strip, the children table sized to its rows, the action
/// queue (what needs someone now), the tasks in flight, and the 24-hour response graph with its own scale.
enum OverviewRenderer {
  /// Draws the overview into `area`; returns the scroll offset of the table the cursor is in.
  static func render(_ board: Board, in area: Rect, buffer: inout Buffer, tick: Double) -> Int {
    guard area.height >= 6 else { return BoardRenderer.primary(board, in: area, buffer: &buffer, tick: tick) }
    renderStrip(board.screen.strip, in: area.row(0).inset(horizontal: 1, vertical: 0), buffer: &buffer)
    let body = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
    let places = board.screen.primary
    let wanted = places.rows.count + 3 + (places.totals == nil ? 0 : 1)
    let placesHeight = max(5, min(wanted, body.height * 2 / 5))
    let split = Layout.split(body, .vertical, [.length(placesHeight), .fill(1)])
    var scroll = 0
    if board.onQueue {
      let c = board.cursors["\(board.place.id)/\(BoardView.overview.rawValue)"] ?? Board.Cursor()
      TableRenderer(
        model: places, rows: places.visibleRows(filter: c.filter, sort: c.sort), selected: nil,
        offset: c.offset,
        sort: c.sort, marks: board.marks, tick: tick, focused: false
      ).render(in: split[0], buffer: &buffer)
    } else {
      scroll = BoardRenderer.primary(board, in: split[0], buffer: &buffer, tick: tick)
    }
    let rest = split[1]
    let queueArea: Rect
    let flightArea: Rect
    let graphArea: Rect
    if rest.width >= 120 {
      let columns = Layout.split(rest, .horizontal, [.fill(3), .fill(2)])
      queueArea = columns[0]
      let right = Layout.split(
        columns[1], .vertical, [.fill(1), .length(min(12, max(5, columns[1].height / 2)))])
      flightArea = right[0]
      graphArea = right[1]
    } else {
      let graphHeight = rest.height >= 12 ? 6 : 5
      let rows = Layout.split(rest, .vertical, [.fill(1), .length(graphHeight)])
      queueArea = rows[0]
      let bottom = Layout.split(rows[1], .horizontal, [.fill(1), .length(min(40, rows[1].width / 2))])
      flightArea = bottom[0]
      graphArea = bottom[1]
    }
    if board.screen.secondary.count >= 2 {
      let queue = board.screen.secondary[0]
      if board.onQueue {
        scroll = BoardRenderer.primary(board, in: queueArea, buffer: &buffer, tick: tick)
      } else {
        TableRenderer(
          model: queue, rows: queue.rows, selected: nil, offset: 0, sort: nil, marks: board.marks, tick: tick,
          focused: false
        ).render(in: queueArea, buffer: &buffer)
      }
      BoardRenderer.secondary(board, 1, in: flightArea, buffer: &buffer, tick: tick)
    }
    renderGraph(board, in: graphArea, buffer: &buffer)
    return scroll
  }

  /// "按时响应 ✗ 79.4%  响应超时 ✗ 662 …", dropping figures from the end that do not fit.
  static func renderStrip(_ figures: [StripFigure], in area: Rect, buffer: inout Buffer) {
    var x = area.x
    for f in figures {
      let need = DisplayWidth.of(f.label) + 1 + DisplayWidth.of(f.value.text)
      guard x + need <= area.right else { break }
      x += buffer.put(f.label + " ", x: x, y: area.y, style: Style(.muted))
      x += buffer.put(f.value.text, x: x, y: area.y, style: f.value.style.adding(.bold))
      x += 3
    }
  }

  /// The hourly on-time response rate of the selected place over 24 hours, on its own scale.
  static func renderGraph(_ board: Board, in area: Rect, buffer: inout Buffer) {
    let t = board.words
    let values = board.history
    let latest = values.last.flatMap { $0 }.map { NumberText.percent($0) } ?? "—"
    var title = (board.historyPlace ?? "—") + " " + latest + " · " + t("按时响应率 近24小时", "on-time, last 24 h")
    if board.historyOpenTasks > 0 {
      title += t(
        "（不含 \(board.historyOpenTasks) 项未到时限）", " (excl. \(board.historyOpenTasks) not yet due)")
    }
    let inside = Box(title: title).render(in: area, buffer: &buffer)
    guard !inside.isEmpty else { return }
    if values.allSatisfy({ $0 == nil }) {
      buffer.put(
        t("这段时间没有到期的任务", "No task deadline in this period"), in: inside.row(0), style: Style(.muted))
      return
    }
    let c = CellText(t)
    let now = board.asOf
    let first = now - Span(seconds: Int64(values.count - 1) * 3600)
    let middle = now - Span(seconds: Int64(values.count / 2) * 3600)
    BlockGraph(
      values: values, format: { NumberText.percent($0) },
      axis: (c.clockTime(first, from: now), c.clockTime(middle, from: now), t("现在", "now")),
      minimumRange: 0.02
    ).render(in: inside, buffer: &buffer)
  }
}
