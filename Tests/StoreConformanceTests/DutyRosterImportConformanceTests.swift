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
}
