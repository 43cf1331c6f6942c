import TerminalUI
import WanggeCore

extension Board {
  /// `[` `]` `{` `}` `.`: steps the board's clock by `seconds` (negative: back) over the recorded
  /// events, never past now nor more than ``longestRewind`` back; the board is read-only while back.
  func step(by seconds: Int64, tick: Double) throws -> Bool {
    if lookingBack {
      say(
        words("已用 --at 固定时刻回看：[ ] 不可用", "The board is fixed at --at: [ and ] do not move it"),
        kind: .pending, tick: tick)
      return true
    }
    let next = min(Board.longestRewind.seconds, max(0, rewind.seconds - seconds))
    guard next != rewind.seconds else {
      say(
        next == 0
          ? words("已是实时", "Already live")
          : words("最多回看 30 天", "Looking back goes at most 30 days"),
        kind: .pending, tick: tick)
      return true
    }
    rewind = Span(seconds: next)
    marks.reset()
    try reload(compare: false, tick: tick)
    let c = CellText(words)
    say(
      next == 0
        ? words("回到实时", "Live again")
        : words(
          "回看 \(InstantFormat.short(asOf))（\(c.spanWords(next))前）· 只读 · . 回到实时",
          "Looking back at \(InstantFormat.short(asOf)) (\(c.spanWords(next)) ago) · read-only · . for live"),
      kind: .pending, tick: tick)
    return true
  }

  /// What the header says while looking back with `[`: the instant, how long ago, and that the tallies
  /// of acknowledgements and finishes are the ones recorded now (the store keeps no past tallies;
  /// tasks issued later are left out).
  var rewindHeader: String? {
    guard rewind.seconds > 0 else { return nil }
    let ago = CellText(words).spanWords(rewind.seconds)
    let delta =
      view == .overview
      ? words(" · Δ=现在−当时", " · Δ = now − then") : words(" · 此视图不显示 Δ", " · no Δ in this view")
    return words(
      "回看 \(InstantFormat.short(asOf)) · 早\(ago) · 响应完成数按现有记录",
      "looking back \(InstantFormat.short(asOf)) · \(ago) ago · acks as recorded now") + delta
  }
}
