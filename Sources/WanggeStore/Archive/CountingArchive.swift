/// A ``StoreArchive`` that passes another's rows through unchanged and counts them per table
/// (`wangge copy` prints the counts).
public final class CountingArchive: StoreArchive {
  let source: any StoreArchive
  /// Rows streamed per table, in the order the tables came.
  public private(set) var counts: [(table: String, rows: Int)] = []

  public init(_ source: any StoreArchive) { self.source = source }

  @discardableResult
  public func exportTables(into sink: any TableSink) throws -> Int {
    counts = []
    let counting = Counting(sink, owner: self)
    let total = try source.exportTables(into: counting)
    counting.close()
    return total
  }

  private final class Counting: TableSink {
    let sink: any TableSink
    unowned let owner: CountingArchive
    var open: Stream?

    init(_ sink: any TableSink, owner: CountingArchive) {
      self.sink = sink
      self.owner = owner
    }

    func rows(of table: String, columns: [String]) throws -> any RowStream {
      close()
      let s = Stream(table: table, inner: try sink.rows(of: table, columns: columns))
      open = s
      return s
    }

    func close() {
      if let s = open { owner.counts.append((s.table, s.rows)) }
      open = nil
    }
  }

  private final class Stream: RowStream {
    let table: String
    let inner: any RowStream
    var rows = 0
    init(table: String, inner: any RowStream) {
      self.table = table
      self.inner = inner
    }
    func putInt(_ value: Int64) { inner.putInt(value) }
    func putNull() { inner.putNull() }
    func putText(_ value: String) { inner.putText(value) }
    func putUTF8(_ bytes: [UInt8]) { inner.putUTF8(bytes) }
    func endRow() throws {
      try inner.endRow()
      rows += 1
    }
  }
}
