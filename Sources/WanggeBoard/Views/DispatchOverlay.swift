import TerminalUI

/// The dispatch form over the board, with a live preview of who it reaches.
enum DispatchOverlay {
  static func render(_ board: Board, form: Form, in screen: Rect, buffer: inout Buffer) -> (x: Int, y: Int)? {
    let t = board.words
    let width = min(screen.width - 4, 76)
    let height = min(screen.height - 2, form.fields.count + 8)
    let area = Rect(x: screen.x + (screen.width - width) / 2, y: screen.y + 2, width: width, height: height)
    let title = t("下发任务 · ", "Dispatch · ") + board.trail.map(\.name).joined(separator: " › ")
    let inside = Box(title: title, borderStyle: Style(.accent), clearsInside: true).render(
      in: area, buffer: &buffer)
    buffer.clear(inside, style: .filled(.background))
    let parts = Layout.split(inside, .vertical, [.length(2), .fill(1), .length(1)])
    if let fan = board.dispatchPreview {
      let preview = t(
        "将下发到 \(NumberText.grouped(fan.units)) 个单元 · \(NumberText.grouped(fan.unitLeaders)) 位单元长 · 覆盖已对接 \(NumberText.grouped(fan.householdsReached)) / \(NumberText.grouped(fan.households)) 户",
        "Reaches \(NumberText.grouped(fan.units)) units · \(NumberText.grouped(fan.unitLeaders)) unit leaders · \(NumberText.grouped(fan.householdsReached)) of \(NumberText.grouped(fan.households)) households reached"
      )
      buffer.put(
        preview, in: parts[0].row(0).inset(horizontal: 1, vertical: 0),
        style: Style(.accent, attributes: .bold))
    }
    let cursor = form.render(in: parts[1].inset(horizontal: 1, vertical: 0), buffer: &buffer)
    buffer.put(
      t(
        "Tab 下一项 · ←→ 选类型 · Enter 提交（再按 y 确认）· Esc 取消",
        "Tab next · ←→ type · Enter submit (then y to confirm) · Esc cancel"),
      in: parts[2].inset(horizontal: 1, vertical: 0), style: Style(.muted))
    return cursor
  }
}
