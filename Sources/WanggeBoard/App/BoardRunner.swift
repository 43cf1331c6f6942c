import Foundation
import TerminalUI
import WanggeStore

/// The board's live loop: draws only when something changed (a key, new data, a mark or message
/// expiring), polls the store's change signal at most every 500 ms (with a live feed: takes its
/// announcements every 50 ms and polls the token only every 5 s, as a fallback), and otherwise sleeps
/// in the terminal's key wait, so an idle board uses next to no CPU.
public struct BoardRunner {
  public var pollInterval: Double = 0.5
  /// With a live feed: how often its announcements are taken (seconds), and how often the change
  /// token is still polled in case an announcement was lost.
  public var feedInterval: Double = 0.05
  public var fallbackPollInterval: Double = 5
  /// How often the view is re-read without a data change, for countdowns (seconds).
  public var reloadInterval: Double = 60
  /// Called when `:theme` asks for a theme; returns the message to show (nil: applied).
  public var applyTheme: (String) -> String? = { _ in nil }
  public init() {}

  public func run(_ board: Board, backend: any Backend, feed: (any ChangeFeed)? = nil) {
    let pollInterval = feed == nil ? pollInterval : fallbackPollInterval
    let start = ProcessInfo.processInfo.systemUptime
    func tick() -> Double { ProcessInfo.processInfo.systemUptime - start }
    var dirty = true
    var lastPoll = tick()
    var lastSize = backend.size
    var timedRedraw: Double?
    var lastReload = tick()
    var lastFeed = tick()
    while !backend.terminationRequested {
      if dirty {
        var buffer = Buffer(size: backend.size)
        let frame = BoardRenderer.render(board, into: &buffer, tick: tick())
        if let scroll = frame.scroll { board.keepScroll(scroll) }
        if let cursor = frame.cursor {
          backend.showCursor(x: cursor.x, y: cursor.y)
        } else {
          backend.hideCursor()
        }
        backend.draw(buffer)
        dirty = false
        timedRedraw = board.nextTimedRedraw(tick: tick())
      }
      let now = tick()
      var wait = lastPoll + pollInterval - now
      if let redraw = timedRedraw { wait = min(wait, redraw - now) }
      if feed != nil { wait = min(wait, lastFeed + feedInterval - now) }
      let timeout = max(0, Int((wait * 1000).rounded(.up)))
      if let key = backend.readKey(timeoutMilliseconds: timeout) {
        if key == .ctrl("l") {
          backend.invalidate()
        } else if key == .ctrl("z") {
          backend.suspend()
        } else if key != .resize && !board.handle(key, tick: tick()) {
          return
        }
        if let text = board.requestedClipboard {
          board.requestedClipboard = nil
          backend.copyToClipboard(text)
        }
        if let theme = board.requestedTheme {
          board.requestedTheme = nil
          if let problem = applyTheme(theme) {
            board.say(board.words("主题未应用：", "Theme not applied: ") + problem, kind: .late, tick: tick())
          }
        }
        dirty = true
      } else if let memory = backend as? InMemoryBackend, memory.pendingKeys.isEmpty {
        return
      }
      if backend.size != lastSize {
        lastSize = backend.size
        dirty = true
      }
      if let feed, tick() - lastFeed >= feedInterval {
        lastFeed = tick()
        if board.take(feed.poll(), tick: lastFeed) {
          dirty = true
          lastReload = lastFeed
          lastPoll = lastFeed
        }
      }
      if tick() - lastPoll >= pollInterval, !board.isStale {
        lastPoll = tick()
        if (try? board.refreshIfChanged(tick: lastPoll)) == true {
          dirty = true
          lastReload = lastPoll
        } else if lastPoll - lastReload >= reloadInterval, !board.paused {
          // Countdowns and overdue states move with the clock even when no data changes.
          try? board.reload(compare: true, tick: lastPoll)
          lastReload = lastPoll
          dirty = true
        }
      }
      if let redraw = timedRedraw, redraw <= tick() { dirty = true }
    }
  }
}
