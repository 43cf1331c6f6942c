/// The draw–read–handle loop every full-screen command uses.
public enum EventLoop {
  /// Renders a fresh buffer, draws it (only changed cells reach the terminal), waits up to
  /// `tickMilliseconds` for a key and hands it to `handle`; stops when `handle` returns false,
  /// on a termination signal, or when an in-memory backend has no keys left.
  ///
  /// `render` returns where the text cursor belongs, or nil to hide it. Ctrl-L repaints everything.
  public static func run(
    backend: any Backend, tickMilliseconds: Int = 250,
    render: (inout Buffer) -> (x: Int, y: Int)?, handle: (Key) -> Bool
  ) {
    while !backend.terminationRequested {
      var buffer = Buffer(size: backend.size)
      if let cursor = render(&buffer) {
        backend.showCursor(x: cursor.x, y: cursor.y)
      } else {
        backend.hideCursor()
      }
      backend.draw(buffer)
      guard let key = backend.readKey(timeoutMilliseconds: tickMilliseconds) else {
        if let memory = backend as? InMemoryBackend, memory.pendingKeys.isEmpty { return }
        continue
      }
      if key == .ctrl("l") {
        backend.invalidate()
        continue
      }
      if !handle(key) { return }
    }
  }
}
