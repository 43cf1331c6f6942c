/// Finds the line of each `[section]` and `key =` in a TOML text, for error messages.
struct ThemeLineIndex {
  private var lines: [String: Int] = [:]

  init(text: String) {
    var section = ""
    for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.trimmingCharacters(in: " \t\r")
      if line.hasPrefix("#") || line.isEmpty { continue }
      if line.hasPrefix("[") {
        let name = line.dropFirst().prefix { $0 != "]" }.trimmingCharacters(in: " \t\"'")
        section = name
        if lines[name] == nil { lines[name] = number + 1 }
        continue
      }
      if let equals = line.firstIndex(of: "=") {
        let key = line[..<equals].trimmingCharacters(in: " \t\"'")
        let path = section.isEmpty ? key : "\(section).\(key)"
        if lines[path] == nil { lines[path] = number + 1 }
      }
    }
  }

  /// The 1-based line of `path` ("role" or "role.key" or "key"), or 1 when not found.
  func line(of path: String) -> Int { lines[path] ?? 1 }
}

extension StringProtocol {
  fileprivate func trimmingCharacters(in set: String) -> String {
    var s = Substring(self)
    while let c = s.first, set.contains(c) { s = s.dropFirst() }
    while let c = s.last, set.contains(c) { s = s.dropLast() }
    return String(s)
  }
}
