import CNCurses

/// Maps ncurses key codes (`KEY_UP`, `KEY_F(n)`, `KEY_RESIZE`, …) to ``Key``.
enum NcursesKeys {
  static func decode(_ code: Int32) -> Key {
    switch code {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_HOME: return .home
    case KEY_END: return .end
    case KEY_NPAGE: return .pageDown
    case KEY_PPAGE: return .pageUp
    case KEY_IC: return .insert
    case KEY_DC: return .delete
    case KEY_BACKSPACE: return .backspace
    case KEY_ENTER: return .enter
    case KEY_BTAB: return .backTab
    case KEY_RESIZE: return .resize
    default:
      let f0 = wangge_key_f0()
      if code > f0 && code <= f0 + 24 { return .function(Int(code - f0)) }
      return .unknown(Int(code))
    }
  }
}
