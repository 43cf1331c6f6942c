/// A backend without a terminal, for tests: a screen grid that only the cell updates change, queued keys
/// and write counts.
///
/// `draw` sends only the cells `Buffer.diff` reports, as the ncurses backend does, and applies them to a grid
/// of its own the way a terminal would (a wide grapheme covers the next column too), so a bug in the diff
/// leaves `screen` different from the buffer and shows up in a test.
public final class InMemoryBackend: Backend {
  public var size: Size
  public var theme: Theme {
    didSet { previous = nil }
  }
  /// What the screen shows: every cell update applied since the first frame (nil before it).
  public private(set) var screen: Buffer?
  /// What the screen shows after the last `draw` (the updates applied, not the buffer handed in).
  public var lastBuffer: Buffer? { screen }
  /// The cells written by the last `draw`.
  public private(set) var lastUpdates: [Buffer.Update] = []
  /// All cells written since creation.
  public private(set) var cellsWritten = 0
  /// UTF-8 bytes of the symbols written since creation (a rough stand-in for terminal output).
  public private(set) var bytesWritten = 0
  /// Number of frames drawn.
  public private(set) var frames = 0
  /// Where the cursor is shown (nil: hidden).
  public private(set) var cursor: (x: Int, y: Int)?
  /// Keys `readKey` will return, first first.
  public var pendingKeys: [Key] = []
  /// Set by tests to simulate SIGTERM.
  public var terminationRequested = false
  /// The texts handed to `copyToClipboard`, first first, and the OSC 52 bytes a terminal would get.
  public private(set) var clipboard: [String] = []
  public private(set) var clipboardBytes: [UInt8] = []
  /// Whether `shutdown` was called.
  public private(set) var isShutDown = false
  private var previous: Buffer?

  public init(width: Int, height: Int, theme: Theme = ThemeLoader.defaultTheme) {
    self.size = Size(width: width, height: height)
    self.theme = theme
  }

  public func copyToClipboard(_ text: String) {
    clipboard.append(text)
    clipboardBytes += OSC52.sequence(for: text)
  }

  public func draw(_ buffer: Buffer) {
    let updates = buffer.diff(from: previous)
    lastUpdates = updates
    cellsWritten += updates.count
    bytesWritten += updates.reduce(0) { $0 + $1.cell.symbol.utf8.count }
    frames += 1
    previous = buffer
    apply(updates, size: buffer.size)
  }

  /// Writes the updates onto the screen grid as a terminal would; a new size starts from a blank screen.
  private func apply(_ updates: [Buffer.Update], size: Size) {
    var grid = screen.flatMap { $0.size == size ? $0 : nil } ?? Buffer(size: size)
    for update in updates {
      grid.set(update.x, update.y, update.cell)
      if DisplayWidth.of(update.cell.symbol) == 2 {
        var tail = update.cell
        tail.symbol = ""
        tail.isContinuation = true
        grid.set(update.x + 1, update.y, tail)
      }
    }
    screen = grid
  }

  public func readKey(timeoutMilliseconds: Int) -> Key? {
    pendingKeys.isEmpty ? nil : pendingKeys.removeFirst()
  }

  /// Changes the size and queues a `.resize` key, as a terminal would.
  public func resize(width: Int, height: Int) {
    size = Size(width: width, height: height)
    pendingKeys.append(.resize)
  }

  public func showCursor(x: Int, y: Int) { cursor = (x, y) }
  public func hideCursor() { cursor = nil }
  public func invalidate() { previous = nil }
  public func shutdown() { isShutDown = true }
}
