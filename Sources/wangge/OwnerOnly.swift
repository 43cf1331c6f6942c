import WanggeCore
import WanggeStore

/// Bulk reads of personal data (full phones in an export, every table in a copy) that only the store's
/// owner may make: an operator's role cannot read `household.phone` in bulk (PostgreSQL's personal-data
/// migration), and revealing is one audited household at a time.
enum OwnerOnly {
  /// The connected operator when it is a listed operator (not the owner), else nil.
  static func listedOperator(_ store: any GridStore) -> OperatorIdentity? {
    guard let me = try? store.currentOperator(), !me.unscoped,
      (try? store.operators())?.contains(where: { $0.name == me.name }) == true
    else { return nil }
    return me
  }

  /// Exits with why `what` is refused to a listed operator, and what to do instead.
  static func refuse(_ store: any GridStore, _ what: String, instead: String) {
    guard let me = listedOperator(store) else { return }
    fail(
      "\(what): refused to operator \(me.name) (role \(me.role.rawValue)): full names and phones are "
        + "revealed one household at a time, each with a reason and an audit record; \(instead). Only the "
        + "store's owner (the database owner) may read them in bulk; nothing was written")
  }
}
