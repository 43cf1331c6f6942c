import Foundation
import Testing
import WanggeCore
import WanggeStore

/// 空岗 counted from the stored duty rollup in the station and every ancestor, per engine, at ±1 s
/// around the boundary: a post without a sign-in is awaited until start + 600 s inclusive and empty
/// from start + 601 s.
@Suite struct DutyGapConformanceTests {
  let now = ConformanceEngine.anchor

  /// The root, then the first child at each depth down to the deepest place above the units.
  func deepChain(_ store: any GridStore) throws -> [Place] {
    let unitDepth = try store.levels().names.count - 1
    var chain = [try store.root()]
    while chain.last!.depth < unitDepth - 1, let c = try store.children(of: chain.last!.id).first {
      chain.append(c)
    }
    return chain
  }

  @Test(arguments: ConformanceEngine.all)
  func anUnsignedShiftCountsInTheStationAndEveryAncestorFromStartPlus601Seconds(engine: ConformanceEngine)
    throws
  {
    let store = try engine.store()
    let chain = try deepChain(store)
    #expect(chain.count >= 3)
    let station = chain.last!
    let ids = chain.map(\.id)
    // 19:45 China time, four hours; the anchor is 20:00.
    let start = now - Span(seconds: 900)
    let a = try store.addDutyPost(
      DutyPost(
        placeID: station.id, role: "第一书记", person: "张书记", startMinute: 19 * 60 + 45, lengthMinutes: 240))
    let b = try store.addDutyPost(
      DutyPost(placeID: station.id, role: "卡口", person: "李四", startMinute: 19 * 60 + 45, lengthMinutes: 240))
    #expect(try store.signDuty(post: a.id, at: start + Span(seconds: 60), eventID: "g-1", signingOut: false))
    func gaps(_ at: Instant) throws -> [Int] {
      try ids.map { try store.dutyGaps(for: ids, at: at)[$0] ?? -1 }
    }
    let edge = start + DutyPost.grace
    #expect(try gaps(start - Span(seconds: 1)) == Array(repeating: 0, count: ids.count))
    #expect(try gaps(edge - Span(seconds: 1)) == Array(repeating: 0, count: ids.count))
    #expect(try gaps(edge) == Array(repeating: 0, count: ids.count))
    #expect(try gaps(edge + Span(seconds: 1)) == Array(repeating: 1, count: ids.count))
    // The station view agrees.
    #expect(
      try store.dutyNow(of: station.id, at: edge + Span(seconds: 1)).filter { $0.state == .empty }.count == 1)
    // The shift's end: off duty, nothing empty.
    #expect(try gaps(start + Span(seconds: 240 * 60)) == Array(repeating: 0, count: ids.count))
    // A post under a sibling of the station's parent counts in the common ancestors only.
    let parent = chain[chain.count - 2]
    let other = try store.children(of: parent.id).first { $0.id != station.id }
    if let other {
      _ = try store.addDutyPost(
        DutyPost(placeID: other.id, role: "楼长", person: "王五", startMinute: 19 * 60 + 45, lengthMinutes: 240))
      #expect(
        try gaps(edge + Span(seconds: 1)) == Array(repeating: 2, count: ids.count - 1) + [1])
      #expect(try store.dutyGaps(for: [other.id], at: edge + Span(seconds: 1))[other.id] == 1)
    }
    let extra = other == nil ? 0 : 1
    // b signs in late; then signs out: empty again.
    #expect(try store.signDuty(post: b.id, at: edge + Span(seconds: 100), eventID: "g-2", signingOut: false))
    #expect(try gaps(edge + Span(seconds: 101)) == Array(repeating: extra, count: ids.count - 1) + [0])
    #expect(try store.signDuty(post: b.id, at: edge + Span(seconds: 200), eventID: "g-3", signingOut: true))
    #expect(try gaps(edge + Span(seconds: 201)) == Array(repeating: 1 + extra, count: ids.count - 1) + [1])
    // A sign arriving out of order (older than the latest) leaves the rollup as a recount has it.
    #expect(try store.signDuty(post: b.id, at: edge + Span(seconds: 150), eventID: "g-4", signingOut: false))
    #expect(try gaps(edge + Span(seconds: 201)) == Array(repeating: 1 + extra, count: ids.count - 1) + [1])
    #expect(try store.verify().filter { $0.table.hasPrefix("duty") } == [])
  }
}
