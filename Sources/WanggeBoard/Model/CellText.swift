import TerminalUI
import WanggeStore
import WanggeCore

/// How the board writes figures, states and times into cells; every coloured state also has a glyph.
public struct CellText: Sendable {
  public var words: Words
  public init(_ words: Words) { self.words = words }

  /// A count, grouped with commas.
  public func count(_ n: Int) -> TableCell { TableCell(NumberText.grouped(n)) }

  /// Seconds before a deadline from which it counts as falling due (amber, `!`).
  public static let dueSoon: Int64 = 3600

  /// A rate judged by what needs action, not by a threshold alone: `✗` (bad) when something behind it
  /// is overdue now, `!` (warn) when something falls due within the hour, `✓` at `good` or above with
  /// nothing open, else `·` (nothing to chase: the rate reflects past lateness). "—" when nothing counts.
  public func rate(_ ratio: Double?, overdue: Int = 0, dueSoon: Int = 0, good: Double? = nil) -> TableCell {
    guard let ratio else { return TableCell("—", style: Style(.muted)) }
    let good = good ?? words.thresholds.greenRate
    let text = NumberText.percent(ratio)
    if overdue > 0 { return TableCell("\(StatusKind.overdue.glyph) \(text)", style: Style(.bad)) }
    if dueSoon > 0 { return TableCell("\(StatusKind.late.glyph) \(text)", style: Style(.warn)) }
    if ratio >= good { return TableCell("\(StatusKind.onTime.glyph) \(text)", style: Style(.good)) }
    return TableCell("· \(text)")
  }

  /// A rate without judgement (coverage, completion while tasks still run).
  public func plainRate(_ ratio: Double?) -> TableCell {
    guard let ratio else { return TableCell("—", style: Style(.muted)) }
    return TableCell(NumberText.percent(ratio))
  }

  /// A count of things overdue: "✗ 12" in the bad colour, or a muted 0.
  public func overdue(_ n: Int) -> TableCell {
    n == 0
      ? TableCell("0", style: Style(.muted))
      : TableCell("\(StatusKind.overdue.glyph) \(NumberText.grouped(n))", style: StatusKind.overdue.style)
  }

  /// Green-channel cases open: "‼ 2" as a critical badge, or a muted 0.
  public func green(_ n: Int) -> TableCell {
    n == 0
      ? TableCell("0", style: Style(.muted))
      : TableCell("\(StatusKind.critical.glyph) \(NumberText.grouped(n))", style: StatusKind.critical.style)
  }

  /// A span as the board reads it: "2小时5分", "3天4小时", "45分钟" / "2h05m", "3d4h", "45m"
  /// (``DurationText/reading(_:in:)``; never seconds, and never negative).
  public func span(_ seconds: Int64) -> String {
    DurationText.reading(Span(seconds: max(0, seconds)), in: durationLanguage)
  }

  /// A span in words for sentences: "3小时", "1天3小时", "45分钟" / "3 h", "1 d 3 h", "45 min".
  public func spanWords(_ seconds: Int64) -> String {
    DurationText.words(Span(seconds: max(0, seconds)), in: durationLanguage)
  }

  /// The board's language as WanggeCore's duration formatter knows it.
  public var durationLanguage: DurationLanguage { words.language == .zh ? .chinese : .english }

  /// A clock time as "23:05" on the same day as `now`, else "11-23 11:05".
  public func clockTime(_ instant: Instant, from now: Instant) -> String {
    let short = InstantFormat.short(instant)
    return short.prefix(5) == InstantFormat.short(now).prefix(5) ? String(short.suffix(5)) : short
  }

  /// The state word of an assignment with its glyph, e.g. "✓ 按时响应".
  public func state(_ state: AssignmentState) -> TableCell {
    let (kind, zh, en): (StatusKind, String, String) =
      switch state {
      case .pending: (.pending, "待响应", "pending")
      case .acknowledgedOnTime: (.onTime, "按时响应", "acked")
      case .acknowledgedLate: (.late, "迟响应", "acked late")
      case .acknowledgementOverdue: (.overdue, "响应超时", "ack overdue")
      case .finishedOnTime: (.done, "按时完成", "done")
      case .finishedLate: (.late, "迟完成", "done late")
      case .finishOverdue: (.overdue, "完成超时", "done overdue")
      }
    return TableCell("\(kind.glyph) \(words(zh, en))", style: kind.style)
  }

  /// Time to the next deadline of an assignment ("剩 2h05m"), or how late it is ("超 1h10m").
  public func countdown(_ row: TaskAssignmentRow, at now: Instant) -> TableCell {
    let a = row.assignment
    if a.finishedAt != nil { return TableCell("—", style: Style(.muted)) }
    let deadline = a.ackedAt == nil ? row.deadlines.ack : row.deadlines.finish
    let left = deadline.since(now).seconds  // saturating: a stored window may be absurd
    return timeLeft(left)
  }

  /// "剩 2h05m", in amber with `!` within the hour, or "✗ 超 1h10m" in red once past.
  public func timeLeft(_ left: Int64) -> TableCell {
    if left > words.thresholds.amberWithin { return TableCell(words("剩 ", "in ") + span(left)) }
    if left >= -words.thresholds.redAfter {
      if left < 0 {
        return TableCell(
          "\(StatusKind.late.glyph) " + words("超 ", "late ") + span(-left), style: Style(.warn))
      }
      return TableCell("\(StatusKind.late.glyph) " + words("剩 ", "in ") + span(left), style: Style(.warn))
    }
    return TableCell(
      "\(StatusKind.overdue.glyph) " + words("超 ", "late ") + span(Saturating.subtract(0, left)),
      style: StatusKind.overdue.style)
  }

  /// A pending assignment whose deadline falls within the hour reads "! 待响应" in amber.
  public func state(_ state: AssignmentState, secondsLeft: Int64?) -> TableCell {
    guard state == .pending, let left = secondsLeft, left >= 0, left <= words.thresholds.amberWithin else {
      return self.state(state)
    }
    return TableCell("\(StatusKind.late.glyph) " + words("待响应", "pending"), style: Style(.warn))
  }

  /// Short words for vulnerability flags, e.g. "独居 无机".
  public func flags(_ flags: VulnerabilityFlags) -> String {
    VulnerabilityFlags.codes.filter { flags.contains($0.0) }.map { flagWord($0.0) }.joined(separator: " ")
  }

  public func flagWord(_ flag: VulnerabilityFlags) -> String {
    switch flag {
    case .elderlyAlone: words("独居", "alone")
    case .noSmartphone: words("无机", "no-phone")
    case .disabledOrChronic: words("残病", "ill")
    case .longVacant: words("空置", "vacant")
    case .homeIsolation: words("隔离", "isolated")
    default: "?"
    }
  }

  public func mode(_ mode: ServiceMode) -> String {
    switch mode {
    case .group: words("群内", "group")
    case .phone: words("电话", "phone")
    case .pairedHelper: words("一包一", "paired")
    case .homeVisit: words("上门", "visit")
    }
  }

  public func reach(_ reach: Reachability) -> TableCell {
    switch reach {
    case .inGroup: TableCell("✓ " + words("在群", "group"), style: Style(.good))
    case .phoneOnly: TableCell("! " + words("电话", "phone"), style: Style(.warn))
    case .notReached: TableCell("✗ " + words("未对接", "none"), style: StatusKind.overdue.style)
    }
  }

  /// When a help visit is due: "‼ 绿色通道" first, "✗ 超 3h" overdue, else "剩 1d2h".
  public func visitDue(_ help: HelpCase, at now: Instant) -> TableCell {
    let left = help.dueAt.since(now).seconds
    if left < 0 {
      return TableCell(
        "\(StatusKind.overdue.glyph) " + words("超 ", "late ") + span(-left), style: StatusKind.overdue.style)
    }
    return TableCell("\(StatusKind.onTime.glyph) " + words("剩 ", "in ") + span(left), style: Style(.good))
  }
}
