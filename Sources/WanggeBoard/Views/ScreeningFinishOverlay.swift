import TerminalUI

/// The `f` form over the task detail: which unit, the four fields, the keys.
enum ScreeningFinishOverlay {
  static func render(
    _ board: Board, form: Form, target: ScreeningFinishTarget, in screen: Rect, buffer: inout Buffer
  ) -> (x: Int, y: Int)? {
    let t = board.words
    let width = min(screen.width - 4, 76)
    let height = min(screen.height - 2, form.fields.count + 8)
    let area = Rect(x: screen.x + (screen.width - width) / 2, y: screen.y + 2, width: width, height: height)
    let inside = Box(
      title: t("排查结果 · ", "Screening result · ") + target.unitLabel, borderStyle: Style(.accent),
      clearsInside: true
    ).render(in: area, buffer: &buffer)
    buffer.clear(inside, style: .filled(.background))
    let parts = Layout.split(inside, .vertical, [.length(2), .fill(1), .length(1)])
    buffer.put(
      t("本单元 \(target.rooms.count) 户 · 按房号填写人员", "\(target.rooms.count) households · name people by room"),
      in: parts[0].row(0).inset(horizontal: 1, vertical: 0), style: Style(.accent, attributes: .bold))
    let cursor = form.render(in: parts[1].inset(horizontal: 1, vertical: 0), buffer: &buffer)
    buffer.put(
      t("Tab 下一项 · Enter 完成 · Esc 取消", "Tab next · Enter finish · Esc cancel"),
      in: parts[2].inset(horizontal: 1, vertical: 0), style: Style(.muted))
    return cursor
  }
}
