/// A transient message that disappears at `expiresAt` (seconds on the caller's clock).
public struct Toast: Sendable, Hashable {
  public var text: String
  public var kind: StatusKind
  public var expiresAt: Double

  public init(_ text: String, kind: StatusKind = .done, expiresAt: Double) {
    self.text = text
    self.kind = kind
    self.expiresAt = expiresAt
  }

  /// Whether the toast is still shown at `now`.
  public func isVisible(at now: Double) -> Bool { now < expiresAt }

  /// Draws `glyph text` in a bordered box at the bottom right of `screen` (above its last row).
  public func render(in screen: Rect, buffer: inout Buffer) {
    let line = "\(kind.glyph) \(text)"
    let width = min(screen.width, DisplayWidth.of(line) + 4)
    guard width >= 6, screen.height >= 4 else { return }
    let box = Rect(x: screen.right - width, y: screen.bottom - 4, width: width, height: 3)
    let inner = Box(borderStyle: kind.style, clearsInside: true).render(in: box, buffer: &buffer)
    buffer.put(line, in: inner.inset(horizontal: 1, vertical: 0), style: kind.style)
  }
}

/// Holds the current toast and forgets it when it expires.
public struct MessageCenter: Sendable {
  public private(set) var toast: Toast?
  public init() {}

  /// Shows `text` for `duration` seconds from `now`, replacing any earlier toast.
  public mutating func show(_ text: String, kind: StatusKind = .done, now: Double, duration: Double = 3) {
    toast = Toast(text, kind: kind, expiresAt: now + duration)
  }

  /// The toast visible at `now` (and drops an expired one).
  public mutating func current(at now: Double) -> Toast? {
    if let toast, !toast.isVisible(at: now) { self.toast = nil }
    return toast
  }
}
