import WanggeCore

extension Board {
  /// Loads what the overview's sparkline shows for the selected row (the hourly on-time response rate over
  /// the last 24 hours), when the selection or the data changed. Drawing reads `history` only.
  func loadHistory(tick: Double) {
    guard view == .overview, let target = selectedRow?.drillTo else {
      history = Self.noHistory
      historyKey = nil
      return
    }
    let key = "\(target)/\(token)/\(asOf.epochSeconds)"
    guard key != historyKey else { return }
    do {
      history = try store.responseHistory(of: target, at: asOf, window: window, hours: 24)
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
