/// A key press (or a resize) decoded from the terminal.
public enum Key: Sendable, Hashable {
  /// A printable character, including CJK and emoji.
  case char(Character)
  /// Ctrl plus a letter (`ctrl("u")` for Ctrl-U).
  case ctrl(Character)
  case enter, escape, backspace, delete, tab, backTab
  case up, down, left, right, home, end, pageUp, pageDown, insert
  /// F1…F12 (`function(1)` is F1).
  case function(Int)
  /// The terminal changed size.
  case resize
  /// A key code the decoder does not know.
  case unknown(Int)

  /// Decodes a character code read as text (ASCII control codes become named keys).
  public static func fromCharacterCode(_ code: UInt32) -> Key {
    switch code {
    case 9: return .tab
    case 10, 13: return .enter
    case 27: return .escape
    case 8, 127: return .backspace
    case 0: return .ctrl("@")
    case 1...26: return .ctrl(Character(Unicode.Scalar(code + 96)!))
    case 28...31: return .unknown(Int(code))
    default:
      guard let scalar = Unicode.Scalar(code) else { return .unknown(Int(code)) }
      return .char(Character(scalar))
    }
  }

  /// A short readable name (`Ctrl-U`, `F5`, `↑`, `a`), for key hints and logs.
  public var name: String {
    switch self {
    case .char(" "): return "Space"
    case .char(let c): return String(c)
    case .ctrl(let c): return "Ctrl-\(c.uppercased())"
    case .enter: return "Enter"
    case .escape: return "Esc"
    case .backspace: return "Backspace"
    case .delete: return "Del"
    case .tab: return "Tab"
    case .backTab: return "Shift-Tab"
    case .up: return "↑"
    case .down: return "↓"
    case .left: return "←"
    case .right: return "→"
    case .home: return "Home"
    case .end: return "End"
    case .pageUp: return "PgUp"
    case .pageDown: return "PgDn"
    case .insert: return "Ins"
    case .function(let n): return "F\(n)"
    case .resize: return "Resize"
    case .unknown(let code): return "Key(\(code))"
    }
  }
}
