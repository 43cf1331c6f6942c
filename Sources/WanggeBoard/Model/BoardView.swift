/// The board's views; which ones a place offers depends on its level.
public enum BoardView: String, CaseIterable, Sendable {
  case overview, station, leaders, help, unit, tasks
  /// Home-isolation cases in scope, most overdue first (stores without screening have no such tab).
  case isolation
  /// Service orders (工单) and volunteers (志愿者) of the place.
  case orders, volunteers
  /// One task's assignments (opened with Enter from `tasks`; not a tab of its own).
  case taskDetail = "task"
  /// Incident reports up the chain, their marks and the spot-check call list.
  case reports
  /// Stations ranked by their score, `e` explaining one.
  case score

  /// Views opened with `:view` (or `:spotcheck`) that show as a tab only while open, above a unit.
  public static let onDemand: Set<BoardView> = [.reports, .score]

  /// The view's tab name.
  public func name(_ t: Words) -> String {
    switch self {
    case .overview: t("总览", "Overview")
    case .station: t("指挥部", "Station")
    case .leaders: t("单元长", "Leaders")
    case .help: t("帮扶", "Help")
    case .unit: t("住户", "Households")
    case .tasks: t("任务", "Tasks")
    case .orders: t("工单", "Orders")
    case .volunteers: t("志愿者", "Volunteers")
    case .taskDetail: t("任务详情", "Task")
    case .isolation: t("隔离", "Isolation")
    case .reports: t("报告", "Reports")
    case .score: t("考核", "Scores")
    }
  }
}
