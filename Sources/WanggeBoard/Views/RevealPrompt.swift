import TerminalUI

/// The bottom-line prompt of `v`: the reason for revealing one household (Enter reveals, Esc cancels).
enum RevealPrompt {
  static func label(_ board: Board, _ target: RevealTarget) -> String {
    let room = target.room.isEmpty ? "" : " \(target.room)"
    return board.words(
      "查看\(room.isEmpty ? "这一户" : room + " ")的完整姓名和电话，理由（2–200 字，Esc 取消）：",
      "Reason to reveal\(room)'s name and phone (2–200 chars, Esc cancels): ")
  }

  /// Draws the prompt into `area`; returns where the cursor belongs.
  static func render(
    _ board: Board, _ editor: LineEditor, _ target: RevealTarget, in area: Rect, _ buffer: inout Buffer
  ) -> (x: Int, y: Int)? {
    TextPrompt(label: label(board, target), editor: editor, isFocused: true).render(in: area, buffer: &buffer)
  }
}
