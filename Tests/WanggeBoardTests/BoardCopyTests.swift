import Foundation
import Testing
import TerminalUI
import WanggeBoard
import WanggeCore

/// `y` copies the visible table as TSV: to the clipboard through the backend (OSC 52), and to an
/// owner-only file named in the message when the terminal is not known to take OSC 52.
@Suite struct BoardCopyTests {
  @Test func copiesTheVisibleRowsAsTSVWithPhonesMasked() throws {
    let board = try BoardFixture.board(path: BoardFixture.compound, view: .station)
    board.clipboardWorks = true
    _ = board.handle(.char("!"), tick: 0)
    let shown = board.rows
    _ = board.handle(.char("y"), tick: 1)
    let text = try #require(board.requestedClipboard)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == 1 + shown.count + (board.focusedTable.totals == nil ? 0 : 1))
    let columns = board.focusedTable.columns.count
    #expect(lines.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == columns })
    #expect(lines[0].split(separator: "\t").first.map(String.init) == board.focusedTable.columns[0].title)
    #expect(String(lines[1]).hasPrefix(shown[0].cells[0].text))
    // No phone number leaves unmasked: no run of 11 digits, and the masked form is kept.
    #expect(text.range(of: #"\d{11}"#, options: .regularExpression) == nil)
    #expect(text.contains("****"))
    let screen = BoardFixture.render(board, width: 160, height: 48, tick: 1.1).text
    #expect(screen.contains("已复制 \(shown.count) 行到剪贴板"), "\(screen)")
  }

  @Test func cellsCannotAddColumnsLinesOrControls() throws {
    let board = try BoardFixture.board(path: BoardFixture.compound, view: .station)
    let tsv = board.visibleTableTSV()
    #expect(!tsv.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" && $0 != "\n" })
    #expect(!tsv.contains("\u{1B}"))
  }

  @Test func anUnknownTerminalAlsoGetsAnOwnerOnlyFileNamedInTheMessage() throws {
    let board = try BoardFixture.board(path: BoardFixture.compound, view: .station)
    let dir = (BoardFixture.temporaryPath("x") as NSString).deletingLastPathComponent
    board.copyDirectory = dir
    board.clipboardWorks = false
    _ = board.handle(.char("y"), tick: 1)
    let path = dir + "/wangge-station-20261122-200000.tsv"
    let written = try String(contentsOfFile: path, encoding: .utf8)
    #expect(written == board.requestedClipboard)
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    let screen = BoardFixture.render(board, width: 200, height: 48, tick: 1.1).text
    #expect(screen.contains("wangge-station-20261122-200000.tsv"), "\(screen)")
    // A second copy does not overwrite the first.
    _ = board.handle(.char("y"), tick: 2)
    #expect(FileManager.default.fileExists(atPath: dir + "/wangge-station-20261122-200000-2.tsv"))
  }

  @Test func theRunnerHandsTheCopyToTheBackendAsOSC52() throws {
    let board = try BoardFixture.board(path: BoardFixture.compound, view: .station)
    board.clipboardWorks = true
    let backend = InMemoryBackend(width: 120, height: 36)
    backend.pendingKeys = [.char("y"), .char("q")]
    BoardRunner().run(board, backend: backend)
    #expect(backend.clipboard.count == 1)
    let bytes = backend.clipboardBytes
    #expect(Array(bytes.prefix(7)) == Array("\u{1B}]52;c;".utf8) && bytes.last == 0x07)
    let encoded = String(decoding: bytes.dropFirst(7).dropLast(), as: UTF8.self)
    #expect(Data(base64Encoded: encoded).map { String(decoding: $0, as: UTF8.self) } == backend.clipboard[0])
  }
}

/// `s` cycles only the columns that order something, each once, then the default order; the sort
/// mark stays on screen even when the sorted column would be dropped for width.
@Suite struct BoardSortCycleTests {
  @Test func sortSkipsConstantColumnsAndReturnsToTheDefault() throws {
    let board = try BoardFixture.board(path: BoardFixture.compound, view: .station)
    let sortable = board.focusedTable.sortableColumns
    #expect(!sortable.isEmpty && sortable.count <= board.focusedTable.columns.count)
    let defaultOrder = board.rows.map(\.key)
    var seen: [Int] = []
    for _ in sortable {
      _ = board.handle(.char("s"), tick: 0)
      let rows = board.focusedTable.rows
      let index = try #require(sortable.first { !seen.contains($0) })
      seen.append(index)
      let keys = rows.map { $0.sortKeys[index] }
      #expect(keys.contains { $0 != keys[0] }, "column \(index) is not constant")
    }
    #expect(Set(seen).count == seen.count)
    _ = board.handle(.char("s"), tick: 0)
    #expect(board.rows.map(\.key) == defaultOrder)
    #expect(BoardFixture.render(board, width: 160, height: 48, tick: 0.1).text.contains("排序：默认"))
  }

  @Test func aConstantColumnIsNotSortable() {
    let rows = (0..<3).map { i in
      ModelRow(
        key: "\(i)", cells: ["\(i)号楼", "1", "\(i)"], sortKeys: [.text("\(i)号楼"), .number(1), .text("\(i)号楼")])
    }
    let model = TableModel(
      title: "t",
      columns: [
        ModelColumn("名称", width: 6, priority: 9), ModelColumn("常", width: 2, priority: 1),
        ModelColumn("同名", width: 6, priority: 1),
      ], rows: rows)
    #expect(model.sortableColumns == [0])
  }

  @Test func theSortedColumnIsKeptWhenSpaceIsShort() {
    let model = TableModel(
      title: "t",
      columns: [ModelColumn("名称", width: 10, priority: 9), ModelColumn("低", width: 10, priority: 1)], rows: []
    )
    #expect(model.fittedColumns(width: 15) == [0])
    #expect(model.fittedColumns(width: 15, keeping: 1) == [1])
  }
}
