import Foundation

/// A need noted at a help visit (medicine, groceries …): the kind of order it would become and its
/// items, e.g. 送药 "降压药 2盒".
public struct VisitNeed: Hashable, Sendable, Codable {
  public var kind: OrderKind
  public var items: String

  public init(kind: OrderKind, items: String) {
    self.kind = kind
    self.items = items
  }

  /// At most this many needs per visit.
  public static let maxCount = 8
  /// At most this many bytes of items per need.
  public static let maxItemBytes = 200

  /// What is wrong with `items`, or nil.
  public static func itemsProblem(_ items: String) -> String? {
    if items.utf8.count > maxItemBytes {
      return "items longer than \(maxItemBytes) bytes (\(items.utf8.count))"
    }
    if items.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
      return "items hold a control character; write them on one line"
    }
    if items.contains("；") { return "items may not hold \"；\" (it separates needs on screen)" }
    return nil
  }

  /// Reads `送药:降压药 2盒` or `medicine:降压药` (the command line's `--need`).
  public static func parse(_ text: String) throws -> VisitNeed {
    let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
    guard parts.count == 2, let kind = OrderKind(word: String(parts[0]).trimmingCharacters(in: .whitespaces))
    else {
      throw FieldProblem(
        field: "needs",
        problem: "\"\(text.prefix(40))\" is not KIND:ITEMS such as 送药:降压药 (kinds: \(OrderKind.accepted))")
    }
    let items = String(parts[1]).trimmingCharacters(in: .whitespaces)
    if let p = itemsProblem(items) { throw FieldProblem(field: "needs", problem: p) }
    return VisitNeed(kind: kind, items: items)
  }

  /// The stored form: a JSON array of `{"kind":…,"items":…}` (sorted keys), `[]` when none.
  public static func encode(_ needs: [VisitNeed]) -> String {
    let objects = needs.map { ["items": $0.items, "kind": $0.kind.rawValue] }
    guard let d = try? JSONSerialization.data(withJSONObject: objects, options: [.sortedKeys]) else {
      return "[]"
    }
    return String(decoding: d, as: UTF8.self)
  }

  /// Reads the event line's `needs` (a JSON array of objects with `kind` and `items`) or the stored form.
  public static func decode(_ json: String) throws -> [VisitNeed] {
    guard let any = try? JSONSerialization.jsonObject(with: Data(json.utf8)), let list = any as? [Any] else {
      throw FieldProblem(
        field: "needs", problem: "must be an array such as [{\"kind\":\"medicine\",\"items\":\"降压药\"}]")
    }
    if list.count > maxCount {
      throw FieldProblem(field: "needs", problem: "more than \(maxCount) needs (\(list.count))")
    }
    return try list.map { element in
      guard let obj = element as? [String: Any], let kindWord = obj["kind"] as? String,
        let items = obj["items"] as? String
      else {
        throw FieldProblem(field: "needs", problem: "each need is an object {\"kind\":…,\"items\":…}")
      }
      guard let kind = OrderKind(word: kindWord) else {
        throw FieldProblem(
          field: "needs.kind",
          problem: "\"\(kindWord.prefix(40))\" is not allowed (allowed: \(OrderKind.accepted))")
      }
      if let p = itemsProblem(items) { throw FieldProblem(field: "needs.items", problem: p) }
      return VisitNeed(kind: kind, items: items)
    }
  }

  /// On screen: `送药 降压药；代购 米 油`.
  public static func shown(_ needs: [VisitNeed]) -> String {
    needs.map { $0.items.isEmpty ? $0.kind.chineseName : "\($0.kind.chineseName) \($0.items)" }
      .joined(separator: "；")
  }
}

/// The last visit attempt of a help household, whatever its outcome (the help view shows it).
public struct VisitNote: Hashable, Sendable {
  public var at: Instant
  public var outcome: VisitOutcome
  public var needs: [VisitNeed]
  public init(at: Instant, outcome: VisitOutcome, needs: [VisitNeed]) {
    self.at = at
    self.outcome = outcome
    self.needs = needs
  }
}
