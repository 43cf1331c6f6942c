import WanggeCore

/// Baselines (the figures of every place at an instant, for "Δ since the meeting") and the decisions
/// recorded at meetings, in every engine.
public protocol MeetingDesk: Store {
  /// Copies the figures every place above the units had at `at` (tasks issued within `window` before
  /// it) into a new baseline named `name`: one row per place, from the rollups, never the raw rows.
  func markBaseline(name: String, at: Instant, window: Span) throws -> Baseline
  /// Every baseline, oldest first.
  func baselines() throws -> [Baseline]
  /// The figures `baseline` kept for each of `ids` (a place it has no row for is absent).
  func baselineFigures(_ baseline: Int64, for ids: [Int64]) throws -> [Int64: PlaceFigures]
  /// Records a decision of `place`'s meeting and, in the same transaction, the task or order it
  /// `becomes` (``DecisionAction``); returns it with its id (and the task's or order's). A refusal of
  /// either leaves the store unchanged.
  func addDecision(
    place: Int64, text: String, owner: String, due: Instant?, at: Instant, becomes: DecisionAction
  ) throws -> Decision
  /// Marks decision `id` done at `at` (again: no change). Throws ``MeetingError/unknownDecision``.
  func finishDecision(_ id: Int64, at: Instant) throws -> Decision
  /// The decisions of `place`'s meetings recorded at or before `at`, oldest first.
  func decisions(of place: Int64, at: Instant) throws -> [Decision]
  /// Bytes the baseline tables take (for `baseline list` and the README's cost note); nil if unknown.
  func baselineBytes() throws -> Int64?
}

/// Errors of the meeting commands a person can fix.
public enum MeetingError: Error, Equatable, CustomStringConvertible {
  case unknownDecision(Int64)
  public var description: String {
    switch self {
    case .unknownDecision(let id): "no decision #\(id); `wangge decision list --scope PLACE` shows them"
    }
  }
}

extension MeetingDesk {
  /// The baseline called `nameOrID` (a name or `#id`; the latest of that name), or the latest one.
  public func baseline(named nameOrID: String?) throws -> Baseline {
    let all = try baselines()
    guard let key = nameOrID else {
      guard let last = all.last else { throw BaselineProblem.none }
      return last
    }
    let idText = key.hasPrefix("#") ? String(key.dropFirst()) : key
    if let id = Int64(idText), let b = all.first(where: { $0.id == id }) { return b }
    if let b = all.last(where: { $0.name == key }) { return b }
    throw BaselineProblem.unknown(key)
  }

  /// Marks the scheduled baselines the clock passed after the latest one (or after `now` − 1 day on a
  /// store without any), each at its own scheduled instant; returns those it marked.
  public func markScheduledBaselines(_ schedule: BaselineSchedule, at now: Instant, window: Span) throws
    -> [Baseline]
  {
    let last = try baselines().last?.at ?? (now - Span(seconds: 86_400))
    // A slot is marked once: a second board or `baseline auto` marking it at the same moment is refused
    // by the unique index on automatic slots (migration v14-duty / 16) and finds it marked.
    return try schedule.due(after: last, upTo: now, limit: 1).compactMap { at in
      let name = schedule.name(at: at)
      do { return try markBaseline(name: name, at: at, window: window) } catch {
        if try baselines().contains(where: { $0.at == at && $0.name == name }) { return nil }
        throw error
      }
    }
  }
}

/// A value given to a meeting command that is out of bounds; the message names the option and the fix.
public struct MeetingInputError: Error, Equatable, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}
