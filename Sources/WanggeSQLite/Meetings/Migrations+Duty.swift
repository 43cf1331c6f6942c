import GRDB
import WanggeStore

extension Migrations {
  /// v14-duty: the 空岗 rollup (`duty_shape`, `duty_on`; see ``DutyRollupBook``), rebuilt from the roster
  /// and sign-ins a store already holds; and the unique index on automatic baseline slots.
  /// One automatic baseline per scheduled instant (two boards, or a board and `baseline auto`).
  static let autoSlotIndex =
    "CREATE UNIQUE INDEX baseline_auto_slot ON baseline(at) WHERE name LIKE 'auto %';"

  static func dutyV14(_ db: Database) throws {
    try db.execute(
      sql: DutyRollupBook.tables(int: "INTEGER") + "\n\(autoSlotIndex)\nPRAGMA user_version = 14;")
    try DutyRollupBook(sql: SQLiteOrderSQL(db: db)).rebuild()
  }
}
