import Foundation
import TerminalUI
import WanggeCore
import WanggeStore

extension Board {
  /// `R` on a unit row of the station view: opens the form to replace the unit's leader.
  func startLeaderReplace(tick: Double) throws {
    guard view == .station, let row = selectedRow, row.key.hasPrefix("u"), let unit = row.drillTo,
      row.cells.count > 1
    else {
      say(
        words("R 更换单元长：先在指挥部视图选中一个单元", "R replaces a leader: select a unit in the station view"),
        kind: .pending, tick: tick)
      return
    }
    let leaders = try store.leaders(under: place.id, at: clock.now(), window: window, limit: 5_000).rows
    let target = LeaderReplaceTarget(
      unitID: unit, unitLabel: row.cells[0].text, currentLeader: row.cells[1].text, candidates: leaders)
    mode = .replacingLeader(LeaderReplaceForm.make(words.language), target)
  }

  func handleLeaderReplace(_ key: Key, form: inout Form, target: LeaderReplaceTarget, tick: Double) throws {
    switch form.handle(key) {
    case .cancelled?:
      mode = .normal
    case .submitted(let values)?:
      switch LeaderReplaceForm.change(values, target: target, words) {
      case .failure(let problem):
        form.problem = problem.message
        mode = .replacingLeader(form, target)
      case .success(let change):
        let now = clock.now()
        let event = GridEvent(
          id: "board-leader-\(target.unitID)-\(now.epochSeconds)-\(UUID().uuidString.prefix(8))", at: now,
          kind: .registry(change))
        do {
          _ = try store.ingest([event], recordedAt: now, source: operatorName)
        } catch StoreError.rejected(let list) {
          form.problem = list.map { "\($0.problem.field): \($0.problem.problem)" }.joined(separator: "; ")
          mode = .replacingLeader(form, target)
          return
        }
        mode = .normal
        try reload(compare: false, tick: tick)
        let name = rows.first { $0.drillTo == target.unitID && $0.key.hasPrefix("u") }?.cells[1].text ?? ""
        say(
          words("已更换 \(target.unitLabel) 的单元长：\(name)", "\(target.unitLabel) now led by \(name)"), tick: tick)
      }
    case nil:
      mode = .replacingLeader(form, target)
    }
  }
}
