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

/// Text drawn into a buffer is sanitised and grapheme clusters stay whole.
struct BufferTextSafetyTests {
  @Test func controlCharactersAreDrawnVisiblyEscaped() {
    var buffer = Buffer(width: 20, height: 1)
    buffer.put("\u{1B}]0;x\u{07}名", x: 0, y: 0)
    #expect(buffer.lines() == ["\\e]0;x\\x07名        "])
    var rect = Buffer(width: 12, height: 1)
    rect.put("a\u{202E}bc\u{1B}[2J", in: Rect(x: 0, y: 0, width: 12, height: 1))
    #expect(rect.lines() == ["a<U+202E>bc…"])
  }

  @Test func aControlCharacterPutAloneIsDrawnEscaped() {
    var buffer = Buffer(width: 4, height: 1)
    #expect(buffer.put(Character("\u{07}"), x: 0, y: 0) == 4)
    #expect(buffer.lines() == ["\\x07"])
  }

  @Test(arguments: [
    ("🇨🇳", "flag"), ("👨‍👩‍👧", "ZWJ family"), ("👨‍👩‍👧‍👦", "ZWJ family of four"), ("👍🏽", "skin tone"),
    ("❤️", "VS16"), ("1️⃣", "keycap"),
  ])
  func emojiClustersAreOneTwoColumnCell(cluster: String, what: String) {
    var buffer = Buffer(width: 6, height: 1)
    #expect(buffer.put("a" + cluster + "b", x: 0, y: 0) == 4, "\(what)")
    #expect(buffer[1, 0].symbol == cluster, "\(what)")
    #expect(buffer[2, 0].isContinuation, "\(what)")
    #expect(buffer[3, 0].symbol == "b", "\(what)")
    #expect(buffer.lines() == ["a\(cluster)b  "], "\(what)")
  }

  @Test func combiningMarksStayWithTheirBase() {
    var buffer = Buffer(width: 4, height: 1)
    #expect(buffer.put("e\u{301}\u{323}x", x: 0, y: 0) == 2)
    #expect(buffer[0, 0].symbol == "e\u{301}\u{323}")
    #expect(buffer[1, 0].symbol == "x")
  }

  @Test func truncationNeverSplitsACluster() {
    for cluster in ["🇨🇳", "👨‍👩‍👧", "👍🏽", "❤️"] {
      for width in 1...5 {
        let fitted = TextFit.truncate("ab" + cluster + cluster, toWidth: width)
        #expect(DisplayWidth.of(fitted) <= width)
        // Every cluster in the result is either the whole cluster or not there.
        for c in fitted where c.unicodeScalars.count > 1 { #expect(String(c) == cluster) }
        #expect(
          fitted.unicodeScalars.count == fitted.count
            + (fitted.contains(Character(cluster)) ? cluster.unicodeScalars.count - 1 : 0))
      }
      var buffer = Buffer(width: 4, height: 1)
      buffer.put("a" + cluster + cluster, in: Rect(x: 0, y: 0, width: 4, height: 1))
      #expect(buffer.lines() == ["a\(cluster)…"])
      buffer.put("a" + cluster + cluster, in: Rect(x: 0, y: 0, width: 3, height: 1))
      #expect(buffer.lines() == ["a… …"])
    }
  }

  @Test func theInMemoryBackendReceivesAFlagAsOneCell() {
    let backend = InMemoryBackend(width: 4, height: 1)
    var buffer = Buffer(width: 4, height: 1)
    buffer.put("🇨🇳x", x: 0, y: 0)
    backend.draw(buffer)
    let flag = backend.lastUpdates.first { $0.x == 0 }
    #expect(flag?.cell.symbol == "🇨🇳")
    #expect(!backend.lastUpdates.contains { $0.x == 1 })
    #expect(backend.lastUpdates.first { $0.x == 2 }?.cell.symbol == "x")
  }
}
