import Foundation
import TerminalUI
import WanggeBoard
import WanggeCore
import WanggeSQLite
import WanggeStore

/// One Jiaohe demo store shared by the board tests (read-only tests) and boards on it at a fixed time.
enum BoardFixture {
  static let anchor = InstantFormat.parse("2026-11-22T20:00:00+08:00")!
  static let compound = "河北街道/水映花城社区/水映花城居民委/水映花城小区"
  static let unit = compound + "/12号楼/3单元"

  /// The shared store, generated once per test process.
  static let store: SQLiteStore = {
    let path = temporaryPath("board-jiaohe.sqlite")
    _ = try! DemoGenerator(preset: .jiaohe, seed: 1, anchor: anchor).generate(to: path, replace: false)
    return try! SQLiteStore(path: path)
  }()

  static func temporaryPath(_ name: String) -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "wangge-board-tests-\(getpid())-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.appendingPathComponent(name).path
  }

  /// A fresh private copy of a tiny store, for tests that write.
  static func writableStore() throws -> SQLiteStore {
    let path = temporaryPath("board-tiny.sqlite")
    _ = try DemoGenerator(preset: .jiaohe, seed: 2, anchor: anchor).generate(to: path, replace: false)
    return try SQLiteStore(path: path)
  }

  static func board(
    _ store: SQLiteStore = store, path: String? = nil, view: BoardView? = nil, language: Language = .zh,
    clock: any Clock = FixedClock(anchor)
  ) throws -> Board {
    let start = try path.map { try store.resolve(PlacePath(parsing: $0)) }
    return try Board(
      store: store, clock: clock, language: language, themeName: "default", operatorName: "值班员",
      storeLabel: "jiaohe.sqlite", isDemo: true, start: start, view: view)
  }

  static func render(_ board: Board, width: Int, height: Int, tick: Double = 0) -> Buffer {
    var buffer = Buffer(width: width, height: height)
    BoardRenderer.render(board, into: &buffer, tick: tick)
    return buffer
  }
}
