import CSV

/// Cuts the decoded records of one chunk into cells. Plain records (no `"`, no carriage return but the
/// one before a line feed) are split on bytes, which is what any CSV reader makes of them; from the
/// first other record on, the rest of the chunk goes through CSV.swift, so every row is exactly what
/// CSV.swift alone gives, at a fraction of its cost on the common file (CSV.swift builds each cell
/// scalar by scalar).
enum PlainCSV {
  static func rows(_ decoded: String) throws -> [[String]] {
    var text = decoded
    var rows: [[String]] = []
    var hardFrom: Int?
    text.withUTF8 { p in
      let n = p.count
      var start = 0
      var width = 8
      records: while start < n {
        var cells: [String] = []
        cells.reserveCapacity(width)
        var fieldStart = start
        var i = start
        var end = n  // the record's end (before its line break)
        var next = n  // where the next record starts
        while i < n {
          let b = p[i]
          if b == 0x2C {
            cells.append(Self.string(p, fieldStart, i))
            fieldStart = i + 1
          } else if b == 0x0A {
            end = i
            next = i + 1
            break
          } else if b == 0x0D {
            guard i + 1 < n, p[i + 1] == 0x0A else {
              hardFrom = start
              break records
            }
            end = i
            next = i + 2
            break
          } else if b == 0x22 {
            hardFrom = start
            break records
          }
          i += 1
        }
        cells.append(Self.string(p, fieldStart, end))
        width = cells.count
        rows.append(cells)
        start = next
      }
    }
    if let hardFrom {
      let rest = String(decoding: text.utf8.dropFirst(hardFrom), as: UTF8.self)
      let reader = try CSVReader(string: rest)
      while let cells = reader.next() { rows.append(cells) }
    }
    return rows
  }

  private static func string(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: p[from..<to]), as: UTF8.self)
  }
}
