import Testing

@testable import TerminalUI

struct LineEditorTests {
  @Test func typingCJKMovesTheCursorTwoColumns() {
    var editor = LineEditor()
    for c in "水映a" { editor.handle(.char(c)) }
    #expect(editor.text == "水映a")
    #expect(editor.cursorColumn == 5)
    editor.handle(.left)
    #expect(editor.cursorColumn == 4)
    editor.handle(.left)
    #expect(editor.cursorColumn == 2)
    editor.handle(.char("花"))
    #expect(editor.text == "水花映a")
    #expect(editor.cursorColumn == 4)
  }

  @Test func homeEndBackspaceDelete() {
    var editor = LineEditor("协作路社区")
    editor.handle(.home)
    #expect(editor.cursor == 0)
    editor.handle(.delete)
    #expect(editor.text == "作路社区")
    editor.handle(.end)
    editor.handle(.backspace)
    #expect(editor.text == "作路社")
    #expect(editor.cursorColumn == 6)
    editor.handle(.backspace)
    editor.handle(.backspace)
    editor.handle(.backspace)
    editor.handle(.backspace)  // at start: no effect, no crash
    #expect(editor.text == "")
  }

  @Test func ctrlUKW() {
    var editor = LineEditor("河北街道 水映花城 12号楼")
    editor.handle(.ctrl("w"))
    #expect(editor.text == "河北街道 水映花城 ")
    editor.handle(.ctrl("w"))
    #expect(editor.text == "河北街道 ")
    editor.handle(.home)
    editor.handle(.right)
    editor.handle(.right)
    editor.handle(.ctrl("k"))
    #expect(editor.text == "河北")
    editor.set("abc 中文")
    editor.handle(.left)
    editor.handle(.ctrl("u"))
    #expect(editor.text == "文")
    #expect(editor.cursor == 0)
  }

  @Test func combiningInputMergesWithThePreviousCharacter() {
    var editor = LineEditor("cafe")
    editor.handle(.char("\u{301}"))
    #expect(editor.characters.count == 4)
    #expect(editor.cursorColumn == 4)
    editor.handle(.backspace)
    #expect(editor.text == "caf")
  }

  @Test func nonEditingKeysAreNotConsumed() {
    var editor = LineEditor("x")
    let tab = editor.handle(.tab)
    let f5 = editor.handle(.function(5))
    let ctrlA = editor.handle(.ctrl("a"))
    #expect(!tab && !f5 && ctrlA)
  }

  @Test func visibleWindowScrollsToKeepTheCursorInView() {
    let editor = LineEditor("协作路社区水映花城")  // 18 columns, cursor at the end
    let window = editor.visibleWindow(width: 10)
    #expect(DisplayWidth.of(window.text) <= 10)
    #expect(window.cursorColumn <= 9)
    #expect(window.text.hasSuffix("花城"))
  }

  @Test func promptPlacesTheCursorByDisplayWidth() {
    var buffer = Buffer(width: 30, height: 1)
    var editor = LineEditor("协作路")
    editor.handle(.left)
    let cursor = TextPrompt(label: "搜索：", editor: editor).render(in: buffer.area, buffer: &buffer)
    // label 6 columns + 协作 4 columns
    #expect(cursor?.x == 10)
    #expect(buffer.lines()[0].hasPrefix("搜索：协作路"))
  }
}
