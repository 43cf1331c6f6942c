import WanggeCore

/// Pinyin initials for the board's filters and `:goto` (河北街道 → hbjd).
enum PinyinText {
  static func initials(_ text: String) -> String { PinyinInitials.initials(of: text) }
}
