import Foundation
import TerminalUI
import WanggeCore
import WanggeStore

extension Board {
  /// `f` on an assignment of the task detail: opens the short result form of its finish.
  func startScreeningFinish(tick: Double) throws {
    guard view == .taskDetail, let task = openTask, let row = selectedRow, row.key.hasPrefix("a"),
      let unit = Int64(row.key.dropFirst())
    else {
      say(
        words("f 填写排查结果：先在任务详情里选中一个单元", "f records a result: select a unit in the task detail"),
        kind: .pending, tick: tick)
      return
    }
    var rooms: [String: Int64] = [:]
    for h in try store.households(ofUnit: unit) { rooms[h.household.room] = h.household.id }
    let label = row.cells.count > 1 ? row.cells[1].text : "\(unit)"
    mode = .finishingScreening(
      ScreeningFinishForm.make(words.language),
      ScreeningFinishTarget(task: task, unitID: unit, unitLabel: label, rooms: rooms))
  }

  func handleScreeningFinish(_ key: Key, form: inout Form, target: ScreeningFinishTarget, tick: Double) throws
  {
    switch form.handle(key) {
    case .cancelled?:
      mode = .normal
    case .submitted(let values)?:
      let now = clock.now()
      switch ScreeningFinishForm.result(values, target: target, at: now, words) {
      case .failure(let problem):
        form.problem = problem.message
        mode = .finishingScreening(form, target)
      case .success(let json):
        let event = GridEvent(
          id: "board-done-\(target.task)-\(target.unitID)-\(now.epochSeconds)-\(UUID().uuidString.prefix(8))",
          at: now, kind: .finished(task: target.task, unit: .id(target.unitID), result: json))
        do {
          _ = try store.ingest([event], recordedAt: now, source: operatorName)
        } catch StoreError.rejected(let list) {
          form.problem = list.map { "\($0.problem.field): \($0.problem.problem)" }.joined(separator: "; ")
          mode = .finishingScreening(form, target)
          return
        }
        mode = .normal
        try reload(compare: false, tick: tick)
        say(words("已记录 \(target.unitLabel) 的排查结果", "Result recorded for \(target.unitLabel)"), tick: tick)
      }
    case nil:
      mode = .finishingScreening(form, target)
    }
  }
}
