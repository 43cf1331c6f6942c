import Testing
import WanggeCore
import WanggeStore

/// The roster upsert a duty ledger feeds, on every engine: keyed by station, post, person and shift
/// start; a second write updates, a bad post writes nothing.
@Suite struct DutyRosterImportConformanceTests {
  @Test(arguments: ConformanceEngine.all) func postsAreUpsertedByTheirKey(_ e: ConformanceEngine) throws {
    let s = try e.store()
    let station = try s.children(of: try s.root().id).first!
    let post = DutyPost(placeID: station.id, role: "卡口", person: "赵六", startMinute: 480, lengthMinutes: 720)
    #expect(try s.upsertDutyPosts([post]) == 1)
    var changed = post
    changed.phone = "14000002001"
    changed.offDays = 1
    _ = try s.upsertDutyPosts([changed])
    let roster = try s.dutyRoster(of: station.id)
    #expect(roster.count == 1)
    #expect(roster.first?.phone == "14000002001")
    #expect(roster.first?.offDays == 1)
    var bad = post
    bad.person = "孙八"
    bad.startMinute = 1500
    #expect(throws: MeetingInputError.self) { try s.upsertDutyPosts([post, bad]) }
    #expect(try s.dutyRoster(of: station.id).count == 1)
  }

  /// An imported post counts in 空岗 like a post added by hand, and moving its shift by a re-import
  /// moves the count with it (the rollup follows the upsert; `verify` stays clean).
  @Test(arguments: ConformanceEngine.all) func importedPostsMoveTheGapRollup(_ e: ConformanceEngine) throws {
    let s = try e.store()
    let root = try s.root()
    let station = try s.children(of: root.id).first!
    let ids = [root.id, station.id]
    // The anchor is 20:00 China time; a shift from 19:00 is 60 minutes past its start, one from 21:00 is
    // not yet due.
    let now = ConformanceEngine.anchor
    func gaps() throws -> [Int] { try ids.map { try s.dutyGaps(for: ids, at: now)[$0] ?? 0 } }
    let before = try gaps()
    let post = DutyPost(
      placeID: station.id, role: "卡口", person: "钱七", startMinute: 19 * 60, lengthMinutes: 240)
    _ = try s.upsertDutyPosts([post])
    #expect(try gaps() == before.map { $0 + 1 })
    #expect(try s.verify().isEmpty)
    var later = post
    later.lengthMinutes = 30
    _ = try s.upsertDutyPosts([later])
    #expect(try gaps() == before)
    #expect(try s.verify().isEmpty)
  }
}
