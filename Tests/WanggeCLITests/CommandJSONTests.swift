import Foundation
import Testing

@testable import wangge

/// Each command's `--json` decodes into the structs that encode it (`ReportJSON`, `TasksJSON`,
/// `DispatchJSON`), and encoding the decoded value gives the same bytes: no key is missing or extra.
@Suite(.serialized)
struct CommandJSONTests {
  static let at = "2026-11-22T20:00:00+08:00"

  /// A Jiaohe demo store of this suite's own (dispatch writes to it).
  static let store: String = {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wangge-json-\(getpid())")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let path = dir.appendingPathComponent("j.sqlite").path
    try? FileManager.default.removeItem(atPath: path)
    _ = TerminalOutputTests.run(["demo", "--preset", "jiaohe", "--db", path, "--anchor", at])
    return path
  }()

  func decode<T: Codable & Equatable>(_ type: T.Type, _ arguments: [String], pretty: Bool = false) throws -> T
  {
    let r = TerminalOutputTests.run(arguments)
    #expect(r.status == 0, "\(arguments): \(r.err)")
    let value = try CommandJSON.decoder.decode(T.self, from: Data(r.out.utf8))
    #expect(CommandJSON.text(value, pretty: pretty) + "\n" == r.out, "\(arguments): re-encoded differs")
    return value
  }

  @Test func reportDecodesIntoReportJSON() throws {
    let report = try decode(
      ReportJSON.self, ["report", "--db", Self.store, "--at", Self.at, "--json"], pretty: true)
    #expect(report.scope.name == "蛟河市")
    #expect(report.at == Self.at)
    #expect(report.windowHours == 7 * 24)
    #expect(!report.children.isEmpty)
    #expect(report.children.map(\.figures.units).reduce(0, +) == report.totals.units)
    #expect(report.totals.responseRate.value != nil)
    #expect(!report.tasks.isEmpty)
  }

  @Test func tasksDecodeIntoTasksJSON() throws {
    let community = "河北街道/水映花城社区"
    let tasks = try decode(
      TasksJSON.self, ["tasks", "--db", Self.store, "--scope", community, "--at", Self.at, "--json"])
    #expect(tasks.scope == community)
    #expect(!tasks.tasks.isEmpty)
    #expect(tasks.tasks.allSatisfy { $0.acknowledged <= $0.assignments && $0.finished <= $0.assignments })
  }

  @Test func dispatchDecodesIntoDispatchJSONAndShowsInTasks() throws {
    let community = "河北街道/水映花城社区"
    let receipt = try decode(
      DispatchJSON.self,
      [
        "dispatch", "--db", Self.store, "--scope", community, "--type", "notice", "--title", "JSON 测试",
        "--ack-within", "2小时", "--at", Self.at, "--json",
      ])
    #expect(receipt.scope == community)
    #expect(receipt.assignments > 0 && receipt.unitLeaders > 0)
    let tasks = try decode(
      TasksJSON.self, ["tasks", "--db", Self.store, "--scope", community, "--at", Self.at, "--json"])
    let task = try #require(tasks.tasks.first { $0.id == receipt.task })
    #expect(task.assignments == receipt.assignments)
    #expect(task.ackDeadline == "2026-11-22T22:00:00+08:00")  // 2小时 after the dispatch
  }

  @Test func hostileNamesSurviveTheSanitiserAndDecode() throws {
    let report = try decode(
      ReportJSON.self,
      ["report", "--db", TerminalOutputTests.store, "--at", TerminalOutputTests.at, "--json"],
      pretty: true)
    #expect(report.children.map(\.name).contains(TerminalOutputTests.street))
    #expect(report.tasks.map(\.title).contains(TerminalOutputTests.title))
  }

  @Test func aRateWithNothingToDivideIsNull() throws {
    #expect(CommandJSON.text(JSONRate(nil)) == "null")
    #expect(CommandJSON.text(JSONRate(0.123456)) == "0.1235")
    #expect(try CommandJSON.decoder.decode(JSONRate.self, from: Data("null".utf8)) == JSONRate(nil))
  }
}
