import ArgumentParser
import Foundation
import WanggeCore
import WanggeStore

/// `wangge census`: the door-knocking census (敲门行动) — a unit's finish with what it verified per
/// household, and the share of households verified in the last N days.
struct CensusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "census",
    abstract: "Door-knocking census (敲门核实): record a unit's finish, show the share verified.",
    subcommands: [Finish.self, Share.self])

  /// A unit finishes a census task, with one `--household` per household verified.
  struct Finish: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "finish",
      abstract: "Record a unit's census finish: per household its residency, people present and flags found.")
    @OptionGroup var options: AssignmentOptions
    @Option(
      name: .customLong("household"),
      help:
        "ROOM:RESIDENCY[:PRESENT[:FLAG+FLAG]], e.g. 101:常住:3:elderly_alone (residency 常住/暂住/长期无人 or resident/temporary/vacant); repeat per household."
    )
    var households: [String] = []
    @Option(help: "Who knocked (default: the operator).") var by: String?

    func run() throws {
      var list: [[String: Any]] = []
      for (i, h) in households.enumerated() {
        let parts = h.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, parts.count <= 4 else {
          fail("--household \(i + 1) \"\(h)\": write ROOM:RESIDENCY[:PRESENT[:FLAG+FLAG]], e.g. 101:常住:3")
        }
        var item: [String: Any] = ["room": parts[0], "residency": parts[1]]
        if parts.count > 2, !parts[2].isEmpty {
          guard let n = Int(parts[2]) else { fail("--household \(i + 1) \"\(h)\": PRESENT must be a number") }
          item["present"] = n
        }
        if parts.count > 3, !parts[3].isEmpty {
          item["flags"] = parts[3].split(separator: "+").map(String.init)
        }
        list.append(item)
      }
      var object: [String: Any] = ["households": list]
      if let by { object["by"] = by }
      let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
      let text = String(decoding: data, as: UTF8.self)
      do {
        _ = try CensusResultParser.parse(text)
      } catch {
        fail("--household: \(error.problem)")
      }
      if let problem = InputBounds.resultProblem(text) { fail("--household: \(problem); split the finish") }
      try options.apply(
        .finished(task: options.task, unit: options.unitRef, result: text), verb: "census finished")
    }
  }

  /// The share of households verified in the last N days, for a place and each of its children.
  struct Share: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "share", abstract: "Households verified in the last N days, for a place and its children.")
    @OptionGroup var store: StoreOptions
    @Option(help: "Place path (default: the whole grid).") var scope: String?
    @Option(help: "Count verifications of the last N days (today included).") var days: Int = 7
    @OptionGroup var clock: ClockOption
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
      if let p = InputBounds.rangeProblem(days, 1...InputBounds.maxDays) { fail("--days: \(p)") }
      let s = try store.openForReading()
      let now = clock.clock.now()
      do {
        let place = try scope.map { try resolvePlace($0, in: s, option: "--scope") } ?? s.root()
        let rows = [(place.name, place.id)] + (try s.children(of: place.id).map { ($0.name, $0.id) })
        let shares = try s.censusShares(of: rows.map(\.1), days: days, at: now)
        let out = rows.map { ($0.0, shares[$0.1] ?? CensusShare(verified: 0, households: 0)) }
        if json {
          let items = out.map {
            "{\"name\":\(jsonString($0.0)),\"verified\":\($0.1.verified),\"households\":\($0.1.households)}"
          }
          print("{\"days\":\(days),\"places\":[\(items.joined(separator: ","))]}")
        } else {
          print("近 \(days) 天核实（截至 \(InstantFormat.iso(now))）")
          for (i, (name, share)) in out.enumerated() {
            let pct = share.rate.map { String(format: "%.1f%%", $0 * 100) } ?? "—"
            print("\(i == 0 ? "" : "  ")\(name)  核实 \(share.verified)/\(share.households)  \(pct)")
          }
        }
      } catch let e as StoreError {
        fail("--scope: \(e.description)")
      }
    }

    func jsonString(_ s: String) -> String {
      String(decoding: try! JSONSerialization.data(withJSONObject: [s], options: []), as: UTF8.self)
        .dropFirst().dropLast().description
    }
  }
}
