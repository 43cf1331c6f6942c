import ArgumentParser
import Foundation
import WanggeCore
import WanggeLedger
import WanggeStore

/// `wangge volunteer import FILE`: a volunteers ledger (姓名, 电话, 党员, 报到社区, 报到单位, 队伍, 岗位,
/// 报到时间, 上岗时间) into the store, all or nothing; a volunteer with the same name and phone is updated.
struct VolunteerImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Import a volunteers ledger (.csv or .xlsx, Chinese headers); all or nothing.")
  @OptionGroup var store: StoreOptions
  @Argument(help: "The ledger file.") var file: String
  @OptionGroup var clock: ClockOption

  func run() throws {
    let rows: [VolunteerLedger.Row]
    do {
      rows = try VolunteerLedger.read(URL(fileURLWithPath: file), file: file)
    } catch let e as LedgerFileError {
      for p in e.problems.prefix(50) { printError(p.description) }
      fail("\(e.problems.count) problem(s) in \(file); nothing was imported. Fix them and import again")
    }
    let s = try store.openForWriting()
    do {
      let root = try s.root()
      let existing = try s.volunteers(under: root.id, at: clock.clock.now(), limit: 1_000_000).map(
        \.volunteer)
      var byKey = Dictionary(
        existing.map { ("\($0.name)|\($0.phone)", $0.id) }, uniquingKeysWith: { a, _ in a })
      var next = (existing.map(\.id).max() ?? 0) + 1
      var places: [String: Int64] = [:]
      var records: [VolunteerRecord] = []
      for r in rows {
        let place: Int64
        if let p = places[r.place] {
          place = p
        } else {
          place = try resolvePlace(r.place, in: s, option: "\(file):\(r.rowNumber):报到社区").id
          places[r.place] = place
        }
        let key = "\(r.name)|\(r.phone)"
        let id = byKey[key] ?? next
        if byKey[key] == nil {
          byKey[key] = id
          next += 1
        }
        records.append(
          VolunteerRecord(
            id: id, name: r.name, phone: r.phone, isPartyMember: r.partyMember, placeID: place,
            homeUnit: r.homeUnit,
            team: r.team, posts: r.posts, reportedAt: r.reportedAt, onPostAt: r.onPostAt))
      }
      let n = try s.saveVolunteers(records)
      print("imported \(n) volunteers from \(file)")
    } catch {
      failOnUserError(error)
    }
  }
}
