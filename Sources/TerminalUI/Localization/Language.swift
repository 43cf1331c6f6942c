/// The language of TerminalUI's own strings (zh-Hans is the default).
public enum Language: String, Sendable, CaseIterable {
  case zh, en

  /// Reads `zh`, `zh-Hans`, `zh_CN.UTF-8`, `en`, `en_US` and the like; nil when unknown.
  public init?(code: String) {
    let lower = code.lowercased()
    if lower.hasPrefix("zh") {
      self = .zh
    } else if lower.hasPrefix("en") {
      self = .en
    } else {
      return nil
    }
  }
}

/// TerminalUI's own words in each language.
public enum UIText {
  /// "终端太小" / "Terminal too small".
  public static func tooSmallTitle(_ language: Language) -> String {
    language == .zh ? "终端太小" : "Terminal too small"
  }
  /// "需要 80×24" / "need 80×24".
  public static func need(_ size: Size, _ language: Language) -> String {
    language == .zh ? "需要 \(size)" : "need \(size)"
  }
  /// "当前 30×8" / "have 30×8".
  public static func have(_ size: Size, _ language: Language) -> String {
    language == .zh ? "当前 \(size)" : "have \(size)"
  }
  /// The whole too-small sentence on one line.
  public static func tooSmall(need: Size, have: Size, _ language: Language) -> String {
    language == .zh
      ? "终端太小：需要 \(need)，当前 \(have)"
      : "Terminal too small: need \(need), have \(have)"
  }
  /// "请放大窗口" / "Enlarge the window".
  public static func enlarge(_ language: Language) -> String {
    language == .zh ? "请放大窗口或缩小字体" : "Enlarge the window or use a smaller font"
  }
  /// Confirmation buttons.
  public static func yes(_ language: Language) -> String { language == .zh ? "确定" : "Yes" }
  public static func no(_ language: Language) -> String { language == .zh ? "取消" : "No" }
  /// Names of the status kinds.
  public static func status(_ kind: StatusKind, _ language: Language) -> String {
    switch (kind, language) {
    case (.onTime, .zh): return "按时"
    case (.onTime, .en): return "on time"
    case (.late, .zh): return "迟到"
    case (.late, .en): return "late"
    case (.overdue, .zh): return "超时"
    case (.overdue, .en): return "overdue"
    case (.pending, .zh): return "待办"
    case (.pending, .en): return "pending"
    case (.done, .zh): return "完成"
    case (.done, .en): return "done"
    case (.critical, .zh): return "紧急"
    case (.critical, .en): return "urgent"
    }
  }
  /// Message for a duration of 0 or longer than `maxSeconds`.
  public static func durationOutOfRange(
    maxSeconds: Int, format: (Int) -> String, _ language: Language
  ) -> String {
    let unbounded = maxSeconds == .max
    let bound = maxSeconds % 86_400 == 0 ? "\(maxSeconds / 86_400)" : format(maxSeconds)
    let days = maxSeconds % 86_400 == 0
    switch language {
    case .zh: return unbounded ? "时长须大于 0" : "时长须大于 0，最多 \(bound)\(days ? " 天" : "")"
    case .en:
      return unbounded
        ? "must be more than 0" : "must be more than 0 and at most \(bound)\(days ? " days" : "")"
    }
  }
  /// Message for a required field left empty.
  public static func required(_ label: String, _ language: Language) -> String {
    language == .zh ? "\(label)：必填" : "\(label): required"
  }
}
