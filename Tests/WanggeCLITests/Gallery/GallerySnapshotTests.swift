import SnapshotSupport
import Testing

@testable import TerminalUI
@testable import wangge

/// Every widget rendered at two sizes with the gallery's sample data and compared with `__Snapshots__/*.txt`.
struct SnapshotTests {
  static let sizes = [(40, 8), (72, 12)]
  let samples = GallerySample.communities

  func forEachSize(_ name: String, _ draw: (inout Buffer) -> Void) {
    for (width, height) in Self.sizes {
      assertSnapshot(render(width: width, height: height, draw), named: "\(name)-\(width)x\(height)")
    }
  }

  @Test func table() {
    let gallery = Gallery()
    forEachSize("table") { buffer in
      Table(
        columns: gallery.communityColumns(), rows: samples.map(gallery.cells), selected: 1, offset: 0,
        sort: TableSort(column: 3, ascending: false)
      ).render(in: buffer.area, buffer: &buffer)
    }
  }

  @Test func gauge() {
    forEachSize("gauge") { buffer in
      for (index, sample) in samples.prefix(buffer.height).enumerated() {
        Gauge(ratio: sample.rate, label: sample.name, role: sample.status.role, labelWidth: 12)
          .render(in: buffer.area.row(index), buffer: &buffer)
      }
    }
  }

  @Test func sparkline() {
    forEachSize("sparkline") { buffer in
      for (index, sample) in samples.prefix(buffer.height).enumerated() {
        Sparkline(values: sample.trend + sample.trend.reversed()).render(
          in: buffer.area.row(index), buffer: &buffer)
      }
    }
  }

  @Test func breadcrumbs() {
    forEachSize("breadcrumbs") { buffer in
      for row in 0..<buffer.height {
        let width = max(4, buffer.width - row * 5)
        Breadcrumbs(GallerySample.path).render(
          in: Rect(x: 0, y: row, width: width, height: 1), buffer: &buffer)
      }
    }
  }

  @Test func keyHintBarAndStatusLine() {
    forEachSize("keyhints-status") { buffer in
      StatusLine(left: " 网格 Wangge · 协作路社区", right: "12:30 ✓ 已同步 ").render(
        in: buffer.area.row(0), buffer: &buffer)
      KeyHintBar([
        KeyHint("q", "退出"), KeyHint("Tab", "下一页"), KeyHint("↑↓", "选择"), KeyHint("Enter", "详情 details"),
        KeyHint("/", "搜索 search"),
      ]).render(in: buffer.area.row(2), buffer: &buffer)
      StatusLine(left: "Riverside Garden 河畔花园 · 58 units", right: "late ! 3").render(
        in: buffer.area.row(4), buffer: &buffer)
    }
  }

  @Test func promptAndForm() {
    forEachSize("prompt-form") { buffer in
      var editor = LineEditor("水映花城小区 12号楼 3单元")
      editor.handle(.left)
      TextPrompt(label: "搜索：", editor: editor).render(in: buffer.area.row(0), buffer: &buffer)
      var form = Gallery.makeForm(.zh)
      form.handle(.tab)
      form.render(in: Rect(x: 0, y: 1, width: buffer.width, height: buffer.height - 1), buffer: &buffer)
    }
  }

  @Test func modalAndToast() {
    forEachSize("modal-toast") { buffer in
      Box(title: "社区 Community").render(in: buffer.area, buffer: &buffer)
      ConfirmModal(title: "确认下发", message: "向 12 个单元下发？", language: .zh).render(
        in: buffer.area, buffer: &buffer)
      Toast("3 个单元超时", kind: .overdue, expiresAt: 10).render(in: buffer.area, buffer: &buffer)
    }
  }

  @Test func statusGlyphsAndTooSmall() {
    forEachSize("status-toosmall") { buffer in
      for (index, kind) in StatusKind.allCases.enumerated() where index < buffer.height {
        buffer.put(kind.label(.zh) + "  " + kind.label(.en), x: 0, y: index, style: kind.style)
      }
    }
    assertSnapshot(
      render(width: 20, height: 6) {
        TooSmallScreen.renderIfNeeded(minimum: Gallery.minimumSize, buffer: &$0, language: .zh)
      }, named: "toosmall-20x6-zh")
    assertSnapshot(
      render(width: 50, height: 5) {
        TooSmallScreen.renderIfNeeded(minimum: Gallery.minimumSize, buffer: &$0, language: .en)
      }, named: "toosmall-50x5-en")
  }

  @Test func ambiguousWideTable() {
    DisplayWidth.$ambiguousOverride.withValue(true) {
      let gallery = Gallery()
      let buffer = render(width: 60, height: 8) { buffer in
        let inner = Box(title: "①②③ “宽” mode").render(in: buffer.area, buffer: &buffer)
        Table(
          columns: gallery.communityColumns(), rows: samples.map(gallery.cells),
          sort: TableSort(column: 1, ascending: true)
        )
        .render(in: inner, buffer: &buffer)
      }
      assertSnapshot(buffer, named: "table-ambiguous-wide-60x8")
      #expect(buffer.lines().allSatisfy { DisplayWidth.of($0) == 60 })
    }
  }

  @Test func galleryPages() {
    for language in Language.allCases {
      for page in 0..<Gallery.pageCount {
        for (width, height) in [(100, 30), (80, 24)] {
          var gallery = Gallery(language: language)
          gallery.page = page
          var buffer = Buffer(width: width, height: height)
          _ = gallery.render(into: &buffer, now: 0)
          assertSnapshot(buffer, named: "gallery-\(language.rawValue)-page\(page + 1)-\(width)x\(height)")
          #expect(buffer.lines().allSatisfy { DisplayWidth.of($0) == width })
        }
      }
    }
  }
}

/// Renders with a widget closure into a fresh buffer.
private func render(width: Int, height: Int, _ draw: (inout Buffer) -> Void) -> Buffer {
  var buffer = Buffer(width: width, height: height)
  draw(&buffer)
  return buffer
}
