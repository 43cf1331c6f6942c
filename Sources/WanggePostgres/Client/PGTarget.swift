import Foundation

/// Where a PostgreSQL store lives, from a `--db` value: a `postgres://` or `postgresql://` URI, or
/// `pg:` (optionally followed by libpq `key=value` words) meaning "from the `PG*` variables".
///
/// The text goes to libpq unchanged, so `~/.pgpass`, service files (`pg:service=city`), `sslmode`
/// and every other libpq convention work. `display` is the same text with any password masked;
/// nothing else of a target is ever printed.
public struct PGTarget: Sendable, Hashable, CustomStringConvertible {
  /// What libpq receives (a URI or `key=value` words; empty: everything from `PG*`). May hold a password.
  public let conninfo: String
  /// The target as a person may see it: the password, if any, replaced by `***`.
  public let display: String

  /// The target named by `text`, or nil when `text` does not name PostgreSQL (an SQLite path).
  public init?(_ text: String) {
    let lower = text.lowercased()
    if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") {
      conninfo = text
      display = PGTarget.maskURI(text)
    } else if lower.hasPrefix("pg:") {
      conninfo = String(text.dropFirst(3)).trimmingSpaces
      display =
        conninfo.isEmpty ? "pg: (PGHOST, PGPORT, PGDATABASE, PGUSER…)" : "pg:" + PGTarget.maskWords(conninfo)
    } else {
      return nil
    }
  }

  /// Whether a `--db` value names PostgreSQL rather than an SQLite file.
  public static func isPostgres(_ text: String) -> Bool { PGTarget(text) != nil }

  public var description: String { display }

  /// `message` (from libpq, which may quote the whole connection string back, e.g. "invalid URI
  /// query parameter" or `missing "=" after "…"`) with the target replaced by `display` and every
  /// password or unparsed word replaced by `***`.
  public func scrub(_ message: String) -> String {
    var m = message
    if !conninfo.isEmpty { m = m.replacingOccurrences(of: conninfo, with: display) }
    for secret in secrets where !secret.isEmpty { m = m.replacingOccurrences(of: secret, with: "***") }
    return m
  }

  /// Texts that must never be shown: passwords (as written and percent-decoded) and, in `key=value`
  /// words, any word without `=` (a misplaced password, as libpq would quote it).
  var secrets: [String] {
    var out: [String] = []
    let lower = conninfo.lowercased()
    if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://"),
      let schemeEnd = conninfo.range(of: "://")
    {
      let rest = conninfo[schemeEnd.upperBound...]
      let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
      if let at = rest[..<authorityEnd].lastIndex(of: "@"), let colon = rest[..<at].firstIndex(of: ":") {
        out.append(String(rest[rest.index(after: colon)..<at]))
      }
      if let q = conninfo.firstIndex(of: "?") {
        for p in conninfo[conninfo.index(after: q)...].split(separator: "&")
        where p.lowercased().hasPrefix("password=") {
          out.append(String(p.dropFirst("password=".count)))
        }
      }
    } else {
      let words = conninfo.split(separator: " ")
      for (i, w) in words.enumerated() {
        if !w.contains("=") {
          // A bare word, or the value after "key =" written with spaces.
          if i == 0 || !words[i - 1].hasSuffix("=") { out.append(String(w)) }
        } else if w.lowercased().hasPrefix("password=") {
          out.append(
            String(w.dropFirst("password=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "'")))
        }
      }
    }
    out += out.compactMap { $0.removingPercentEncoding }
    return out.filter { $0.count >= 2 }.sorted { $0.count > $1.count }
  }

  /// `scheme://user:secret@host/db?password=x` → `scheme://user:***@host/db?password=***`.
  static func maskURI(_ uri: String) -> String {
    var s = uri
    if let schemeEnd = s.range(of: "://") {
      let rest = s[schemeEnd.upperBound...]
      let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
      if let at = rest[..<authorityEnd].lastIndex(of: "@"),
        let colon = rest[..<at].firstIndex(of: ":")
      {
        s.replaceSubrange(s.index(after: colon)..<at, with: "***")
      }
    }
    return maskQueryPassword(s)
  }

  private static func maskQueryPassword(_ uri: String) -> String {
    guard let q = uri.firstIndex(of: "?") else { return uri }
    let params = uri[uri.index(after: q)...].split(separator: "&", omittingEmptySubsequences: false).map {
      p -> String in
      p.lowercased().hasPrefix("password=") ? "password=***" : String(p)
    }
    return String(uri[...q]) + params.joined(separator: "&")
  }

  /// `host=x password=secret` → `host=x password=***` (libpq `key=value` words).
  static func maskWords(_ words: String) -> String {
    guard let r = words.range(of: "password", options: .caseInsensitive) else { return words }
    guard let eq = words[r.upperBound...].firstIndex(of: "=") else { return words }
    var end = words.index(after: eq)
    while end < words.endIndex, words[end] == " " { end = words.index(after: end) }
    if end < words.endIndex, words[end] == "'" {
      end = words.index(after: end)
      while end < words.endIndex, words[end] != "'" {
        if words[end] == "\\" { end = words.index(after: end) }
        if end < words.endIndex { end = words.index(after: end) }
      }
      if end < words.endIndex { end = words.index(after: end) }
    } else {
      while end < words.endIndex, words[end] != " " { end = words.index(after: end) }
    }
    return String(words[..<words.index(after: eq)]) + "***" + maskWords(String(words[end...]))
  }
}

extension String {
  fileprivate var trimmingSpaces: String {
    var s = Substring(self)
    while s.first == " " { s = s.dropFirst() }
    while s.last == " " { s = s.dropLast() }
    return String(s)
  }
}
