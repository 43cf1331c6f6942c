import Foundation
import Testing
import WanggeCore
import WanggeStore

/// `readingTogether`: every read inside sees one snapshot, a commit made meanwhile shows after it, a
/// nested call joins, and a write through the same store inside is refused; per engine.
@Suite struct ReadingTogetherConformanceTests {
  let now = ConformanceEngine.anchor

  /// A household of the store not reached yet (depth first through the grid to the first unit holding one).
  func unreachedHousehold(_ store: any GridStore) throws -> Int64 {
    var open = [try store.root()]
    while let place = open.popLast() {
      let children = try store.children(of: place.id)
      if children.isEmpty {
        if let row = try store.households(ofUnit: place.id).first(where: { $0.household.reach == .notReached }
        ) {
          return row.household.id
        }
      }
      open += children.reversed()
    }
    Issue.record("the tiny demo has a household not reached yet")
    throw StoreError.notAStore(path: "test", reason: "no household left to reach")
  }

  func reached(_ id: Int64, _ n: Int) -> GridEvent {
    GridEvent(id: "together-\(n)", at: now, kind: .reached(household: id, via: .inGroup))
  }

  @Test(arguments: ConformanceEngine.all)
  func readsInsideSeeOneSnapshotAndACommitMeanwhileShowsAfter(engine: ConformanceEngine) throws {
    let store = try engine.store()
    let other = try engine.reopen(store, mode: .write)  // another process's connection
    let root = try store.root()
    let household = try unreachedHousehold(store)
    let before = try store.figures(for: [root.id], at: now, window: .days(7))[root.id]
    let (first, second, nested) = try store.readingTogether {
      let first = try store.figures(for: [root.id], at: now, window: .days(7))[root.id]
      _ = try other.ingest([reached(household, 1)], recordedAt: now)
      let second = try store.figures(for: [root.id], at: now, window: .days(7))[root.id]
      let nested = try store.readingTogether { try store.figures(for: [root.id], at: now, window: .days(7)) }
      return (first, second, nested[root.id])
    }
    #expect(first == before)
    #expect(second == first, "the commit made meanwhile stays out of the snapshot")
    #expect(nested == first, "a nested call joins the outer snapshot")
    let after = try #require(try store.figures(for: [root.id], at: now, window: .days(7))[root.id])
    #expect(after.reachedInGroup == (before?.reachedInGroup ?? 0) + 1, "and shows once it ends")
  }

  @Test(arguments: ConformanceEngine.all)
  func aWriteInsideIsRefusedAndChangesNothing(engine: ConformanceEngine) throws {
    let store = try engine.store()
    let root = try store.root()
    let household = try unreachedHousehold(store)
    let before = try store.figures(for: [root.id], at: now, window: .days(7))
    #expect {
      try store.readingTogether { _ = try store.ingest([reached(household, 2)], recordedAt: now) }
    } throws: { error in
      guard case .writeFailed(_, let reason) = error as? StoreError else { return false }
      return reason.contains("inside a shared read")
    }
    #expect(try store.figures(for: [root.id], at: now, window: .days(7)) == before)
    // The store reads and writes as before once the shared read has ended.
    #expect(try store.ingest([reached(household, 3)], recordedAt: now).applied == 1)
  }

  @Test(arguments: ConformanceEngine.all)
  func anErrorInsideReachesTheCallerAndEndsTheSharedRead(engine: ConformanceEngine) throws {
    struct Stop: Error {}
    let store = try engine.store()
    let root = try store.root()
    #expect(throws: Stop.self) {
      try store.readingTogether {
        _ = try store.children(of: root.id)
        throw Stop()
      }
    }
    let household = try unreachedHousehold(store)
    #expect(try store.ingest([reached(household, 4)], recordedAt: now).applied == 1)
  }
}
