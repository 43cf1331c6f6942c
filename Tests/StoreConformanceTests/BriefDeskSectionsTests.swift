import Foundation
import Testing
import WanggeCore
import WanggeStore

/// The brief's sections from the other desks (orders, reports, isolation, tomorrow's deadlines), per
/// engine: an order overdue at the brief's clock is listed as 超时 and one due tomorrow under 明日到期.
@Suite struct BriefDeskSectionsTests {
  let now = ConformanceEngine.anchor  // 20:00 China time

  @Test(arguments: ConformanceEngine.all)
  func theBriefListsOverdueOrdersAndTomorrowsDeadlines(engine: ConformanceEngine) throws {
    let store = try engine.store()
    let root = try store.root()
    let hh = try #require(try store.helpCases(under: root.id, filter: HelpFilter(), limit: 10).rows.first)
    let baseline = try store.markBaseline(name: "晚例会", at: now - .hours(1), window: .days(7))
    _ = try store.openOrder(
      OrderOpenRequest(
        id: "bo-late", householdID: hh.helpCase.householdID, kind: .medicine, items: "药", openedBy: "电话",
        at: now - .hours(1), deadlines: OrderDeadlines(claimWithin: .minutes(30), closeWithin: .hours(2)),
        source: "test"))
    _ = try store.openOrder(
      OrderOpenRequest(
        id: "bo-tomorrow", householdID: hh.helpCase.householdID, kind: .purchase, items: "米", openedBy: "电话",
        at: now, deadlines: OrderDeadlines(claimWithin: .hours(13), closeWithin: .hours(20)), source: "test"))
    let brief = try MeetingBrief.make(store: store, scope: root, since: baseline, at: now)
    let keys = brief.sections.map(\.key)
    for k in ["orders", "reports", "isolation", "tomorrow-desks"] { #expect(keys.contains(k), "\(k)") }
    let orders = try #require(brief.sections.first { $0.key == "orders" })
    #expect(orders.lines.contains { $0.hasPrefix("#bo-late ") && $0.contains("待领超时") }, "\(orders.lines)")
    #expect(!orders.lines.contains { $0.hasPrefix("#bo-tomorrow ") })
    let tomorrow = try #require(brief.sections.first { $0.key == "tomorrow-desks" })
    #expect(tomorrow.lines.contains { $0.hasPrefix("工单#bo-tomorrow ") }, "\(tomorrow.lines)")
    let isolation = try #require(brief.sections.first { $0.key == "isolation" })
    #expect(isolation.lines.first?.hasPrefix("基线以来漏查 ") == true)
    let reports = try #require(brief.sections.first { $0.key == "reports" })
    #expect(reports.lines.first?.hasPrefix("未结 ") == true)
  }
}
