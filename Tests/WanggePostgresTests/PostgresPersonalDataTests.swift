import Foundation
import Testing
import WanggeCore
import WanggePostgres
import WanggeStore

/// Personal data on PostgreSQL (migration v6): no operator role reads a full phone or a help
/// household's name with plain SQL; Wangge's reads as an operator show them masked; a commander gets
/// one household in full only through `wangge_reveal`, which writes the audit record.
@Suite(.enabled(if: TestServer.available, "skipped: no server (WANGGE_TEST_POSTGRES)"))
struct PostgresPersonalDataTests {
  @Test func noOperatorRoleSelectsAPhoneOrAName() throws {
    let g = try PostgresOperatorTests.grid("pii_select")
    defer { g.drop() }
    for role in [g.names.station, g.names.viewer, g.names.commander] {
      let db = try g.connect(role)
      for column in ["phone", "head_name", "*"] {
        let e = #expect(throws: PGError.self, "\(role) selects household.\(column)") {
          try db.exec("SELECT \(column) FROM household LIMIT 1")
        }
        #expect(e?.sqlState == "42501")
      }
      #expect(throws: PGError.self, "nor filters by it") {
        try db.exec("SELECT count(*) FROM household WHERE phone LIKE '1%'")
      }
      #expect(try db.exec("SELECT count(id) FROM household")[0].get(0, as: Int64.self) > 0)
    }
  }

  @Test func theShownViewMasksAndKeepsTheScope() throws {
    let g = try PostgresOperatorTests.grid("pii_view")
    defer { g.drop() }
    let owner = try g.scratch.connect()
    let full = try owner.exec(
      """
      SELECT h.id, h.phone, h.head_name, c.household_id IS NOT NULL FROM household h
      LEFT JOIN help_case c ON c.household_id = h.id ORDER BY h.id
      """
    ).map {
      (
        try $0.get(0, as: Int64.self), try $0.get(1, as: String.self), try $0.get(2, as: String.self),
        try $0.get(3, as: Bool.self)
      )
    }
    #expect(full.contains { $0.3 }, "the demo has help households")
    let ownerShown = try owner.exec("SELECT phone FROM household_shown ORDER BY id").map {
      try $0.get(0, as: String.self)
    }
    #expect(ownerShown == full.map(\.1), "the owner reads the view in full")
    let station = try g.connect(g.names.station)
    let mine = try station.exec("SELECT count(*) FROM household")[0].get(0, as: Int64.self)
    let shown = try station.exec("SELECT id, phone, head_name FROM household_shown ORDER BY id").map {
      (try $0.get(0, as: Int64.self), try $0.get(1, as: String.self), try $0.get(2, as: String.self))
    }
    #expect(Int64(shown.count) == mine, "the view keeps the station's scope")
    let byID = Dictionary(uniqueKeysWithValues: full.map { ($0.0, $0) })
    for (id, phone, name) in shown {
      let f = try #require(byID[id])
      #expect(phone == PhoneMask.mask(f.1), "the server masks as PhoneMask does")
      #expect(f.3 ? name != f.2 && name.hasSuffix("*") : name == f.2)
    }
    #expect(
      try station.exec("SELECT count(*) FROM household_shown WHERE unit_id = $1", [g.outsideUnit])[0].get(
        0, as: Int64.self) == 0)
    let store = try g.store(g.names.station)
    let rows = try store.households(ofUnit: g.insideUnits[0])
    #expect(!rows.isEmpty && rows.allSatisfy { $0.household.phone.contains("*") })
  }

  @Test func onlyAnAuditedRevealShowsAHouseholdInFull() throws {
    let g = try PostgresOperatorTests.grid("pii_reveal")
    defer { g.drop() }
    let owner = try g.scratch.connect()
    let household: Int64 = try owner.exec(
      "SELECT min(id) FROM household WHERE unit_id = $1", [g.insideUnits[0]])[
        0
      ].get(0)
    let phone: String = try owner.exec("SELECT phone FROM household WHERE id = $1", [household])[0].get(0)
    let reveal = "SELECT phone FROM wangge_reveal($1, $2, 1800000000)"
    for role in [g.names.station, g.names.viewer] {
      #expect(throws: PGError.self, "\(role) may not reveal") {
        try g.connect(role).exec(reveal, [household, "核实"])
      }
    }
    let commander = try g.connect(g.names.commander)
    #expect(throws: PGError.self, "a reason is needed") { try commander.exec(reveal, [household, " "]) }
    let before: Int64 = try owner.exec("SELECT count(*) FROM audit WHERE action = 'reveal'")[0].get(0)
    #expect(before == 0)
    #expect(try commander.exec(reveal, [household, "核实联系方式"])[0].get(0, as: String.self) == phone)
    let audit = try owner.exec(
      "SELECT operator, scope_id, detail, at FROM audit WHERE action = 'reveal'")
    #expect(audit.count == 1)
    #expect(try audit[0].get(0, as: String.self) == g.names.commander)
    #expect(try audit[0].get(1, as: Int64.self) == g.insideUnits[0])
    #expect(try audit[0].get(2, as: String.self) == "{\"household\":\(household),\"reason\":\"核实联系方式\"}")
    #expect(try audit[0].get(3, as: Int64.self) == 1_800_000_000)
  }
}
