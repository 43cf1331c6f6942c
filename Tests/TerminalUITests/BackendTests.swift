import Testing

@testable import TerminalUI

struct BackendTests {
  /// The backend's screen is built only from the diff's updates, so it must equal every frame handed in,
  /// also when wide and narrow graphemes overwrite each other's halves.
  @Test func screenBuiltFromUpdatesEqualsEveryFrame() {
    let backend = InMemoryBackend(width: 23, height: 5)
    var rng = SystemRandomNumberGenerator.seeded(11)
    let pieces = ["水", "映", "花", "城", "a", "B", " ", "12号楼", "✓", "━━"]
    var buffer = Buffer(width: 23, height: 5)
    for frame in 0..<400 {
      for _ in 0..<(1 + rng.next() % 6) {
        let piece = pieces[Int(rng.next() % UInt64(pieces.count))]
        let style = rng.next() % 3 == 0 ? Style(.accent) : .plain
        buffer.put(piece, x: Int(rng.next() % 23), y: Int(rng.next() % 5), style: style)
      }
      if frame % 97 == 0 { backend.invalidate() }
      backend.draw(buffer)
      let same = backend.screen == buffer
      #expect(same, "frame \(frame): screen \(backend.screen?.lines() ?? []) but buffer \(buffer.lines())")
      if !same { return }
    }
  }

  @Test func eventLoopStopsOnTerminationSignal() {
    let backend = InMemoryBackend(width: 100, height: 30)
    backend.pendingKeys = [.down, .down]
    backend.terminationRequested = true
    var frames = 0
    EventLoop.run(backend: backend) { _ in
      frames += 1
      return nil
    } handle: { _ in
      true
    }
    #expect(frames == 0)
  }

  @Test func keysDecodeFromCharacterCodes() {
    #expect(Key.fromCharacterCode(9) == .tab)
    #expect(Key.fromCharacterCode(13) == .enter)
    #expect(Key.fromCharacterCode(10) == .enter)
    #expect(Key.fromCharacterCode(27) == .escape)
    #expect(Key.fromCharacterCode(127) == .backspace)
    #expect(Key.fromCharacterCode(8) == .backspace)
    #expect(Key.fromCharacterCode(21) == .ctrl("u"))
    #expect(Key.fromCharacterCode(11) == .ctrl("k"))
    #expect(Key.fromCharacterCode(23) == .ctrl("w"))
    #expect(Key.fromCharacterCode(0x6C34) == .char("水"))
    #expect(Key.fromCharacterCode(0x1F637) == .char("😷"))
    #expect(Key.fromCharacterCode(0xD800) == .unknown(0xD800))
    #expect(Key.ctrl("u").name == "Ctrl-U")
    #expect(Key.function(5).name == "F5")
  }

  @Test func ncursesKeyCodesDecode() {
    #expect(NcursesKeys.decode(0o403) == .up)  // KEY_UP
    #expect(NcursesKeys.decode(0o402) == .down)
    #expect(NcursesKeys.decode(0o541) == .backTab)  // KEY_BTAB
    #expect(NcursesKeys.decode(0o632) == .resize)  // KEY_RESIZE
    #expect(NcursesKeys.decode(0o410 + 5) == .function(5))  // KEY_F(5)
    #expect(NcursesKeys.decode(0o512) == .delete)  // KEY_DC
  }

  @Test func colourLevelDetection() {
    func level(_ env: [String: String], colors: Int = 256, direct: Bool = false, themed: Bool = true)
      -> ColorLevel
    {
      ColorLevel.detect(
        environment: env, hasColors: true, colors: colors, hasDirectColor: direct, themeUsesColor: themed)
    }
    #expect(level(["NO_COLOR": "1"]) == .none)
    #expect(level(["NO_COLOR": ""]) == .indexed256)  // empty NO_COLOR does not count
    #expect(level([:], themed: false) == .none)  // mono theme
    #expect(level(["COLORTERM": "truecolor"]) == .indexed256)  // terminfo cannot take RGB
    #expect(level(["COLORTERM": "truecolor"], colors: 1 << 24, direct: true) == .trueColor)
    #expect(level(["COLORTERM": "24bit"], colors: 1 << 24, direct: true) == .trueColor)
    #expect(level([:], colors: 16) == .ansi16)
    #expect(level([:], colors: 8) == .ansi8)
    #expect(
      ColorLevel.detect(
        environment: [:], hasColors: false, colors: 0, hasDirectColor: false, themeUsesColor: true) == .none)
  }

  @Test func coloursMapDownGracefully() {
    #expect(ColorLevel.trueColor.colorNumber(.rgb(0x12, 0x34, 0x56)) == 0x123456)
    #expect(ColorLevel.indexed256.colorNumber(.rgb(255, 0, 0)) == 196)
    #expect(ColorLevel.indexed256.colorNumber(.rgb(0x1e, 0x22, 0x2a)) == 235)
    #expect(ColorLevel.ansi16.colorNumber(.rgb(250, 250, 250)) == 15)
    #expect(ColorLevel.ansi16.colorNumber(.rgb(0, 200, 0)) == 2)
    #expect(ColorLevel.ansi8.colorNumber(.indexed(12)) == 4)
    #expect(ColorLevel.indexed256.colorNumber(.terminalDefault) == -1)
    #expect(ColorLevel.none.colorNumber(.rgb(1, 2, 3)) == -1)
    #expect(ColorLevel.indexed256.colorNumber(nil) == -1)
  }
}

/// A small deterministic generator (SplitMix64) for reproducible random frames.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

extension SystemRandomNumberGenerator {
  /// A seeded generator for tests (never the system's randomness).
  static func seeded(_ seed: UInt64) -> SeededGenerator { SeededGenerator(state: seed) }
}
