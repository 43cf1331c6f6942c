/// A visit's `outcome` and `needs` (both optional: an old visit line saw the household, noted nothing).
extension EventLineParser {
  static func visitDetails(_ obj: [String: EventFieldValue]) throws -> (VisitOutcome, [VisitNeed]) {
    var outcome = VisitOutcome.seen
    switch obj["outcome"] {
    case nil, .null?: break
    case .string(let word)?:
      guard let o = VisitOutcome(word: word) else {
        throw FieldProblem(
          field: "outcome",
          problem: "\"\(word.prefix(40))\" is not allowed (allowed: \(VisitOutcome.accepted))")
      }
      outcome = o
    case let v?:
      throw FieldProblem(
        field: "outcome",
        problem: "must be a string (allowed: \(VisitOutcome.accepted)), got \(v.shown.prefix(40))")
    }
    var needs: [VisitNeed] = []
    switch obj["needs"] {
    case nil, .null?: break
    case .json(let text)?: needs = try VisitNeed.decode(text)
    case let v?:
      throw FieldProblem(
        field: "needs",
        problem:
          "must be an array such as [{\"kind\":\"medicine\",\"items\":\"降压药\"}], got \(v.shown.prefix(40))")
    }
    return (outcome, needs)
  }
}
