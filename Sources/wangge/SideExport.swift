import Foundation
import WanggeCore
import WanggeLedger
import WanggeStore

/// `wangge export volunteers|duty`: the volunteers under a place, or the duty rosters of the stations
/// under it, in the layout their import reads (phones masked unless revealed, and then audited).
enum SideExport {
  static let kinds = ["volunteers", "duty"]

  static func table(_ kind: String, _ s: any GridStore, scope: Place, at: Instant, reveal: Bool) throws
    -> LedgerTable
  {
    func phone(_ p: String) -> String { reveal ? p : PhoneMask.mask(p) }
    let levels = try s.levels()
    if kind == "volunteers" {
      var paths: [Int64: String] = [:]
      let rows = try s.volunteers(under: scope.id, at: at, limit: 1_000_000).map(\.volunteer).map { v in
        if paths[v.placeID] == nil { paths[v.placeID] = try s.path(of: v.placeID).description }
        return VolunteerLedger.cells(
          VolunteerLedger.Row(
            rowNumber: 0, name: v.name, phone: phone(v.phone), place: paths[v.placeID]!, homeUnit: v.homeUnit,
            team: v.team, partyMember: v.isPartyMember, posts: v.posts, reportedAt: v.reportedAt,
            onPostAt: v.onPostAt))
      }
      return LedgerTable(header: VolunteerLedger.template.header, rows: rows)
    }
    let header = DutyLedger.header(levels: levels)
    let depth = header.count - DutyLedger.Column.allCases.count
    var rows: [[String]] = []
    var queue = [scope]
    while let p = queue.popLast() {
      let path = try s.path(of: p.id)
      for post in try s.dutyRoster(of: p.id) {
        let r = DutyLedger.Row(
          rowNumber: 0, path: path, role: post.role, person: post.person, phone: post.phone,
          startMinute: post.startMinute, lengthMinutes: post.lengthMinutes, onDays: post.onDays,
          offDays: post.offDays, anchorDay: post.anchorDay)
        rows.append(DutyLedger.cells(r, depth: max(depth, path.segments.count), phone: phone(post.phone)))
      }
      if p.depth + 1 < levels.unitDepth { queue += try s.children(of: p.id).reversed() }
    }
    return LedgerTable(header: header, rows: rows)
  }
}
