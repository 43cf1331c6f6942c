import Testing

@testable import TerminalUI

struct TooSmallTests {
  @Test func saysWhatIsNeededInChineseAndEnglish() {
    var buffer = Buffer(width: 30, height: 8)
    #expect(
      TooSmallScreen.renderIfNeeded(minimum: Size(width: 80, height: 24), buffer: &buffer, language: .zh))
    let text = buffer.text
    #expect(text.contains("终端太小"))
    #expect(text.contains("需要 80×24"))
    #expect(text.contains("当前 30×8"))
    var english = Buffer(width: 60, height: 8)
    TooSmallScreen.renderIfNeeded(minimum: Size(width: 80, height: 24), buffer: &english, language: .en)
    #expect(english.text.contains("Terminal too small: need 80×24, have 60×8"))
  }

  @Test func leavesALargeEnoughScreenAlone() {
    var buffer = Buffer(width: 80, height: 24)
    #expect(
      !TooSmallScreen.renderIfNeeded(minimum: Size(width: 80, height: 24), buffer: &buffer, language: .zh))
    #expect(buffer == Buffer(width: 80, height: 24))
  }

}
