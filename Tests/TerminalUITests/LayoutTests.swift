import Testing

@testable import TerminalUI

struct LayoutTests {
  @Test func fixedPercentageAndFill() {
    let rects = Layout.split(
      Rect(width: 100, height: 30), .horizontal, [.length(20), .percentage(30), .fill(1)])
    #expect(rects.map(\.width) == [20, 30, 50])
    #expect(rects.map(\.x) == [0, 20, 50])
  }

  @Test func fillsShareByWeightWithSpacing() {
    let sizes = Layout.lengths(total: 31, constraints: [.fill(1), .fill(2)], spacing: 1)
    #expect(sizes == [10, 20])
  }

  @Test func minGrowsWhenThereIsNoFill() {
    #expect(Layout.lengths(total: 40, constraints: [.length(10), .min(5)]) == [10, 30])
    #expect(Layout.lengths(total: 40, constraints: [.min(5), .fill(1)]) == [5, 35])
  }

  @Test func tooLittleRoomShrinksFromTheEnd() {
    #expect(Layout.lengths(total: 12, constraints: [.length(10), .length(10)]) == [10, 2])
    #expect(Layout.lengths(total: 0, constraints: [.length(3), .fill(1)]) == [0, 0])
  }

  @Test func verticalSplitKeepsWidth() {
    let rects = Layout.split(
      Rect(x: 2, y: 1, width: 50, height: 10), .vertical, [.length(1), .fill(1), .length(1)])
    #expect(
      rects == [
        Rect(x: 2, y: 1, width: 50, height: 1), Rect(x: 2, y: 2, width: 50, height: 8),
        Rect(x: 2, y: 10, width: 50, height: 1),
      ])
  }

  @Test func rectHelpers() {
    let r = Rect(x: 0, y: 0, width: 100, height: 30)
    #expect(r.centered(width: 20, height: 6) == Rect(x: 40, y: 12, width: 20, height: 6))
    #expect(r.inset(by: 1) == Rect(x: 1, y: 1, width: 98, height: 28))
    #expect(
      r.intersection(Rect(x: 90, y: 25, width: 20, height: 20)) == Rect(x: 90, y: 25, width: 10, height: 5))
  }
}
