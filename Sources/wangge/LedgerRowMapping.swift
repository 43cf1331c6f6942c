import WanggeCore
import WanggeLedger
import WanggeStore

/// Ledger rows (as files hold them) to registry rows (as the store contract takes them) and back: the
/// records are the same WanggeCore types; only the enums differ, and an export masks phones.
enum LedgerRowMapping {
  static func registry(_ row: LedgerRow) -> RegistryRow {
    switch row {
    case .household(let r): .household(r)
    case .leader(let r): .leader(r)
    case .help(let r): .help(r)
    case .place(let r): .place(r.path)
    }
  }

  /// The ledger row of `row`, its phone masked unless `reveal`.
  static func ledger(_ row: RegistryRow, reveal: Bool) -> LedgerRow {
    func phone(_ p: String) -> String { reveal ? p : PhoneMask.mask(p) }
    switch row {
    case .household(var r):
      r.phone = phone(r.phone)
      return .household(r)
    case .leader(var r):
      r.phone = phone(r.phone)
      return .leader(r)
    case .help(let r): return .help(r)
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
