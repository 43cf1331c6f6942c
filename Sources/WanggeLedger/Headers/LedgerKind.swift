/// What a ledger holds, told by its headers.
public enum LedgerKind: String, CaseIterable, Sendable, Hashable {
  /// 住户台账: one row per household (place path down to the unit, room, head, phone, people, flags).
  case households
  /// 单元长台账: one row per unit leader and unit led (path, name, phone, department, squad).
  case leaders
  /// 帮扶台账: one row per help case (path, room, mode, helper, cadence, needs).
  case help
  /// 网格台账: one row per place (the path columns only).
  case places
  /// 志愿者台账 (双报到): one row per volunteer or party member; feeds the orders desk (`VolunteerLedger`).
  case volunteers
  /// 值班表: one row per post, person and shift of a station's roster; feeds the duty desk (`DutyLedger`).
  case duty

  /// The columns a file of this kind must have besides the path.
  public var required: [LedgerColumn] {
    switch self {
    case .households: [.room, .headName, .phone, .size]
    case .leaders: [.leaderName, .phone, .department]
    case .help: [.room, .mode, .helper, .cadence]
    case .places, .volunteers, .duty: []
    }
  }

  /// The columns templates and exports write, in order, after the path.
  public var columns: [LedgerColumn] {
    switch self {
    case .households:
      [
        .room, .headName, .phone, .size, .elderlyAlone, .noSmartphone, .disabledOrChronic, .longVacant,
        .homeIsolation, .reach,
      ]
    case .leaders: [.leaderName, .phone, .department, .squad, .squadLeader, .home]
    case .help: [.room, .headName, .mode, .helper, .cadence, .needs, .greenChannel, .lastVisit, .openedAt]
    case .places, .volunteers, .duty: []
    }
  }

  /// Every column a file of this kind may hold (others are ignored and reported).
  var accepted: Set<LedgerColumn> { Set(columns + required + [.problemNote]) }

  /// True when the path must reach the unit level (households, leaders and help cases live on units).
  public var pathReachesUnit: Bool { self != .places && !isSide }

  /// True for the kinds that feed a desk rather than the registry (read by `SideLedger`).
  public var isSide: Bool { self == .volunteers || self == .duty }

  /// The kind `columns` tell: help when a help column is there, leaders when a leader and a department
  /// are, households when a room or a head is, places when only path columns are; nil otherwise.
  static func told(by columns: Set<LedgerColumn>, hasPath: Bool) -> LedgerKind? {
    if !columns.isDisjoint(with: [.mode, .helper, .cadence]) { return .help }
    if columns.contains(.leaderName) && (columns.contains(.department) || columns.contains(.squad)) {
      return .leaders
    }
    if !columns.isDisjoint(with: [.room, .headName, .size]) { return .households }
    if columns.contains(.leaderName) { return .leaders }
    if hasPath && columns.subtracting([.problemNote]).isEmpty { return .places }
    return nil
  }
}
