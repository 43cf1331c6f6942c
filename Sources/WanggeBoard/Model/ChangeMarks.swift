/// Remembers the text of every cell shown and marks the cells a refresh changed, for a while.
public struct ChangeMarks: Sendable {
  private var previous: [String: [String]] = [:]
  private var marked: [String: Set<Int>] = [:]
  private var until: Double = 0
  /// How long a changed figure stays marked, in seconds.
  public var duration: Double = 2

  public init() {}

  /// Records `rows` (key → cell texts); when `compare` is set, marks the cells that differ.
  public mutating func record(_ rows: [(key: String, texts: [String])], compare: Bool, now: Double) {
    var changed: [String: Set<Int>] = [:]
    for row in rows {
      if compare, let old = previous[row.key] {
        let cols = Set(row.texts.indices.filter { $0 >= old.count || old[$0] != row.texts[$0] })
        if !cols.isEmpty { changed[row.key] = cols }
      }
      previous[row.key] = row.texts
    }
    if compare && !changed.isEmpty {
      marked = changed
      until = now + duration
    }
  }

  /// Forgets everything (after moving to another place or view).
  public mutating func reset() {
    previous = [:]
    marked = [:]
    until = 0
  }

  /// The marked columns of a row at `now`.
  public func columns(of key: String, now: Double) -> Set<Int> { now < until ? marked[key] ?? [] : [] }

  /// When the marks expire (0 when none are shown).
  public func expiry(now: Double) -> Double? { now < until ? until : nil }
}
