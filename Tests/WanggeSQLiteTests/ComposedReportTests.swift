import Testing
import WanggeCore

@testable import WanggeSQLite
import WanggeStore

/// A store that answers reports the generic way (from the other requirements, several reads), as a
/// store without its own one-read report would.
private struct ComposedStore: Store {
  let base: SQLiteStore
  func levels() throws -> LevelChain { try base.levels() }
  func root() throws -> Place { try base.root() }
  func place(id: Int64) throws -> Place? { try base.place(id: id) }
  func resolve(_ path: PlacePath) throws -> Place { try base.resolve(path) }
  func path(of id: Int64) throws -> PlacePath { try base.path(of: id) }
  func children(of id: Int64) throws -> [Place] { try base.children(of: id) }
  func figures(for ids: [Int64], at now: Instant, window: Span) throws -> [Int64: PlaceFigures] {
    try base.figures(for: ids, at: now, window: window)
  }
  func figures(for ids: [Int64], at now: Instant, window: Span, skippingHelpOverdue skip: Set<Int64>) throws
    -> [Int64: PlaceFigures]
  {
    try base.figures(for: ids, at: now, window: window, skippingHelpOverdue: skip)
  }
  func taskCount(issuedIn window: Span, before now: Instant) throws -> Int {
    try base.taskCount(issuedIn: window, before: now)
  }
  func levelCounts(under id: Int64) throws -> [Int: Int] { try base.levelCounts(under: id) }
  func ingest(_ events: [GridEvent], recordedAt: Instant, source: String) throws -> IngestSummary {
    try base.ingest(events, recordedAt: recordedAt, source: source)
  }
  func verify() throws -> [RollupMismatch] { try base.verify() }
  func boundViolations() throws -> [BoundViolation] { try base.boundViolations() }
  func changeToken() throws -> Int64 { try base.changeToken() }
  func readingTogether<T>(_ body: () throws -> T) throws -> T { try base.readingTogether(body) }
}

/// The SQLite store's one-read report equals the report composed from the other requirements.
struct ComposedReportTests {
  @Test func oneReadReportEqualsTheComposedReportAtEveryLevel() throws {
    let s = try TestStores.make()
    defer { TestStores.cleanup(s) }
    let composed = ComposedStore(base: s)
    var place = try s.root()
    var compared = 0
    for hour: Int64 in [0, 5, 30] {
      let now = TestStores.anchor + Span(seconds: hour * 3600)
      place = try s.root()
      while true {
        let fast = try s.placeReport(place, at: now, window: .days(7))
        let slow = try composed.placeReport(place, at: now, window: .days(7))
        #expect(fast.scope.figures == slow.scope.figures, "\(slow.scope.path)")
        #expect(fast.children.map(\.figures) == slow.children.map(\.figures), "\(slow.scope.path)")
        #expect(fast.children.map(\.path) == slow.children.map(\.path))
        #expect(fast.levelCounts.map(\.count) == slow.levelCounts.map(\.count))
        #expect(fast.tasksInWindow == slow.tasksInWindow)
        compared += 1
        guard let next = slow.children.last?.place else { break }
        place = next
      }
    }
    #expect(compared >= 15)
    #expect(try s.placeReport(s.root(), at: TestStores.anchor, window: .days(7)).scope.figures.assigned > 0)
  }
}
