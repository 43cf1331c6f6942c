import TerminalUI

/// `?`: the keys of the active key map and the `:` commands, generated from `KeyMap`.
enum HelpOverlay {
  static func lines(_ board: Board) -> [(String, String)] {
    let t = board.words
    var lines = KeyMap.active(in: board.view).map { ($0.label, t($0.zh, $0.en)) }
    lines += BoardCommandName.allCases.map { ("", $0.help(t)) }
    lines.append(("", t("图例（颜色之外都有符号）：", "Legend (every colour also has a glyph):")))
    lines += legend(t)
    return lines
  }

  /// What each state glyph means; red is only for what is overdue now.
  static func legend(_ t: Words) -> [(String, String)] {
    [
      ("✗", t("红：已超时，需要催办（r 提醒）", "red: overdue now, to chase (r reminds)")),
      ("!", t("黄：一小时内到期；或已迟响应、迟完成", "amber: falls due within the hour; or acked / done late")),
      ("…", t("待响应，离时限还有一小时以上", "pending, more than an hour left")),
      ("✓", t("绿：按时；比率 ≥ 95% 且没有待办", "green: on time; a rate ≥ 95% with nothing open")),
      ("·", t("比率不到 95%，但没有超时或将到期的", "a rate under 95% with nothing overdue or due soon")),
      ("✔", t("已完成", "finished")),
      ("‼", t("绿色通道，或已升级到社区", "green channel, or escalated to the community")),
      ("—", t("没有可计的", "nothing to count")),
    ]
  }

  static func render(_ board: Board, in screen: Rect, buffer: inout Buffer) {
    let t = board.words
    let lines = lines(board)
    let width = min(screen.width - 4, 72)
    let height = min(screen.height - 2, lines.count + 3)
    let area = Rect(x: screen.x + (screen.width - width) / 2, y: screen.y + 1, width: width, height: height)
    // When the lines do not fit, the title says which are shown and how to scroll.
    let visible = max(1, height - 2)
    let first = max(0, min(board.helpScroll, lines.count - visible))
    let fits = lines.count <= visible
    let title =
      fits
      ? t("按键（任意键关闭）", "Keys (any key closes)")
      : t(
        "按键 \(first + 1)–\(min(lines.count, first + visible))/\(lines.count) · ↑↓ PgUp PgDn 滚动 · 其他键关闭",
        "Keys \(first + 1)–\(min(lines.count, first + visible))/\(lines.count) · ↑↓ PgUp PgDn scroll · other keys close"
      )
    let inside = Box(title: title, clearsInside: true).render(in: area, buffer: &buffer)
    buffer.clear(inside, style: .filled(.background))
    for (index, line) in lines.dropFirst(first).prefix(inside.height).enumerated() {
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
