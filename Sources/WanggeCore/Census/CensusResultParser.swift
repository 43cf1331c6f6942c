import Foundation

/// Reads the `result` of a census finish:
/// `{"by":"张三","households":[{"room":"101","residency":"常住","present":3,"flags":["elderly_alone"]}]}`
/// (`residency` as a code — resident, temporary, vacant — or 常住/暂住/长期无人; `present` 0–99;
/// `flags` as the household flag codes; a room at most once).
public enum CensusResultParser {
  /// The most households one finish may carry.
  public static let maxHouseholds = 200

  public static func parse(_ text: String) throws(FieldProblem) -> CensusResult {
    func bad(_ p: String) -> FieldProblem { FieldProblem(field: "result", problem: p) }
    let wire: Wire
    do {
      wire = try JSONDecoder().decode(Wire.self, from: Data(text.utf8))
    } catch let DecodingError.typeMismatch(_, c), let DecodingError.valueNotFound(_, c),
      let DecodingError.keyNotFound(_, c)
    {
      throw bad("\(path(c.codingPath)): \(c.debugDescription); \(shape)")
    } catch {
      throw bad("a census finish needs a JSON object; \(shape)")
    }
    if let by = wire.by, !(1...40).contains(by.count) { throw bad("by: a name of 1–40 characters") }
    guard !wire.households.isEmpty else { throw bad("households: none listed; \(shape)") }
    guard wire.households.count <= maxHouseholds else {
      throw bad("households: at most \(maxHouseholds) in one finish")
    }
    var visits: [CensusVisit] = []
    var rooms = Set<String>()
    for (i, h) in wire.households.enumerated() {
      let at = "households[\(i)]"
      guard (1...20).contains(h.room.count) else { throw bad("\(at).room: a room such as \"101\"") }
      guard rooms.insert(h.room).inserted else { throw bad("\(at).room: room \(h.room) is listed twice") }
      guard let r = CensusResidency(text: h.residency) else {
        throw bad("\(at).residency: write resident, temporary or vacant (常住, 暂住, 长期无人)")
      }
      let present = h.present ?? 0
      guard (0...99).contains(present) else { throw bad("\(at).present: a number of people from 0 to 99") }
      if r == .vacant && present > 0 { throw bad("\(at).present: a vacant household has nobody present") }
      var flags: VulnerabilityFlags = []
      for c in h.flags ?? [] {
        guard let flag = VulnerabilityFlags.codes.first(where: { $0.1 == c })?.0 else {
          throw bad(
            "\(at).flags: unknown flag \"\(c)\"; write \(VulnerabilityFlags.codes.map(\.1).joined(separator: ", "))"
          )
        }
        flags.insert(flag)
      }
      visits.append(CensusVisit(room: h.room, residency: r, present: present, flags: flags))
    }
    return CensusResult(by: wire.by, visits: visits)
  }

  static let shape =
    "write {\"households\":[{\"room\":\"101\",\"residency\":\"常住\",\"present\":3,\"flags\":[]}]}"

  static func path(_ keys: [any CodingKey]) -> String {
    keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop { $0 == "." }.description
  }

  private struct Wire: Decodable {
    var by: String?
    var households: [Line]
  }

  private struct Line: Decodable {
    var room: String
    var residency: String
    var present: Int?
    var flags: [String]?
  }
}
