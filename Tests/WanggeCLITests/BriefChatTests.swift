import Testing
import TerminalUI
@testable import wangge

/// The chat format: every line ≤ 20 display columns, every message under the limit.
struct BriefChatTests {
  @Test func wrappedLinesFitTwentyColumnsAndKeepEveryCharacter() {
    let text = "长安街道 响应 80.3% ↑1.5 超时 567 第1组：汤波玉 100****4476、夏浩涵 100****6948"
    let lines = BriefText.wrap(text, 20)
    #expect(lines.count > 1)
    for l in lines { #expect(DisplayWidth.of(l) <= 20, "\(l)") }
    #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " })
    #expect(BriefText.wrap("", 20) == [""])
  }
}
