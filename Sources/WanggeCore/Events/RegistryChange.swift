/// An everyday change to a station's registry (台账), sent as an event with an id like every other:
/// a unit's leader replaced, a household moving in or out or becoming long-term vacant, a help case
/// opened, changed or closed.
public enum RegistryChange: Hashable, Sendable {
  /// The unit's leader becomes the leader with this phone (an existing one, or a new one by this
  /// name; a new leader joins `department`, or the former leader's department when empty).
  case leaderReplaced(unit: GridEvent.UnitRef, name: String, phone: String, department: String)
  /// The unit's leader becomes the existing leader with this id (`leader_replace` with `leader`).
  case leaderChosen(unit: GridEvent.UnitRef, leader: Int64)
  /// A household moves into a room of the unit (a new room, or one recorded as long-term vacant).
  case movedIn(
    unit: GridEvent.UnitRef, room: String, headName: String, phone: String, people: Int,
    flags: VulnerabilityFlags)
  /// The household moves out: it leaves the registry, and its help case (if any) closes.
  case movedOut(household: HouseholdRef, reason: String)
  /// The household is (or is no longer) long-term vacant (长期无人).
  case vacant(household: HouseholdRef, vacant: Bool)
  /// A one-to-one help case opens for the household.
  case helpOpened(
    household: HouseholdRef, mode: ServiceMode, helper: String, cadence: Span, needs: String, green: Bool)
  /// The help case changes helper, cadence or mode (nil: unchanged).
  case helpChanged(household: HouseholdRef, helper: String?, cadence: Span?, mode: ServiceMode?)
  /// The help case closes, with the reason (recorded in the audit).
  case helpClosed(household: HouseholdRef, reason: String)

  /// The `type` word in JSON Lines.
  public var typeCode: String {
    switch self {
    case .leaderReplaced, .leaderChosen: "leader_replace"
    case .movedIn: "move_in"
    case .movedOut: "move_out"
    case .vacant: "vacant"
    case .helpOpened: "help_open"
    case .helpChanged: "help_change"
    case .helpClosed: "help_close"
    }
  }

  /// Every `type` word of a registry change.
  public static let typeCodes = [
    "leader_replace", "move_in", "move_out", "vacant", "help_open", "help_change", "help_close",
  ]

  /// The text the event digest is taken over (every field, in a fixed order).
  public var digestText: String {
    func h(_ r: HouseholdRef) -> String {
      switch r {
      case .id(let id): "#\(id)"
      case .room(let u, let room): "\(unitText(u))|\(room)"
      }
    }
    func unitText(_ u: GridEvent.UnitRef) -> String {
      switch u {
      case .id(let id): "#\(id)"
      case .path(let p): p.description
      }
    }
    let fields: [String]
    switch self {
    case .leaderReplaced(let u, let name, let phone, let dept): fields = [unitText(u), name, phone, dept]
    case .leaderChosen(let u, let leader): fields = [unitText(u), "#\(leader)"]
    case .movedIn(let u, let room, let head, let phone, let people, let flags):
      fields = [unitText(u), room, head, phone, "\(people)", "\(flags.rawValue)"]
    case .movedOut(let r, let reason): fields = [h(r), reason]
    case .vacant(let r, let v): fields = [h(r), v ? "1" : "0"]
    case .helpOpened(let r, let mode, let helper, let cadence, let needs, let green):
      fields = [h(r), "\(mode.rawValue)", helper, "\(cadence.seconds)", needs, green ? "1" : "0"]
    case .helpChanged(let r, let helper, let cadence, let mode):
      fields = [
        h(r), helper ?? "\u{1}", cadence.map { "\($0.seconds)" } ?? "-", mode.map { "\($0.rawValue)" } ?? "-",
      ]
    case .helpClosed(let r, let reason): fields = [h(r), reason]
    }
    return fields.joined(separator: "\u{0}")
  }

  /// The unit the change names directly, if it names one.
  public var unitRef: GridEvent.UnitRef? {
    switch self {
    case .leaderReplaced(let u, _, _, _), .movedIn(let u, _, _, _, _, _), .leaderChosen(let u, _): u
    case .movedOut(let r, _), .vacant(let r, _), .helpOpened(let r, _, _, _, _, _),
      .helpChanged(let r, _, _, _), .helpClosed(let r, _):
      if case .room(let u, _) = r { u } else { nil }
    }
  }

  /// The household the change names, if it names one.
  public var householdRef: HouseholdRef? {
    switch self {
    case .leaderReplaced, .movedIn, .leaderChosen: nil
    case .movedOut(let r, _), .vacant(let r, _), .helpOpened(let r, _, _, _, _, _),
      .helpChanged(let r, _, _, _), .helpClosed(let r, _):
      r
    }
  }
}

/// Where a household is named: by id, or by its unit and room.
public enum HouseholdRef: Hashable, Sendable {
  case id(Int64)
  case room(unit: GridEvent.UnitRef, room: String)
}
