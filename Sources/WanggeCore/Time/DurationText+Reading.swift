/// The language a duration is written in for a person reading a screen (``DurationText/reading(_:in:)``).
public enum DurationLanguage: Sendable, Hashable {
  case chinese
  case english
}

extension DurationText {
  /// A countdown or a lateness as a board shows it, to the minute (never seconds: a screen changes
  /// once a minute at most). Chinese: `1天3小时`, `2小时5分`, `2小时`, `59分钟`; English: `1d3h`, `2h05m`,
  /// `59m`. Negative spans read as their magnitude (callers say "late" or "left").
  public static func reading(_ span: Span, in language: DurationLanguage) -> String {
    let s = span.seconds.magnitude
    let (days, hours, minutes) = (s / 86_400, s % 86_400 / 3600, s % 3600 / 60)
    switch language {
    case .chinese:
      if days > 0 { return hours > 0 ? "\(days)天\(hours)小时" : "\(days)天" }
      if hours > 0 { return minutes > 0 ? "\(hours)小时\(minutes)分" : "\(hours)小时" }
      return "\(minutes)分钟"
    case .english:
      if days > 0 { return "\(days)d\(hours)h" }
      if hours > 0 { return "\(hours)h" + (minutes < 10 ? "0" : "") + "\(minutes)m" }
      return "\(minutes)m"
    }
  }

  /// A span in words for sentences: `1天3小时`, `45分钟`, `不到1分钟` / `1 d 3 h`, `45 min`,
  /// `under a minute` (minutes are dropped once there are days).
  public static func words(_ span: Span, in language: DurationLanguage) -> String {
    let s = span.seconds.magnitude
    let (d, h, m) = (s / 86_400, s % 86_400 / 3600, s % 3600 / 60)
    let zh = language == .chinese
    var parts: [String] = []
    if d > 0 { parts.append(zh ? "\(d)天" : "\(d) d") }
    if h > 0 { parts.append(zh ? "\(h)小时" : "\(h) h") }
    if m > 0 && d == 0 { parts.append(zh ? "\(m)分钟" : "\(m) min") }
    if parts.isEmpty { return zh ? "不到1分钟" : "under a minute" }
    return parts.joined(separator: zh ? "" : " ")
  }
}
