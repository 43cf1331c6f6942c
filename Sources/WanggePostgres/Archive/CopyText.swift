/// Rows in PostgreSQL's COPY text format, built in a byte buffer: fields separated by tabs, rows
/// ended by a line feed, `\N` for NULL, and backslash, tab, line feed and carriage return escaped.
struct CopyTextBuffer {
  var bytes: [UInt8] = []
  private var fieldsInRow = 0

  init(capacity: Int) { bytes.reserveCapacity(capacity) }

  mutating func int(_ value: Int64) {
    separate()
    if value == 0 {
      bytes.append(UInt8(ascii: "0"))
      return
    }
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    var v = value.magnitude
    let start = bytes.count
    while v > 0 {
      bytes.append(UInt8(ascii: "0") + UInt8(v % 10))
      v /= 10
    }
    bytes[start...].reverse()
  }

  mutating func null() {
    separate()
    bytes.append(UInt8(ascii: "\\"))
    bytes.append(UInt8(ascii: "N"))
  }

  mutating func text(_ value: String) {
    separate()
    var value = value
    value.withUTF8 { escape($0) }
  }

  mutating func utf8(_ value: [UInt8]) {
    separate()
    value.withUnsafeBufferPointer { escape($0) }
  }

  mutating func endRow() {
    bytes.append(UInt8(ascii: "\n"))
    fieldsInRow = 0
  }

  private mutating func escape(_ p: UnsafeBufferPointer<UInt8>) {
    for byte in p {
      switch byte {
      case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
      case UInt8(ascii: "\t"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
      case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
      case UInt8(ascii: "\r"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
      default: bytes.append(byte)
      }
    }
  }

  private mutating func separate() {
    if fieldsInRow > 0 { bytes.append(UInt8(ascii: "\t")) }
    fieldsInRow += 1
  }
}

/// Splits one row of COPY text (without its line feed) into fields: nil for `\N`, else the
/// unescaped bytes.
enum CopyTextRow {
  static func fields(_ line: UnsafeBufferPointer<UInt8>, into out: inout [[UInt8]?]) {
    out.removeAll(keepingCapacity: true)
    var field: [UInt8] = []
    var i = 0
    var isNull = false
    func finish() {
      out.append(isNull ? nil : field)
      field.removeAll(keepingCapacity: true)
      isNull = false
    }
    while i < line.count {
      let b = line[i]
      if b == UInt8(ascii: "\t") {
        finish()
      } else if b == UInt8(ascii: "\\"), i + 1 < line.count {
        i += 1
        switch line[i] {
        case UInt8(ascii: "N"): isNull = true
        case UInt8(ascii: "t"): field.append(UInt8(ascii: "\t"))
        case UInt8(ascii: "n"): field.append(UInt8(ascii: "\n"))
        case UInt8(ascii: "r"): field.append(UInt8(ascii: "\r"))
        case UInt8(ascii: "b"): field.append(8)
        case UInt8(ascii: "f"): field.append(12)
        case UInt8(ascii: "v"): field.append(11)
        default: field.append(line[i])
        }
      } else {
        field.append(b)
      }
      i += 1
    }
    finish()
  }

  /// The integer written in `bytes` (ASCII digits, optional minus), or nil.
  static func int(_ bytes: [UInt8]) -> Int64? {
    guard !bytes.isEmpty else { return nil }
    var negative = false
    var v: Int64 = 0
    for (i, b) in bytes.enumerated() {
      if i == 0, b == UInt8(ascii: "-") {
        negative = true
        continue
      }
      guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
      let (m, o1) = v.multipliedReportingOverflow(by: 10)
      let (a, o2) = m.addingReportingOverflow(Int64(b - UInt8(ascii: "0")))
      guard !o1, !o2 else { return nil }
      v = a
    }
    return negative ? -v : v
  }
}
