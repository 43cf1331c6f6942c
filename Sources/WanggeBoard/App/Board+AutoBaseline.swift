import WanggeCore
import WanggeStore

/// When a running board marks the automatic baselines: the schedule (default 08:00 and 18:00) and the
/// instant up to which its clock was last checked.
public struct AutoBaseline: Sendable {
  /// The times of day; nil: the board marks none.
  public var schedule: BaselineSchedule? = .standard
  /// The board's clock at the last check (nil: not yet started; the first poll only starts it, so a
  /// board never marks the slots that passed before it was opened).
  var checkedUpTo: Instant?
  public init(schedule: BaselineSchedule? = .standard) { self.schedule = schedule }
}

extension Board {
  /// At each poll: when the board's clock has passed a scheduled time since the last poll, marks that
  /// baseline once (``MeetingDesk/markScheduledBaselines(_:at:window:)`` finds a slot another board or
  /// `baseline auto` marked and skips it) and says so on the status line. A board that may not write
  /// (looking back, `--read-only`, a viewer, a read-only standby) marks nothing. True when it marked one.
  @discardableResult public func markScheduledBaselineIfDue(tick: Double) -> Bool {
    guard let schedule = autoBaseline.schedule, !writesRefused, let desk = store as? any MeetingDesk else {
      return false
    }
    let now = clock.now()
    defer { autoBaseline.checkedUpTo = now }
    guard let from = autoBaseline.checkedUpTo, !schedule.due(after: from, upTo: now, limit: 1).isEmpty else {
      return false
    }
    do {
      guard let b = try desk.markScheduledBaselines(schedule, at: now, window: window).last else {
        return false
      }
      say(
        words(
          "已自动标记基线「\(b.name)」\(InstantFormat.short(b.at))（\(b.places) 处）",
          "Baseline \(b.name) marked automatically \(InstantFormat.short(b.at)) (\(b.places) places)"),
        kind: .done, tick: tick)
      return true
    } catch {
      say(words("自动基线未能标记：\(error)", "Automatic baseline not marked: \(error)"), kind: .late, tick: tick)
      return false
    }
  }
}
