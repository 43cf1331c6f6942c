import WanggeCore

extension Board {
  /// The hourly on-time response rate over the last 24 hours for the overview's selected row.
  public func selectedHistory() -> [Double?] {
    guard view == .overview, let target = selectedRow?.drillTo else {
      return Array(repeating: nil, count: 24)
    }
    let key = "\(target)/\(token)"
    if let cached = historyCache[key] { return cached }
    let values =
      (try? store.responseHistory(of: target, at: asOf, window: window, hours: 24))
      ?? Array(repeating: nil, count: 24)
    historyCache = [key: values]
    return values
  }
}
