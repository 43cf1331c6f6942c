import Testing
import TerminalUI

/// The OSC 52 sequence and the terminals known to take it.
@Suite struct OSC52Tests {
  @Test func theSequenceIsBase64BetweenTheIntroducerAndBEL() {
    #expect(OSC52.base64(Array("".utf8)) == "")
    #expect(OSC52.base64(Array("f".utf8)) == "Zg==")
    #expect(OSC52.base64(Array("fo".utf8)) == "Zm8=")
    #expect(OSC52.base64(Array("foo".utf8)) == "Zm9v")
    #expect(OSC52.base64(Array("网格".utf8)) == "572R5qC8")
    #expect(OSC52.sequence(for: "a\tb") == Array("\u{1B}]52;c;YQli\u{07}".utf8))
  }

  @Test func onlyKnownTerminalsCountAsTakingIt() {
    #expect(!OSC52.isKnownToWork(environment: ["TERM": "xterm-256color"]))
    #expect(!OSC52.isKnownToWork(environment: ["TERM": "screen", "TMUX": "/tmp/x,1,0"]))
    #expect(OSC52.isKnownToWork(environment: ["TERM": "xterm-kitty"]))
    #expect(OSC52.isKnownToWork(environment: ["TERM": "xterm-256color", "TERM_PROGRAM": "WezTerm"]))
    #expect(OSC52.isKnownToWork(environment: ["TERM": "xterm", "WANGGE_OSC52": "1"]))
    #expect(!OSC52.isKnownToWork(environment: ["TERM": "xterm-kitty", "WANGGE_OSC52": "0"]))
  }

  @Test func theInMemoryBackendRecordsWhatItWasGiven() {
    let backend = InMemoryBackend(width: 10, height: 2)
    backend.copyToClipboard("x")
    #expect(backend.clipboard == ["x"])
    #expect(backend.clipboardBytes == OSC52.sequence(for: "x"))
  }
}
