/// A list of ids as one statement argument: `x IN IDList.values` with `IDList.json(ids)` bound to it, so
/// that a statement reading a list of any length keeps one text and stays in the statement cache (a list
/// spelled into the SQL is parsed and planned anew on every call).
enum IDList {
  /// The ids of the one JSON array argument, as a subquery's text.
  static let select = "SELECT value FROM json_each(?)"
  /// The set of ids bound as one JSON array argument.
  static let values = "(\(select))"

  /// `ids` as the JSON array `values` reads, e.g. `[15,18,23]`.
  static func json(_ ids: some Sequence<Int64>) -> String {
    "[" + ids.map(String.init).joined(separator: ",") + "]"
  }
}
