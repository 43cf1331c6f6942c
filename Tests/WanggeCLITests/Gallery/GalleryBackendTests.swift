import Testing

@testable import TerminalUI
@testable import wangge

/// The gallery driven through the in-memory backend and the event loop, and resized.
struct GalleryBackendTests {
  @Test func inMemoryBackendWritesOnlyTheChangedCell() {
    let backend = InMemoryBackend(width: 160, height: 48)
    var gallery = Gallery()
    var buffer = Buffer(size: backend.size)
    _ = gallery.render(into: &buffer, now: 0)
    backend.draw(buffer)
    #expect(backend.lastUpdates.count > 160 * 48 / 2)  // first frame: (almost) everything
    var next = buffer
    next.put("X", x: 80, y: 24)
    backend.draw(next)
    #expect(backend.lastUpdates.count == 1)
    #expect(backend.lastUpdates.first?.x == 80 && backend.lastUpdates.first?.y == 24)
    backend.draw(next)
    #expect(backend.lastUpdates.isEmpty)
    backend.invalidate()
    backend.draw(next)
    #expect(backend.lastUpdates.count == next.diff(from: nil).count)
  }

  @Test func eventLoopRunsUntilQuit() {
    let backend = InMemoryBackend(width: 100, height: 30)
    backend.pendingKeys = [.tab, .char("i"), .char("水"), .escape, .char("q"), .char("x")]
    var gallery = Gallery()
    var handled: [Key] = []
    EventLoop.run(backend: backend) { buffer in
      gallery.render(into: &buffer, now: 0)
    } handle: { key in
      handled.append(key)
      return gallery.handle(key, now: 0)
    }
    #expect(handled == [.tab, .char("i"), .char("水"), .escape, .char("q")])
    #expect(backend.pendingKeys == [.char("x")])
    #expect(gallery.prompt.text == "协作路水")
    #expect(backend.lastBuffer?.lines()[0].contains("[2/3]") == true)
  }

  @Test func cursorFollowsTheFocusedPrompt() {
    let backend = InMemoryBackend(width: 100, height: 30)
    backend.pendingKeys = [.char("i")]
    var gallery = Gallery()
    EventLoop.run(backend: backend) { buffer in
      gallery.render(into: &buffer, now: 0)
    } handle: {
      gallery.handle($0, now: 0)
    }
    // Box border (1) + padding (1) + 搜索： (6) + 协作路 (6)
    #expect(backend.cursor?.x == 14)
    #expect(backend.cursor?.y == 3)
  }

  @Test func galleryRecoversWhenEnlarged() {
    var gallery = Gallery()
    var small = Buffer(width: 20, height: 6)
    _ = gallery.render(into: &small, now: 0)
    #expect(small.text.contains("当前 20×6"))
    var large = Buffer(width: 100, height: 30)
    _ = gallery.render(into: &large, now: 0)
    #expect(large.text.contains("协作路社区"))
    #expect(!large.text.contains("终端太小"))
  }
}
