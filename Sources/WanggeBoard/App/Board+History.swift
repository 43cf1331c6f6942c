import WanggeCore

extension Board {
  /// Loads what the overview's sparkline shows for the selected row (the hourly on-time response rate over
  /// the last 24 hours), when the selection or the data changed. Drawing reads `history` only.
  func loadHistory(tick: Double) {
    guard view == .overview else {
      history = Self.noHistory
      historyKey = nil
      return
    }
    // The selected child's graph; from the action queue (or with no child), the scope's own.
    let child = onQueue ? nil : selectedRow.flatMap { row in row.drillTo.map { (row, $0) } }
    let target = child?.1 ?? place.id
    historyPlace = child?.0.cells.first?.text ?? place.name
    let key = "\(target)/\(token)/\(asOf.epochSeconds)"
    guard key != historyKey else { return }
    do {
      history = try store.responseHistory(of: target, at: asOf, window: window, hours: 24)
      historyOpenTasks = try store.tasks(in: target, at: asOf, window: window).filter {
        $0.deadlines.ack > asOf && $0.tally.assigned > 0
      }.count
      historyKey = key
    } catch {
      history = Self.noHistory
      historyKey = nil
      say(
        words("读取 24 小时曲线失败：", "Could not read the 24-hour history: ") + "\(error)", kind: .overdue,
        tick: tick)
    }
  }

  static let noHistory: [Double?] = Array(repeating: nil, count: 24)
}
