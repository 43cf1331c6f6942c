/// The OSC 52 clipboard sequence (`ESC ] 52 ; c ; <base64> BEL`) and whether a terminal is known to
/// take it.
public enum OSC52 {
  /// Texts above this many UTF-8 bytes are not sent (many terminals cap OSC 52 near 100 kB).
  public static let limit = 100_000

  /// The bytes that put `text` on the clipboard.
  public static func sequence(for text: String) -> [UInt8] {
    Array("\u{1B}]52;c;".utf8) + Array(base64(Array(text.utf8)).utf8) + [0x07]
  }

  /// Standard base64 with padding (no Foundation in this module).
  public static func base64(_ bytes: [UInt8]) -> String {
    let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    var out: [UInt8] = []
    out.reserveCapacity((bytes.count + 2) / 3 * 4)
    var i = 0
    while i < bytes.count {
      let b0 = Int(bytes[i])
      let b1 = i + 1 < bytes.count ? Int(bytes[i + 1]) : 0
      let b2 = i + 2 < bytes.count ? Int(bytes[i + 2]) : 0
      out.append(table[b0 >> 2])
      out.append(table[(b0 & 0x03) << 4 | b1 >> 4])
      out.append(i + 1 < bytes.count ? table[(b1 & 0x0F) << 2 | b2 >> 6] : UInt8(ascii: "="))
      out.append(i + 2 < bytes.count ? table[b2 & 0x3F] : UInt8(ascii: "="))
      i += 3
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Whether the terminal named by the environment is known to take OSC 52: `WANGGE_OSC52=1`/`0`
  /// decides; else kitty, WezTerm, iTerm2, Alacritty, foot, Ghostty, Windows Terminal and Contour
  /// are. A plain `xterm` over SSH and tmux (which drops it unless `set-clipboard on`) are not known.
  public static func isKnownToWork(environment: [String: String]) -> Bool {
    if let forced = environment["WANGGE_OSC52"], !forced.isEmpty { return forced != "0" }
    let term = (environment["TERM"] ?? "").lowercased()
    let program = (environment["TERM_PROGRAM"] ?? "").lowercased()
    if ["kitty", "alacritty", "foot", "wezterm", "contour"].contains(where: { term.contains($0) }) {
      return true
    }
    if ["iterm.app", "wezterm", "ghostty"].contains(program) { return true }
    return ["KITTY_WINDOW_ID", "WEZTERM_PANE", "ALACRITTY_WINDOW_ID", "WT_SESSION"].contains {
      !(environment[$0] ?? "").isEmpty
    }
  }
}
