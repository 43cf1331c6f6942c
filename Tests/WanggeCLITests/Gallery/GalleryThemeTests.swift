import Testing

@testable import TerminalUI
@testable import wangge

/// Every colour pair the gallery draws stays readable in the built-in themes.
struct GalleryThemeTests {
  /// Every fg/bg pair the gallery draws (all pages, both languages, with toast, form and modal).
  func galleryPairs(_ theme: Theme) -> Set<ResolvedStyle> {
    var pairs: Set<ResolvedStyle> = []
    for language in Language.allCases {
      for page in 0..<Gallery.pageCount {
        var gallery = Gallery(language: language)
        gallery.page = page
        _ = gallery.handle(.char("t"), now: 0)
        if page == 2 { _ = gallery.handle(.char("d"), now: 0) }
        if page == 1 { _ = gallery.handle(.char("f"), now: 0) }
        var buffer = Buffer(width: 100, height: 30)
        _ = gallery.render(into: &buffer, now: 1)
        for y in 0..<buffer.height {
          for x in 0..<buffer.width { pairs.insert(theme.resolve(buffer[x, y])) }
        }
      }
    }
    for kind in StatusKind.allCases {
      var buffer = Buffer(width: 40, height: 6)
      buffer.put(kind.label(.zh), x: 0, y: 0, style: kind.style)
      Toast("x", kind: kind, expiresAt: 1).render(in: buffer.area, buffer: &buffer)
      for y in 0..<buffer.height {
        for x in 0..<buffer.width { pairs.insert(theme.resolve(buffer[x, y])) }
      }
    }
    return pairs
  }

  @Test func highContrastHoldsForEveryPairTheGalleryDraws() throws {
    let theme = try #require(ThemeLoader.builtin("high-contrast"))
    let pairs = galleryPairs(theme)
    #expect(pairs.count > 5)
    for pair in pairs {
      let fg = try #require(pair.fg)
      let bg = try #require(pair.bg)
      let ratio = try #require(ColorMath.contrast(fg, bg))
      #expect(ratio >= 7, "\(fg) on \(bg): \(ratio):1")
    }
  }

  @Test func defaultAndLightKeepEveryDrawnPairReadable() throws {
    for name in ["default", "light"] {
      let theme = try #require(ThemeLoader.builtin(name))
      for pair in galleryPairs(theme) {
        let fg = try #require(pair.fg)
        let bg = try #require(pair.bg)
        let ratio = try #require(ColorMath.contrast(fg, bg))
        #expect(ratio >= 3, "\(name): \(fg) on \(bg): \(ratio):1")
      }
    }
  }
}
