import WanggeCore
import WanggeLedger
import WanggeStore

/// Ledger rows (as files hold them) to registry rows (as the store contract takes them) and back.
enum LedgerRowMapping {
  static func registry(_ row: LedgerRow) -> RegistryRow {
    switch row {
    case .household(let r):
      .household(
        RegistryHousehold(
          path: r.path, room: r.room, headName: r.headName, phone: r.phone, people: r.people, flags: r.flags,
          reach: r.reach))
    case .leader(let r):
      .leader(
        RegistryLeader(
          path: r.path, name: r.name, phone: r.phone, department: r.department, squad: r.squad,
          squadLeader: r.squadLeader, home: r.home))
    case .help(let r):
      .help(
        RegistryHelpCase(
          path: r.path, room: r.room, headName: r.headName, mode: r.mode, helper: r.helper,
          cadence: r.cadence,
          needs: r.needs, greenChannel: r.greenChannel, lastVisit: r.lastVisit, openedAt: r.openedAt))
    case .place(let r): .place(r.path)
    }
  }

  /// The ledger row of `row`, its phone masked unless `reveal`.
  static func ledger(_ row: RegistryRow, reveal: Bool) -> LedgerRow {
    func phone(_ p: String) -> String { reveal ? p : PhoneMask.mask(p) }
    switch row {
    case .household(let r):
      return .household(
        HouseholdRow(
          path: r.path, room: r.room, headName: r.headName, phone: phone(r.phone), people: r.people,
          flags: r.flags, reach: r.reach))
    case .leader(let r):
      return .leader(
        LeaderRow(
          path: r.path, name: r.name, phone: phone(r.phone), department: r.department, squad: r.squad,
          squadLeader: r.squadLeader, home: r.home))
    case .help(let r):
      return .help(
        HelpCaseRow(
          path: r.path, room: r.room, headName: r.headName, mode: r.mode, helper: r.helper,
          cadence: r.cadence,
          needs: r.needs, greenChannel: r.greenChannel, lastVisit: r.lastVisit, openedAt: r.openedAt))
    case .place(let p): return .place(PlaceRow(path: p))
    }
  }

  static func ledgerKind(_ k: RegistryKind) -> LedgerKind {
    switch k {
    case .households: .households
    case .leaders: .leaders
    case .help: .help
    case .places: .places
    }
  }
}
