/// A terminal the app draws buffers on and reads keys from (ncurses, or in memory for tests).
public protocol Backend: AnyObject {
  /// The current size of the screen in cells.
  var size: Size { get }
  /// The theme used to turn roles into colours.
  var theme: Theme { get set }
  /// Draws `buffer`, writing only the cells that differ from the previous frame.
  func draw(_ buffer: Buffer)
  /// Waits up to `timeoutMilliseconds` (negative: forever) for a key; nil on timeout.
  func readKey(timeoutMilliseconds: Int) -> Key?
  /// Shows the text cursor at a cell (for prompts).
  func showCursor(x: Int, y: Int)
  /// Hides the text cursor.
  func hideCursor()
  /// Forgets the previous frame so the next `draw` repaints every cell (Ctrl-L).
  func invalidate()
  /// Whether the process was asked to stop (SIGINT, SIGTERM, SIGHUP): leave the loop and shut down.
  var terminationRequested: Bool { get }
  /// Restores the terminal (idempotent).
  func shutdown()
  /// Hands the terminal back to the shell and stops the process (Ctrl-Z); returns once it is
  /// continued (`fg`), with the screen to be repainted in full.
  func suspend()
  /// Puts `text` on the terminal's clipboard with OSC 52 (`ESC ] 52 ; c ; <base64> BEL`); a
  /// terminal that does not take OSC 52 ignores it.
  func copyToClipboard(_ text: String)
}

extension Backend {
  /// Backends without a terminal of their own do not stop.
  public func suspend() {}
}
