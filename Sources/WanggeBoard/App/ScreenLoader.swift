import TerminalUI
import WanggeCore
import WanggeStore

/// Loads one view at one place from the store into a `Screen`.
struct ScreenLoader {
  var store: any BoardSource & TaskDesk
  var levels: LevelChain
  var window: Span
  var words: Words
  /// Items the overview's action queue lists at most.
  static let queueLimit = 50

  func load(
    view: BoardView, place: Place, at now: Instant, helpFilter: HelpFilter, helpLimit: Int,
    leaderUnitLimit: Int, openTask: Int64?, groupBy: RankingDimension, liveAt: Instant? = nil,
    baseline: Baseline? = nil, spotCheckRound: Int64? = nil, explainStation: Int64? = nil
  ) throws -> Screen {
    let t = words
    switch view {
    case .overview:
      let figures = try PlaceReport.figures(store: store, scope: place, at: now, window: window)
      // What falls due within the hour, per child and for the scope (each from the task tallies, O(tasks)).
      // The children are read only when some task of the scope has its acknowledge deadline within the
      // hour; most refreshes have none and cost one read.
      var dueSoon: [Int64: Int] = [:]
      let scopeTasks = try store.tasks(in: place.id, at: now, window: window)
      dueSoon[place.id] = OverviewModel.acknowledgementsDueSoon(
        scopeTasks, at: now, within: t.thresholds.amberWithin)
      if dueSoon[place.id] ?? 0 > 0 {
        for id in figures.children.map(\.place.id) {
          dueSoon[id] = OverviewModel.acknowledgementsDueSoon(
            try store.tasks(in: id, at: now, window: window), at: now, within: t.thresholds.amberWithin)
        }
      }
      var table = OverviewModel.make(
        scope: figures.scope, scopeID: place.id, children: figures.children, dueSoon: dueSoon,
        childLevel: levels.name(at: place.depth + 1), t)
      if let baseline, let desk = store as? any MeetingDesk {  // `b`: Δ since the baseline
        let kept = try desk.baselineFigures(baseline.id, for: [place.id] + figures.children.map(\.place.id))
        table = BaselineDelta.mark(
          table, kept: kept, children: figures.children, scope: figures.scope, scopeID: place.id,
          baseline: baseline, t)
      }
      if let desk = store as? any OrderDesk {
        // `工单 待领 · 超时` per child, from the order rollups (shown once the scope has an open order).
        let ids = [place.id] + figures.children.map(\.place.id)
        let orders = try desk.orderFigures(for: ids, at: now)
        if (orders[place.id]?.open ?? 0) > 0 { OrdersModel.addOverviewColumn(&table, orders, t) }
      }
      let dutyGaps = try DutyModel.overview(  // `空岗` per child and in the strip, from the duty rollup
        &table, store as? any DutyDesk, ids: [place.id] + figures.children.map(\.place.id), at: now, t)
      try CensusOverviewColumn.add(  // `核实7天` per child, from the census day rollup (once the scope has one)
        &table, store as? any CensusDesk, scope: place.id, children: figures.children.map(\.place.id),
        at: now, t)
      // The command board: what needs someone now (bounded: see `actionQueue`) and what is running.
      let queue = try store.actionQueue(
        under: place, tasks: scopeTasks, at: now, window: window, limit: Self.queueLimit,
        dueWithin: t.thresholds.amberWithin)
      let inFlight = CommandBoardModel.inFlight(scopeTasks, at: now, t)
      return Screen(
        primary: table, secondary: [CommandBoardModel.queue(queue, t), inFlight],
        strip: CommandBoardModel.strip(
          figures.scope, dueSoon: dueSoon[place.id] ?? 0, queue: queue, inFlight: inFlight.rows.count,
          live: try liveAt.map {
            try PlaceReport.figures(store: store, scope: place, at: $0, window: window).scope
          },
          t)
          + ScreeningModel.strip(
            try (store as? any ScreeningDesk)?.isolationFigures(at: place.id, now: now) ?? IsolationFigures(),
            t) + DutyModel.strip(dutyGaps, scope: place.id, t))
    case .station:
      let units = try store.stationUnits(under: place.id, at: now, window: window)
      let help = try store.helpCases(under: place.id, filter: HelpFilter(), limit: helpLimit)
      let duty = try (store as? any DutyDesk)?.dutyNow(of: place.id, at: now) ?? []
      let decisions = try (store as? any MeetingDesk)?.decisions(of: place.id, at: now) ?? []
      var screen = Screen(
        primary: StationModel.units(
          units, at: now, census: try CensusCells.verified(units, store as? any CensusDesk), t),
        secondary: [
          HelpModel.make(help, filter: HelpFilter(), at: now, title: t("帮扶住户", "Help households"), t)
        ] + (duty.isEmpty ? [] : [DutyModel.team(duty, t)])
          + (decisions.isEmpty ? [] : [DecisionModel.make(decisions, at: now, t)])
          + (try stationIsolation(place: place, at: now, limit: helpLimit)))
      screen.onDuty = DutyModel.onDuty(duty)
      return screen
    case .leaders:
      let page = try store.leaders(under: place.id, at: now, window: window, limit: leaderUnitLimit)
      if page.isTooLarge {
        // Too many units to list leaders one by one: their departments and squads, ranked by the store.
        let departments = try store.rankings(
          by: .department, task: nil, under: place.id, at: now, window: window)
        let squads = try store.rankings(by: .squad, task: nil, under: place.id, at: now, window: window)
        return Screen(
          primary: LeadersModel.storeRanking(
            departments, bySquad: false, unitsInScope: page.unitsInScope, limit: page.limit, t),
          secondary: [
            LeadersModel.storeRanking(
              squads, bySquad: true, unitsInScope: page.unitsInScope, limit: page.limit, t)
          ])
      }
      return Screen(
        primary: LeadersModel.make(page, t),
        secondary: [
          LeadersModel.ranking(page, bySquad: false, t), LeadersModel.ranking(page, bySquad: true, t),
        ])
    case .help:
      let page = try store.helpCases(under: place.id, filter: helpFilter, limit: helpLimit)
      return Screen(
        primary: HelpModel.make(page, filter: helpFilter, at: now, title: t("一对一帮扶", "One-to-one help"), t))
    case .unit:
      let households = try store.households(ofUnit: place.id)
      let checks =
        try (store as? any CensusDesk)?.lastCensusChecks(households: households.map(\.household.id)) ?? [:]
      return Screen(primary: UnitModel.make(households, at: now, checks: checks, t))
    case .tasks:
      return Screen(
        primary: TasksModel.make(try store.tasks(in: place.id, at: now, window: window), at: now, t))
    case .isolation:
      let desk = store as? any ScreeningDesk
      let figures = try desk?.isolationFigures(at: place.id, now: now) ?? IsolationFigures()
      return Screen(
        primary: IsolationModel.cases(
          try desk?.isolationCases(under: place.id, limit: helpLimit) ?? [], figures: figures, at: now,
          title: t("居家隔离", "Home isolation"), t))
    case .orders:
      guard let desk = store as? any OrderDesk else {
        return Screen(primary: TableModel(title: "", columns: [], rows: []))
      }
      let f = try desk.orderFigures(for: [place.id], at: now)[place.id] ?? OrderFigures()
      let rows = try desk.orders(under: place.id, at: now, closedWithin: .days(1), limit: helpLimit)
      return Screen(primary: OrdersModel.make(rows, figures: f, at: now, t))
    case .volunteers:
      guard let desk = store as? any OrderDesk else {
        return Screen(primary: TableModel(title: "", columns: [], rows: []))
      }
      return Screen(
        primary: OrdersModel.volunteers(
          try desk.volunteers(under: place.id, at: now, limit: helpLimit),
          figures: try desk.volunteerFigures(of: place.id, at: now), at: now, t))
    case .reports:
      return try ReportsModel.screen(
        store as? any ReportDesk, place: place, levels: levels, at: now, round: spotCheckRound, t)
    case .score:
      return try ScoresModel.screen(
        store as? any ReportDesk, place: place, at: now, weights: ScoreWeights(), explain: explainStation, t)
    case .taskDetail:
      let summary = try store.tasks(in: place.id, at: now, window: window).first { $0.task.id == openTask }
      if let task = openTask, try store.fanOut(of: place.id).units > leaderUnitLimit {
        // Too many units to list one by one: the task's stations, departments or squads (g), ranked.
        let ranks = try store.rankings(by: groupBy, task: task, under: place.id, at: now, window: window)
        var table = TasksModel.ranking(ranks, by: groupBy, t)
        table.note = t(
          "单元超过 \(NumberText.grouped(leaderUnitLimit)) 个，按\(groupBy == .station ? "指挥部" : groupBy == .department ? "部门" : "小组")汇总",
          "over \(NumberText.grouped(leaderUnitLimit)) units: by \(groupBy.rawValue)")
        return Screen(primary: table)
      }
      guard let task = openTask else {
        var table = TasksModel.assignments([], task: summary, groupBy: groupBy, t)
        table.emptyText = t(
          "单元超过 \(NumberText.grouped(leaderUnitLimit)) 个：请先进入下一级再逐个查看",
          "More than \(NumberText.grouped(leaderUnitLimit)) units here: drill down to list assignments")
        return Screen(primary: table)
      }
      let list = try store.assignments(of: task, under: place.id, at: now, limit: 5000)
      let ranks = try store.rankings(by: groupBy, task: task, under: place.id, at: now, window: window)
      var primary = TasksModel.assignments(list, task: summary, groupBy: groupBy, t)
      var ranking = TasksModel.ranking(ranks, by: groupBy, t)
      if let desk = store as? any ScreeningDesk {  // the board's fakes have none
        ScreeningModel.annotate(&primary, try desk.screeningTotals(task: task, place: place.id), t)
        ScreeningModel.annotate(ranking: &ranking, try desk.screeningGroupTotals(task: task, by: groupBy), t)
      }
      return Screen(primary: primary, secondary: [ranking])
    }
  }
}

extension ScreenLoader {
  /// The station's checks due today and people expected today (none for a store without screening,
  /// or when nothing of either is there, so a station without isolation looks as before).
  func stationIsolation(place: Place, at now: Instant, limit: Int) throws -> [TableModel] {
    guard let desk = store as? any ScreeningDesk else { return [] }
    let figures = try desk.isolationFigures(at: place.id, now: now)
    let arrivals = try desk.expectedArrivals(under: place.id, day: LocalDay(now), limit: limit)
    var out: [TableModel] = []
    if figures.active > 0 {
      let due = try desk.isolationCases(under: place.id, limit: limit)
      out.append(IsolationModel.checksToday(due, figures: figures, at: now, words))
    }
    if !arrivals.isEmpty { out.append(IsolationModel.arrivals(arrivals, words)) }
    return out
  }
}
