import GRDB
import WanggeCore
import WanggeStore

extension Assignment {
  /// An assignment from a row's `acked_at` and `finished_at` columns (epoch seconds or NULL).
  init(task: Int64, unit: Int64, row: Row, ackedColumn: Int, finishedColumn: Int) {
    self.init(
      taskID: task, unitID: unit, ackedAt: (row[ackedColumn] as Int64?).map(Instant.init(epochSeconds:)),
      finishedAt: (row[finishedColumn] as Int64?).map(Instant.init(epochSeconds:)))
  }
}
