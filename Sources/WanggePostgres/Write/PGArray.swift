/// PostgreSQL array literals (`{1,2,NULL}`, `{"a","b\"c"}`) for `unnest($1::bigint[])` and
/// `= ANY($1::text[])`: whole batches go to the server as one parameter per column.
enum PGArray {
  /// An array of integers (nil: NULL).
  static func ints(_ values: some Sequence<Int64?>) -> String {
    var out = "{"
    var first = true
    for v in values {
      if !first { out += "," }
      first = false
      if let v { out += String(v) } else { out += "NULL" }
    }
    return out + "}"
  }

  /// An array of integers.
  static func ints(_ values: some Sequence<Int64>) -> String { ints(values.lazy.map { Optional($0) }) }

  /// An array of texts (nil: NULL), each quoted with `\` and `"` escaped.
  static func texts(_ values: some Sequence<String?>) -> String {
    var out = "{"
    var first = true
    for v in values {
      if !first { out += "," }
      first = false
      guard let v else {
        out += "NULL"
        continue
      }
      out += "\""
      for ch in v.unicodeScalars {
        if ch == "\\" || ch == "\"" { out += "\\" }
        out.unicodeScalars.append(ch)
      }
      out += "\""
    }
    return out + "}"
  }

  /// An array of texts.
  static func texts(_ values: some Sequence<String>) -> String { texts(values.lazy.map { Optional($0) }) }

  /// An array of booleans.
  static func bools(_ values: some Sequence<Bool>) -> String {
    "{" + values.map { $0 ? "t" : "f" }.joined(separator: ",") + "}"
  }
}
