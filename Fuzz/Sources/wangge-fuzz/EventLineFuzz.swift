import Foundation
import WanggeCore

/// Event lines (`wangge ingest`): a line either gives an event whose every field is in range, or a
/// problem naming a field; nothing traps.
struct EventLineFuzz: FuzzTarget {
  func run(_ bytes: [UInt8]) {
    let line = text(bytes)
    switch EventLineParser.parse(Substring(line)) {
    case .failure(let p):
      require(!p.field.isEmpty && !p.problem.isEmpty, "a rejection without field or reason: \(p)")
    case .success(let e):
      require(!e.id.isEmpty && e.id.count <= 200, "id of \(e.id.count) characters accepted")
      require(CalendarCheck.inRange(e.at.epochSeconds), "at \(e.at.epochSeconds) outside 2000–2100 accepted")
      _ = InstantFormat.iso(e.at)
      switch e.kind {
      case .acknowledged(let task, let unit): check(task: task, unit: unit)
      case .finished(let task, let unit, let result):
        check(task: task, unit: unit)
        if let result {
          let parsed = try? JSONSerialization.jsonObject(with: Data(result.utf8))
          require(
            parsed is [String: Any] || parsed is [Any], "result \(result) is not a JSON object or array")
        }
      case .visited(let h, _, let needs):
        // A visit's needs are within their bounds, and what is stored reads back the same.
        require(h > 0, "household \(h)")
        require(needs.count <= VisitNeed.maxCount, "\(needs.count) needs accepted")
        for n in needs { require(VisitNeed.itemsProblem(n.items) == nil, "need items \(n.items) accepted") }
        require((try? VisitNeed.decode(VisitNeed.encode(needs))) == needs, "needs do not read back")
      case .reached(let h, _), .greenChannel(let h, _): require(h > 0, "household \(h)")
      case .groupBuilt(let unit): check(unit: unit)
      case .registry(let change):
        // A registry change names what it changes and digests without trapping.
        require(!change.typeCode.isEmpty, "a registry change without a type")
        _ = change.digestText
      case .screening(let event):
        // A screening event (arrival, isolation) names a positive household and digests without trapping.
        require(!event.typeCode.isEmpty, "a screening event without a type")
        if let h = event.household { require(h > 0, "household \(h)") }
        _ = event.digestText
      }
    }
  }

  func check(task: Int64 = 1, unit: GridEvent.UnitRef) {
    require(task > 0, "task \(task) accepted")
    switch unit {
    case .id(let u): require(u > 0, "unit \(u) accepted")
    case .path(let p): require(!p.isRoot, "an empty unit path accepted")
    }
  }
}
