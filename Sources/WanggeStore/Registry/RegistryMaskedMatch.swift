import WanggeCore

/// Whether a household an operator reads masked (PostgreSQL's `household_shown`: help households'
/// heads as 张*, phones as 138****5678) is the file's record: each masked field equals the file's value
/// masked by the same rule, every other field equals. A re-import by an operator then counts it
/// unchanged instead of changed.
enum RegistryMaskedMatch {
  static func matches(shown old: StoredHousehold, file new: StoredHousehold) -> Bool {
    guard old.headName.contains("*") || old.phone.contains("*") else { return false }
    var masked = new
    if old.headName != new.headName { masked.headName = maskName(new.headName) }
    if old.phone != new.phone { masked.phone = PhoneMask.mask(new.phone) }
    return masked == old
  }

  /// The server's `wangge_mask_name`: the first character, then one `*` per other character (a
  /// one-character name: `*`).
  static func maskName(_ name: String) -> String {
    name.count <= 1
      ? String(repeating: "*", count: name.count)
      : String(name.prefix(1)) + String(repeating: "*", count: name.count - 1)
  }
}
