import TerminalUI

/// The `R` form over the board: which unit, who leads it now, the form, the keys.
enum ReplaceOverlay {
  static func render(
    _ board: Board, form: Form, target: LeaderReplaceTarget, in screen: Rect, buffer: inout Buffer
  )
    -> (x: Int, y: Int)?
  {
    let t = board.words
    let width = min(screen.width - 4, 70)
    let height = min(screen.height - 2, form.fields.count + 8)
    let area = Rect(x: screen.x + (screen.width - width) / 2, y: screen.y + 2, width: width, height: height)
    let inside = Box(
      title: t("更换单元长 · ", "Replace leader · ") + target.unitLabel, borderStyle: Style(.accent),
      clearsInside: true
    ).render(in: area, buffer: &buffer)
    buffer.clear(inside, style: .filled(.background))
    let parts = Layout.split(inside, .vertical, [.length(2), .fill(1), .length(1)])
    let now = target.currentLeader.isEmpty ? t("无单元长", "no leader") : target.currentLeader
    buffer.put(
      t(
        "现任：\(now) · 可选 \(target.candidates.count) 位", "Now: \(now) · \(target.candidates.count) to pick from"
      ),
      in: parts[0].row(0).inset(horizontal: 1, vertical: 0), style: Style(.accent, attributes: .bold))
    let cursor = form.render(in: parts[1].inset(horizontal: 1, vertical: 0), buffer: &buffer)
    buffer.put(
      t("Tab 下一项 · Enter 更换 · Esc 取消", "Tab next · Enter replace · Esc cancel"),
      in: parts[2].inset(horizontal: 1, vertical: 0), style: Style(.muted))
    return cursor
  }
}
