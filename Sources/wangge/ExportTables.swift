import WanggeCore
import WanggeLedger
import WanggeStore

/// The exports that are not ledgers (`units`, `tasks`, `report`): what the board shows, as tables with
/// Chinese headers for the same CSV/.xlsx writers. Leaders' phones are masked unless `reveal`.
enum ExportTables {
  /// The kinds besides the four ledgers.
  static let kinds = ["units", "tasks", "report"]

  /// Every unit under `scope`: its path, leader, households, coverage and the latest task's state.
  static func units(_ s: any GridStore, scope: Place, at now: Instant, window: Span, reveal: Bool) throws
    -> LedgerTable
  {
    let levels = try s.levels()
    let depth = levels.unitDepth
    let header =
      Array(levels.names.dropFirst()) + ["单元长", "电话", "部门", "户数", "已对接户数", "已建群", "当前任务", "任务状态"]
    var rows: [[String]] = []
    let scopePath = try s.path(of: scope.id)
    for station in try stations(s, from: scope, stationDepth: levels.stationDepth ?? depth - 2) {
      let stationPath = try s.path(of: station.id)
      for u in try s.stationUnits(under: station.id, at: now, window: window) {
        let path = stationPath.segments + u.label
        guard path.starts(with: scopePath.segments) else { continue }  // scope below the station
        let padded = path + Array(repeating: "", count: max(0, depth - path.count))
        let state = u.currentTask.map { $0.assignment.state(at: now, deadlines: $0.deadlines) }
        rows.append(
          padded + [
            u.leaderName, reveal ? u.leaderPhone : PhoneMask.mask(u.leaderPhone), u.department,
            String(u.households), String(u.reached), u.groupBuilt ? "是" : "否",
            u.currentTask.map { "#\($0.taskID) \($0.title)" } ?? "", state.map(stateWord) ?? "",
          ])
      }
    }
    return LedgerTable(header: header, rows: rows, numberColumns: [depth + 3, depth + 4])
  }

  /// Tasks issued within `window` before `now` that reach `scope`, with their tallies under it.
  static func tasks(_ s: any GridStore, scope: Place, at now: Instant, window: Span) throws -> LedgerTable {
    let header = [
      "编号", "类型", "标题", "下发时间", "响应时限", "完成时限", "单元", "已响应", "按时响应", "已完成", "按时完成", "响应超时",
      "完成超时", "升级至", "催办",
    ]
    let rows = try s.tasks(in: scope.id, at: now, window: window).map { t in
      [
        String(t.task.id), t.task.type.chineseName, t.task.title, InstantFormat.iso(t.task.issuedAt),
        InstantFormat.iso(t.deadlines.ack), InstantFormat.iso(t.deadlines.finish), String(t.tally.assigned),
        String(t.tally.acknowledged), String(t.tally.acknowledgedOnTime), String(t.tally.finished),
        String(t.tally.finishedOnTime), String(t.acknowledgementsOverdue), String(t.finishesOverdue),
        t.escalation.chineseName, String(t.reminders),
      ]
    }
    return LedgerTable(header: header, rows: rows, numberColumns: Set(6...12).union([14]))
  }

  /// `wangge report` of `scope` as a table: one row per child, then the scope's 合计 row.
  static func report(_ s: any GridStore, scope: Place, at now: Instant, window: Span) throws -> LedgerTable {
    let r = try PlaceReport.make(store: s, scope: scope, at: now, window: window)
    let header = [
      "名称", "户数", "人数", "单元", "单元长", "响应率", "完成率", "响应超时", "完成超时", "对接率", "帮扶户", "帮扶逾期", "绿色通道",
    ]
    func cells(_ name: String, _ f: PlaceFigures) -> [String] {
      func pct(_ v: Double?) -> String { v.map { String(format: "%.1f%%", $0 * 100) } ?? "" }
      return [
        name, String(f.households), String(f.people), String(f.units), String(f.unitLeaders),
        pct(f.responseRate),
        pct(f.completionRate), String(f.acknowledgementsOverdue), String(f.finishesOverdue),
        pct(f.coverageRate),
        String(f.helpCases), String(f.helpOverdue), String(f.greenChannelOpen),
      ]
    }
    let rows = r.children.map { cells($0.place.name, $0.figures) } + [cells("合计", r.scope.figures)]
    return LedgerTable(header: header, rows: rows, numberColumns: [1, 2, 3, 4, 7, 8, 10, 11, 12])
  }

  /// The stations (compounds) at or under `scope`, or the one above it when `scope` lies below.
  static func stations(_ s: any GridStore, from scope: Place, stationDepth: Int) throws -> [Place] {
    if scope.depth == stationDepth { return [scope] }
    if scope.depth > stationDepth {
      var p = scope
      while p.depth > stationDepth, let up = p.parentID, let parent = try s.place(id: up) { p = parent }
      return [p]
    }
    var out: [Place] = []
    var stack = [scope]
    while let p = stack.popLast() {
      let kids = try s.children(of: p.id)
      if p.depth + 1 == stationDepth { out += kids } else { stack += kids.reversed() }
    }
    return out
  }

  static func stateWord(_ s: AssignmentState) -> String {
    switch s {
    case .pending: "待响应"
    case .acknowledgedOnTime: "已响应"
    case .acknowledgedLate: "迟响应"
    case .acknowledgementOverdue: "响应超时"
    case .finishedOnTime: "按时完成"
    case .finishedLate: "迟完成"
    case .finishOverdue: "完成超时"
    }
  }
}
