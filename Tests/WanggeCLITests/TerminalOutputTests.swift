import ArgumentParser
import Foundation
import GRDB
import TerminalUI
import Testing

@testable import wangge

/// Commands run in process on a Jiaohe store whose names and titles hold ESC sequences, BEL,
/// OSC title sets, C1 controls and U+202E: nothing of it reaches standard output or error raw.
@Suite(.serialized)
struct TerminalOutputTests {
  static let at = "2026-11-22T20:00:00+08:00"
  static let street = "\u{1B}[2J民主\u{202E}街道\u{07}"
  static let title = "\u{1B}]0;pwned\u{07}排查\nforged line\t\u{9B}31m"
  static let department = "\u{1B}[31m红\u{202E}局\u{7F}"

  /// A Jiaohe demo store with a street, the newest task and a department renamed (made once).
  static let store: String = {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wangge-cli-\(getpid())")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let path = dir.appendingPathComponent("hostile.sqlite").path
    try? FileManager.default.removeItem(atPath: path)
    _ = run(["demo", "--preset", "jiaohe", "--db", path, "--anchor", at])
    let db = try! DatabaseQueue(path: path)
    try! db.write { d in
      try d.execute(sql: "UPDATE place SET name = ? WHERE name = '民主街道'", arguments: [street])
      try d.execute(
        sql: "UPDATE task SET title = ? WHERE id = (SELECT max(id) FROM task)", arguments: [title])
      try d.execute(sql: "UPDATE department SET name = ? WHERE id = 1", arguments: [department])
    }
    try! db.close()
    return path
  }()

  /// Runs `arguments` in process and returns what it printed (exit status 0 expected unless told).
  @discardableResult
  static func run(_ arguments: [String]) -> (out: String, err: String, status: Int32) {
    let capture = OutputCapture()
    let status = OutputCapture.$current.withValue(capture) { () -> Int32 in
      do {
        var command = try Wangge.parseAsRoot(arguments)
        try command.run()
        return 0
      } catch {
        return Wangge.report(error)
      }
    }
    return (capture.standardOutput, capture.standardError, status)
  }

  /// No control, C1 or bidirectional character other than the layout's own line feeds and tabs.
  static func isClean(_ text: String) -> Bool {
    !text.unicodeScalars.contains { $0 != "\n" && $0 != "\t" && Sanitiser.isEscaped($0) }
  }

  @Test func reportShowsHostileNamesEscaped() {
    let r = Self.run(["report", "--db", Self.store, "--at", Self.at])
    #expect(r.status == 0)
    #expect(Self.isClean(r.out) && Self.isClean(r.err))
    #expect(r.out.contains("\\e[2J民主<U+202E>街道\\x07"))
    #expect(r.out.contains("\\e]0;pwned\\x07排查\\nforged line\\t<U+009B>31m"))
    #expect(!r.out.split(separator: "\n").contains { $0.hasPrefix("forged line") })
  }

  @Test func reportJSONStaysValidAndMeansTheSameNames() throws {
    let r = Self.run(["report", "--db", Self.store, "--at", Self.at, "--json"])
    #expect(Self.isClean(r.out))
    #expect(r.out.contains("\\u202e"))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
    let names = (object["children"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
    #expect(names.contains(Self.street))
    let titles = (object["tasks"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
    #expect(titles.contains(Self.title))
  }

  @Test func tasksEscapeTheTitleAndKeepOneLinePerTask() throws {
    let r = Self.run(["tasks", "--db", Self.store, "--at", Self.at])
    #expect(r.status == 0)
    #expect(Self.isClean(r.out))
    let lines = r.out.split(separator: "\n")
    #expect(lines.count >= 2)
    #expect(lines.allSatisfy { $0.first?.isNumber == true })
    #expect(r.out.contains("\\e]0;pwned\\x07排查\\nforged line\\t<U+009B>31m"))
    let json = Self.run(["tasks", "--db", Self.store, "--at", Self.at, "--json"])
    #expect(Self.isClean(json.out))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
    let titles = (object["tasks"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
    #expect(titles.contains(Self.title))
  }

  @Test func rankingsEscapeDepartmentNames() {
    let task = Self.run(["tasks", "--db", Self.store, "--at", Self.at]).out.prefix { $0.isNumber }
    let r = Self.run([
      "rankings", "--db", Self.store, "--by", "department", "--task", String(task), "--at", Self.at,
    ])
    #expect(r.status == 0)
    #expect(Self.isClean(r.out))
    #expect(r.out.contains("\\e[31m红<U+202E>局\\x7F"))
  }

  @Test func validationErrorsEchoInputEscaped() {
    let hostile = "\u{1B}]0;x\u{07}\u{202E}"
    for arguments in [
      ["tasks", "--db", Self.store, "--days", hostile],
      ["dispatch", "--db", Self.store, "--scope", "x", "--type", hostile, "--title", "t"],
      ["rankings", "--db", Self.store, "--by", hostile],
      ["report", hostile],
    ] {
      let r = Self.run(arguments)
      #expect(r.status != 0, "\(arguments)")
      #expect(r.out.isEmpty)
      #expect(Self.isClean(r.err), "\(arguments)")
      #expect(r.err.contains("\\e]0;x\\x07<U+202E>"), "\(arguments): \(r.err)")
    }
  }

  @Test func errorMessagesAreSanitised() {
    let capture = OutputCapture()
    OutputCapture.$current.withValue(capture) {
      printError("--scope: unknown place \"\u{1B}[2J\u{202E}\"")
    }
    #expect(capture.standardError == "wangge: --scope: unknown place \"\\e[2J<U+202E>\"\n")
  }

  @Test func everyPrintInTheExecutableIsSanitised() {
    let capture = OutputCapture()
    OutputCapture.$current.withValue(capture) {
      print("unit", "\u{1B}[2J\u{202E}", 3)
      print("a\tb", terminator: "")
    }
    #expect(capture.standardOutput == "unit \\e[2J<U+202E> 3\na\tb")
  }

  @Test func helpStillGoesToStandardOutputWithStatusZero() {
    let r = Self.run(["report", "--help"])
    #expect(r.status == 0)
    #expect(r.out.contains("USAGE: wangge report"))
    #expect(r.err.isEmpty)
  }
}
