import WanggeCore
import WanggeStore

extension Board {
  /// `b`: shows every overview figure as "now Δ since the latest baseline" (again: plain figures).
  func toggleBaseline(tick: Double) throws -> Bool {
    if baseline != nil {
      baseline = nil
      try reload(compare: false, tick: tick)
      say(words("不再对比基线", "Baseline comparison off"), kind: .pending, tick: tick)
      return true
    }
    guard let desk = store as? any MeetingDesk,
      let latest = try desk.baselines().last(where: { $0.at <= asOf })
    else {
      say(
        words("还没有基线：wangge baseline mark --name 早例会", "No baseline yet: wangge baseline mark --name 早例会"),
        kind: .pending, tick: tick)
      return true
    }
    baseline = latest
    try reload(compare: false, tick: tick)
    say(
      words(
        "对比基线「\(latest.name)」\(InstantFormat.short(latest.at))：↑↓ 为变化，绿好红差 · b 关闭",
        "Δ since \(latest.name) \(InstantFormat.short(latest.at)): green better, red worse · b off"),
      kind: .pending, tick: tick)
    return true
  }
}
