import WanggeCore
import WanggeStore

extension Board {
  /// `:spotcheck N [seed]`: draws N households under the place on screen (seed: the given one, else
  /// the board's time), recorded as the operator's, and opens the `报告` view with the call list.
  func spotCheck(_ argument: String, tick: Double) throws {
    let parts = argument.split(separator: " ").map(String.init)
    guard let n = parts.first.flatMap({ Int($0) }), (1...10_000).contains(n) else {
      say(
        words(":spotcheck 户数（1–10000）[种子]", ":spotcheck HOUSEHOLDS (1–10000) [SEED]"), kind: .late, tick: tick
      )
      return
    }
    guard let desk = store as? any ReportDesk else {
      say(words("此存储不支持督查", "This store has no spot checks"), kind: .late, tick: tick)
      return
    }
    let now = clock.now() - rewind
    let seed = parts.count > 1 ? UInt64(parts[1]) : nil
    let round = try desk.drawSpotCheck(
      SpotCheckDraw(
        scopeID: place.id, households: n, seed: seed ?? UInt64(bitPattern: now.epochSeconds),
        operatorName: operatorName, at: now))
    spotCheckRound = round.id
    say(
      words(
        "已抽取第 \(round.id) 轮 \(round.calls.count) 户（种子 \(round.seed)）",
        "Drew round \(round.id): \(round.calls.count) households (seed \(round.seed))"), tick: tick)
    if view == .reports {
      try reload(compare: false, tick: tick)
    } else {
      try switchView(to: .reports, tick: tick)
    }
  }
}
