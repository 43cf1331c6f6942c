import TerminalUI

/// `?`: the keys of the active key map and the `:` commands, generated from `KeyMap`.
enum HelpOverlay {
  /// Every entry of the help: the keys of the view, the `:` commands and the legend.
  static func entries(_ board: Board) -> [HelpEntry] {
    let t = board.words
    var entries = KeyMap.active(in: board.view).map {
      HelpEntry(label: $0.label, text: t($0.zh, $0.en), run: .key($0))
    }
    entries += BoardCommandName.allCases.map { HelpEntry(label: "", text: $0.help(t), run: .command($0)) }
    // Handled by the runner, not the key map: listed here so that `?` shows every key.
    entries.append(HelpEntry(label: "Ctrl-Z", text: t("挂起到后台（fg 恢复）", "suspend to the shell (fg resumes)")))
    entries.append(HelpEntry(label: "Ctrl-L", text: t("重画屏幕", "redraw the screen")))
    entries.append(HelpEntry(label: "", text: t("图例（颜色之外都有符号）：", "Legend (every colour also has a glyph):")))
    entries += legend(t).map { HelpEntry(label: $0.0, text: $0.1) }
    return entries
  }

  /// The entries matching what was typed into the help (its label, its text, or the text's pinyin
  /// initials), all of them when nothing was typed.
  static func lines(_ board: Board) -> [HelpEntry] {
    let all = entries(board)
    let query = board.helpQuery.lowercased()
    guard !query.isEmpty else { return all }
    return all.filter {
      $0.label.lowercased().contains(query) || $0.text.lowercased().contains(query)
        || PinyinText.initials($0.text).contains(query)
    }
  }

  /// What each state glyph means; red is only for what is overdue now.
  static func legend(_ t: Words) -> [(String, String)] {
    [
      ("✗", t("红：已超时，需要催办（r 提醒）", "red: overdue now, to chase (r reminds)")),
      ("!", t("黄：\(t.dueWindow)到期；或已迟响应、迟完成", "amber: falls due \(t.dueWindow); or acked / done late")),
      ("…", t("待响应，离时限还早（\(t.dueWindow)之外）", "pending, not yet due (beyond \(t.dueWindow))")),
      (
        "✓",
        t(
          "绿：按时；比率 ≥ \(t.greenRateText) 且没有待办",
          "green: on time; a rate ≥ \(t.greenRateText) with nothing open")
      ),
      (
        "·",
        t(
          "比率不到 \(t.greenRateText)，但没有超时或将到期的",
          "a rate under \(t.greenRateText) with nothing overdue or due soon")
      ),
      ("✔", t("已完成", "finished")),
      ("‼", t("绿色通道，或已升级到社区", "green channel, or escalated to the community")),
      ("—", t("没有可计的", "nothing to count")),
    ]
  }

  static func render(_ board: Board, in screen: Rect, buffer: inout Buffer) {
    let t = board.words
    let lines = lines(board)
    let width = min(screen.width - 4, 72)
    let height = min(screen.height - 2, max(lines.count, 1) + 3)
    let area = Rect(x: screen.x + (screen.width - width) / 2, y: screen.y + 1, width: width, height: height)
    let visible = max(1, height - 2)
    let selected = max(0, min(board.helpSelected, lines.count - 1))
    // The least scroll that keeps the selected entry in view.
    let first = max(0, min(max(board.helpScroll, selected - visible + 1), selected, lines.count - visible))
    let position = lines.isEmpty ? "0/0" : "\(selected + 1)/\(lines.count)"
    let query = board.helpQuery
    let title =
      query.isEmpty
      ? t(
        "按键 \(position) · 输入即筛选 · ↑↓ 选择 · Enter 执行 · Esc 关闭",
        "Keys \(position) · type to search · ↑↓ Enter runs · Esc closes")
      : t(
        "按键 \(position) · 筛选“\(query)” · Enter 执行 · Esc 清除",
        "Keys \(position) · “\(query)” · Enter runs · Esc clears")
    let inside = Box(title: title, clearsInside: true).render(in: area, buffer: &buffer)
    buffer.clear(inside, style: .filled(.background))
    if lines.isEmpty {
      buffer.put(
        t("没有匹配“\(query)”的条目（退格删除）", "Nothing matches “\(query)” (Backspace deletes)"),
        in: inside.row(0).inset(horizontal: 1, vertical: 0), style: Style(.muted))
      return
    }
    for (index, line) in lines.dropFirst(first).prefix(inside.height).enumerated() {
      let row = inside.row(index)
      let isSelected = first + index == selected
      if isSelected { buffer.clear(row, style: .filled(.selection)) }
      let keyWidth = line.label.isEmpty ? 0 : 12
      if keyWidth > 0 {
        buffer.put(
          line.label, in: Rect(x: row.x + 1, y: row.y, width: keyWidth, height: 1),
          style: isSelected ? .filled(.selection) : Style(.accent, attributes: .bold))
      }
      buffer.put(
        line.text, in: Rect(x: row.x + 1 + keyWidth, y: row.y, width: row.width - 2 - keyWidth, height: 1),
        style: isSelected ? .filled(.selection) : Style())
    }
  }
}

/// One line of the `?` help, and what Enter on it does.
struct HelpEntry {
  /// What Enter on a help line runs.
  enum Run {
    /// The binding's action, as if its key were pressed.
    case key(KeyBinding)
    /// Opens the command line with the command typed.
    case command(BoardCommandName)
    /// Nothing (a legend line): Enter closes the help.
    case nothing
  }

  var label: String
  var text: String
  var run: Run = .nothing
}
