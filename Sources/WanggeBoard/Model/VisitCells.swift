import TerminalUI
import WanggeCore

/// The help view's last-visit cells, and the `:order` line a noted need becomes (key `o`).
enum VisitCells {
  /// `不在家` in the warning colour when the household was not seen; `—` when no outcome is stored.
  static func outcome(_ note: VisitNote?, _ t: Words) -> TableCell {
    guard let note else { return TableCell("—") }
    let word = t(note.outcome.chineseName, note.outcome.rawValue)
    return note.outcome.countsAsVisit ? TableCell(word) : TableCell(word, style: StatusKind.late.style)
  }

  /// The needs noted at the last visit, `送药 降压药；代购 米 油`, or `—`.
  static func needs(_ note: VisitNote?) -> TableCell {
    let needs = note?.needs ?? []
    return TableCell(needs.isEmpty ? "—" : VisitNeed.shown(needs))
  }

  /// The command line `o` opens: the first need noted at the last visit (its kind and items), else
  /// 代购 with the help case's 需求 as the items.
  static func orderLine(cell noted: String?, needs: String?) -> String {
    if let noted, noted != "—", let first = noted.components(separatedBy: "；").first, !first.isEmpty {
      return "order " + first
    }
    return "order 代购 " + (needs.map { $0 == "—" ? "" : $0 } ?? "")
  }
}
