/// A fast reader for the common event line: one flat JSON object whose values are strings without
/// escapes, integers, booleans or null. Anything else returns nil and the full JSON parser decides.
enum FlatEventScanner {
  static func scan(_ line: Substring) -> [String: EventFieldValue]? {
    var bytes = Array(line.utf8)[...]
    var out: [String: EventFieldValue] = [:]
    func skipSpace() { while let c = bytes.first, c == 32 || c == 9 || c == 13 { bytes.removeFirst() } }
    func string() -> String? {
      guard bytes.first == 34 else { return nil }
      bytes.removeFirst()
      guard let end = bytes.firstIndex(of: 34) else { return nil }
      let body = bytes[bytes.startIndex..<end]
      guard !body.contains(92), !body.contains(where: { $0 < 32 }) else { return nil }  // escapes: full parser
      bytes = bytes[(end + 1)...]
      return String(decoding: body, as: UTF8.self)
    }
    skipSpace()
    guard bytes.first == 123 else { return nil }
    bytes.removeFirst()
    skipSpace()
    if bytes.first == 125 { return nil }
    while true {
      skipSpace()
      guard let key = string() else { return nil }
      skipSpace()
      guard bytes.first == 58 else { return nil }
      bytes.removeFirst()
      skipSpace()
      guard let c = bytes.first else { return nil }
      let value: EventFieldValue
      if c == 34 {
        guard let s = string() else { return nil }
        value = .string(s)
      } else if c == 45 || (48...57).contains(c) {
        var digits = 0
        var n: Int64 = 0
        let negative = c == 45
        if negative { bytes.removeFirst() }
        if bytes.first == 48, let next = bytes.dropFirst().first, (48...57).contains(next) { return nil }  // 007
        while let d = bytes.first, (48...57).contains(d) {
          guard digits < 18 else { return nil }
          n = n * 10 + Int64(d - 48)
          digits += 1
          bytes.removeFirst()
        }
        guard digits > 0, let next = bytes.first, next != 46, next != 101, next != 69 else { return nil }
        value = .int(negative ? -n : n)
      } else if bytes.starts(with: "true".utf8) {
        bytes.removeFirst(4)
        value = .bool(true)
      } else if bytes.starts(with: "false".utf8) {
        bytes.removeFirst(5)
        value = .bool(false)
      } else if bytes.starts(with: "null".utf8) {
        bytes.removeFirst(4)
        value = .null
      } else {
        return nil  // nested object or array: full parser
      }
      guard out.updateValue(value, forKey: key) == nil else { return nil }  // duplicate key: full parser
      skipSpace()
      guard let sep = bytes.first else { return nil }
      bytes.removeFirst()
      if sep == 125 { break }
      guard sep == 44 else { return nil }
    }
    skipSpace()
    return bytes.isEmpty ? out : nil
  }
}
