import Foundation
import WanggeCore
import WanggeStore

/// The line `report` adds under its table for places where many events arrive long after their `at`:
/// of the events recorded in the last 24 hours under a place (at least 20), a share of 20 % or more
/// recorded more than 1 hour after their `at` (a sign of backdated or batched reporting).
enum LateArrivalNote {
  static let minimumEvents = 20
  static let flaggedShare = 0.2

  static func show(store: any GridStore, report: PlaceReport, at now: Instant) {
    guard
      let counts = try? store.lateArrivals(
        under: report.scope.place, recordedIn: .hours(24), before: now, lateBy: .hours(1))
    else { return }
    let places =
      [(report.scope.place.id, report.scope.place.name)]
      + report.children.map { ($0.place.id, $0.place.name) }
    for (id, name) in places {
      guard let c = counts[id], c.events >= minimumEvents, c.share >= flaggedShare else { continue }
      print(
        "迟报 late arrivals: \(name) — \(c.late.grouped) of \(c.events.grouped) events recorded in the last 24 h "
          + "arrived more than 1 h after their time (\(Int((c.share * 100).rounded())) %)")
    }
  }
}
