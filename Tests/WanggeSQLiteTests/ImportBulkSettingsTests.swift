import Foundation
import GRDB
import Testing
import WanggeCore
import WanggeStore

@testable import WanggeSQLite

/// A registry import loads with a bigger page cache, and the writer's own setting is back afterwards,
/// whether the import was written, refused or only checked.
struct ImportBulkSettingsTests {
  static let unit = PlacePath(parsing: "河北街道/水映花城社区/第一居民委/水映花城小区/1号楼/1单元")

  func fresh() throws -> SQLiteStore {
    let path = TestStores.tempPath("bulk.sqlite")
    try SQLiteStore.initialize(
      at: path, root: "蛟河市",
      levels: LevelChain(names: ["市", "街道", "社区", "居民委", "小区", "楼栋", "单元"], stationDepth: 4))
    return try SQLiteStore(path: path, mode: .write)
  }

  func household(_ room: String) -> RegistryRow {
    .household(
      RegistryHousehold(
        path: Self.unit, room: room, headName: "张" + room, phone: "1380000" + room + "0", people: 2,
        flags: [],
        reach: nil))
  }

  func cacheSize(_ s: SQLiteStore) throws -> Int {
    try s.write { try Int.fetchOne($0, sql: "PRAGMA cache_size")! }
  }

  @Test func theWritersCacheSizeIsRestoredAfterEveryKindOfImport() throws {
    let s = try fresh()
    defer { TestStores.cleanup(s) }
    let before = try cacheSize(s)
    #expect(before != -65536)
    let written = try s.importLedger(scope: nil, check: false, operator: "test", at: TestStores.anchor) {
      run in
      try run.add(household("101"), file: "t.csv", rowNumber: 2)
      try run.add(household("201"), file: "t.csv", rowNumber: 3)
    }
    #expect(written.written && written.summary.counts[.households]?.added == 2)
    #expect(try cacheSize(s) == before)
    _ = try s.importLedger(scope: nil, check: true, operator: "test", at: TestStores.anchor) { run in
      try run.add(household("301"), file: "t.csv", rowNumber: 2)
    }
    #expect(try cacheSize(s) == before)
    let refused = try s.importLedger(scope: nil, check: false, operator: "test", at: TestStores.anchor) {
      run in
      try run.add(household("401"), file: "t.csv", rowNumber: 2)
      run.refuse()
    }
    #expect(!refused.written)
    #expect(try cacheSize(s) == before)
    #expect(try s.write { try Int.fetchOne($0, sql: "SELECT count(*) FROM household") } == 2)
    #expect(try s.verify().isEmpty)
    // The texts were bound in place (not copied by SQLite): they must still be the ones written.
    let texts = try s.write { db in
      try Row.fetchAll(db, sql: "SELECT room, head_name, phone FROM household ORDER BY id").map {
        [$0[0] as String, $0[1] as String, $0[2] as String]
      }
    }
    #expect(texts == [["101", "张101", "13800001010"], ["201", "张201", "13800002010"]])
  }
}
