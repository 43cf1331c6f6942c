import TerminalUI

/// `?`: the keys of the active key map and the `:` commands, generated from `KeyMap`.
enum HelpOverlay {
  static func lines(_ board: Board) -> [(String, String)] {
    let t = board.words
    var lines = KeyMap.active(in: board.view).map { ($0.label, t($0.zh, $0.en)) }
    lines += BoardCommandName.allCases.map { ("", $0.help(t)) }
    return lines
  }

  static func render(_ board: Board, in screen: Rect, buffer: inout Buffer) {
    let t = board.words
    let lines = lines(board)
    let width = min(screen.width - 4, 72)
    let height = min(screen.height - 2, lines.count + 3)
    let area = Rect(x: screen.x + (screen.width - width) / 2, y: screen.y + 1, width: width, height: height)
    let inside = Box(title: t("按键（任意键关闭）", "Keys (any key closes)"), clearsInside: true).render(
      in: area, buffer: &buffer)
    buffer.clear(inside, style: .filled(.background))
    for (index, line) in lines.prefix(inside.height).enumerated() {
      let row = inside.row(index)
      let keyWidth = line.0.isEmpty ? 0 : 12
      if keyWidth > 0 {
        buffer.put(
          line.0, in: Rect(x: row.x + 1, y: row.y, width: keyWidth, height: 1),
          style: Style(.accent, attributes: .bold))
      }
      buffer.put(
        line.1, in: Rect(x: row.x + 1 + keyWidth, y: row.y, width: row.width - 2 - keyWidth, height: 1))
    }
  }
}
