import Testing

@testable import TerminalUI

struct BufferTests {
  @Test func wideCharacterTakesTwoCellsWithContinuation() {
    var buffer = Buffer(width: 6, height: 1)
    let used = buffer.put("中a", x: 0, y: 0)
    #expect(used == 3)
    #expect(buffer[0, 0].symbol == "中")
    #expect(buffer[1, 0].isContinuation)
    #expect(buffer[2, 0].symbol == "a")
    #expect(buffer.lines() == ["中a   "])
  }

  @Test func wideCharacterAtTheRightEdgeBecomesASpace() {
    var buffer = Buffer(width: 5, height: 1)
    let used = buffer.put("ab中文", x: 0, y: 0)
    #expect(used == 5)
    #expect(buffer.lines() == ["ab中 "])
    #expect(!buffer[4, 0].isContinuation)
    #expect(buffer[4, 0].symbol == " ")
  }

  @Test func wideCharacterIsNeverSplitAtABorder() {
    var buffer = Buffer(width: 8, height: 1)
    buffer.put("|", x: 5, y: 0)
    // A 5-column field: 区 would straddle column 4-5 and the border, so a space is drawn instead.
    buffer.put("社区社区", x: 0, y: 0, limit: 5)
    #expect(buffer.lines() == ["社区 |  "])
    #expect(buffer[5, 0].symbol == "|")
  }

  @Test func overwritingHalfAWideCharacterClearsTheOtherHalf() {
    var buffer = Buffer(width: 4, height: 1)
    buffer.put("中文", x: 0, y: 0)
    buffer.put("x", x: 1, y: 0)  // lands on 中's continuation cell
    #expect(buffer.lines() == [" x文"])
    buffer.put("y", x: 2, y: 0)  // lands on 文's left half
    #expect(buffer.lines() == [" xy "])
    #expect(!buffer[3, 0].isContinuation)
  }

  @Test func alignedTextInRect() {
    var buffer = Buffer(width: 10, height: 1)
    buffer.put("中文", in: Rect(x: 0, y: 0, width: 10, height: 1), alignment: .right)
    #expect(buffer.lines() == ["      中文"])
  }

  @Test func stylesPatchCells() {
    var buffer = Buffer(width: 3, height: 1)
    buffer.put("ab", x: 0, y: 0, style: Style(.bad, attributes: .bold))
    #expect(buffer[0, 0].fg == .role(.bad))
    #expect(buffer[0, 0].bg == .role(.background))
    #expect(buffer[0, 0].attributes == .bold)
    buffer.setStyle(.filled(.selection), in: Rect(x: 0, y: 0, width: 3, height: 1))
    #expect(buffer[2, 0].bg == .role(.selection))
  }

  @Test func diffOfOneChangedCellIsThatCell() {
    var a = Buffer(width: 20, height: 5)
    a.put("协作路社区 412", x: 0, y: 0)
    var b = a
    b.put("5", x: 12, y: 0)
    let updates = b.diff(from: a)
    #expect(updates.count == 1)
    #expect(updates.first?.x == 12 && updates.first?.y == 0 && updates.first?.cell.symbol == "5")
    #expect(a.diff(from: a).isEmpty)
    #expect(a.diff(from: nil).count == 100 - 5)  // five wide characters: continuation cells are not sent
  }

  @Test func diffNeverEmitsContinuationCells() {
    let a = Buffer(width: 4, height: 1)
    var b = a
    b.put("中文", x: 0, y: 0)
    let updates = b.diff(from: a)
    #expect(updates.map(\.x) == [0, 2])
  }
}
