/// The board's views; which ones a place offers depends on its level.
public enum BoardView: String, CaseIterable, Sendable {
  case overview, station, leaders, help, unit

  /// The view's tab name.
  public func name(_ t: Words) -> String {
    switch self {
    case .overview: t("总览", "Overview")
    case .station: t("指挥部", "Station")
    case .leaders: t("单元长", "Leaders")
    case .help: t("帮扶", "Help")
    case .unit: t("住户", "Households")
    }
  }
}
