import TerminalUI
import WanggeCore
import WanggeStore

/// The live board: where the operator is, what is loaded, and what the keys do. Renders into a
/// `Buffer` (see `BoardRenderer`), so every screen is testable without a terminal.
public final class Board {
  /// Text input the board is waiting for, or an overlay.
  public enum Mode: Sendable {
    case normal
    case filtering(LineEditor)
    case command(LineEditor)
    case help
    /// The dispatch form (`d`).
    case dispatching(Form)
    /// The confirmation after the form: a second, deliberate key.
    case confirming(ConfirmModal, DispatchRequest)
    /// The confirmation before `r` reminds the overdue leaders of a task.
    case confirmingReminder(ConfirmModal, task: Int64)
    /// The form of `R`: replace the selected unit's leader (Board+Replace).
    case replacingLeader(Form, LeaderReplaceTarget)
    /// The reason prompt of `v` before one household is revealed (Board+Reveal).
    case revealing(LineEditor, RevealTarget)
    /// The result form of `f` on an assignment of the task detail (Board+ScreeningFinish).
    case finishingScreening(Form, ScreeningFinishTarget)
  }

  /// Selection and sort of one view at one place, kept while moving around.
  struct Cursor {
    var selected = 0
    var offset = 0
    var sort: TableSort?
    var filter = ""
    /// `!`: only the rows that need action (a red, amber or critical cell).
    var actionOnly = false
  }

  public let store: any BoardSource & TaskDesk
  public let clock: any Clock
  public var words: Words
  public var themeName: String
  public var operatorName: String
  /// The spot-check round drawn on the board (`:spotcheck`), shown in the `报告` view.
  public var spotCheckRound: Int64?
  /// The station whose score `e` explains in the `考核` view.
  public var explainStation: Int64?
  public var storeLabel: String
  public var isDemo: Bool
  /// True when the board shows the store as it stood at its clock's fixed instant (`--at`): read-only.
  public let lookingBack: Bool
  /// The operator's scope and whether the board may write (see ``BoardAccess``).
  public var access = BoardAccess()
  /// How far the board's clock is stepped back with `[` `{` (0: live); read-only while above 0.
  public internal(set) var rewind = Span(seconds: 0)
  /// The baseline `b` compares every overview figure with (nil: plain figures).
  public internal(set) var baseline: Baseline?
  /// The automatic baselines this board marks at their times (Board+AutoBaseline).
  public var autoBaseline = AutoBaseline()
  /// The longest step back (`{` stops there).
  public static let longestRewind = Span.days(30)
  /// Looking back with `--at` or with `[` `{` (read-only; see also ``writesRefused``).
  public var isReadOnly: Bool { lookingBack || rewind.seconds > 0 }
  /// True when the clock is a drill clock (`--start-at`), not the machine's: the header says so.
  public var drillClock = false
  public var window: Span = .days(7)
  public let levels: LevelChain
  public internal(set) var trail: [Place]
  public internal(set) var view: BoardView
  /// The screens Esc returns to, newest last.
  var backStack: [HistoryEntry] = []
  public internal(set) var mode: Mode = .normal
  public internal(set) var paused = false
  public internal(set) var screen: Screen
  public internal(set) var asOf: Instant
  /// Live, or the server is away and the figures are stale (see ``take(_:tick:)``).
  public internal(set) var connection: ConnectionState = .live
  public internal(set) var helpFilter = HelpFilter()
  /// The first line the `?` help shows (it scrolls when it does not fit).
  public internal(set) var helpScroll = 0
  /// What was typed into the `?` help (it filters the entries) and the entry Enter runs.
  public internal(set) var helpQuery = ""
  public internal(set) var helpSelected = 0
  /// A theme asked for with `:theme`, for the runner to apply.
  public var requestedTheme: String?
  /// Text `y` copied, for the runner to hand to the terminal (OSC 52).
  public var requestedClipboard: String?
  /// Whether the terminal is known to take OSC 52 (see `OSC52.isKnownToWork`); if not, `y` also
  /// writes a file.
  public var clipboardWorks = false
  /// Where `y` writes its file (`$TMPDIR`, else /tmp).
  public var copyDirectory = "/tmp"
  var cursors: [String: Cursor] = [:]
  var token: Int64
  var marks = ChangeMarks()
  var messages = MessageCenter()
  /// The places `:goto` searches anywhere, read on first use (see ``PlaceDirectory``).
  var placeDirectory: PlaceDirectory?
  /// The overview's 24-hour graph for the selected row, loaded with the view (see `loadHistory`).
  public internal(set) var history: [Double?] = Board.noHistory
  /// Tasks of the graphed place still inside their acknowledge window (the graph leaves them out).
  public internal(set) var historyOpenTasks = 0
  /// The place the graph is of (the selected child, or the scope itself from the action queue).
  public internal(set) var historyPlace: String?
  var historyKey: String?
  /// The cursor is in the overview's action queue rather than the children table.
  public internal(set) var queueFocus = false
  /// The completions above the command line, loaded as the operator types.
  public internal(set) var commandCompletions: [String] = []
  /// What a dispatch from here would reach, loaded when the dispatch form opens.
  public internal(set) var dispatchPreview: FanOut?
  /// Help cases listed at most, and units above which leaders are not listed one by one.
  public var helpLimit = 500
  public var leaderUnitLimit = 20_000
  /// The task whose assignments the task detail shows.
  public internal(set) var openTask: Int64?
  /// What the task detail groups by (`g` cycles).
  public internal(set) var groupBy: RankingDimension = .station
  /// The last dispatch, which `u` withdraws until `until` (board seconds).
  var undo: (task: Int64, until: Double)?
  /// What the undo line says before its countdown ("已下发任务 #7 到 53 个单元").
  var undoText = ""
  /// The filled-in form of a cancelled confirmation, which `d` reopens.
  public internal(set) var dispatchDraft: Form?
  /// Seconds after a dispatch during which `u` withdraws it.
  public var undoWindow: Double = 10
  /// How `v` reveals a household (set by the command; nil: the board cannot reveal).
  public var revealer: BoardRevealer?
  /// The household shown in full after `v`, forgotten after ``revealSeconds`` (Board+Reveal).
  var revealed: RevealShown?

  /// Opens the board at the root (or at `start`), in the place's default view (or `view`).
  public init(
    store: any BoardSource & TaskDesk, clock: any Clock, language: Language, themeName: String,
    operatorName: String,
    storeLabel: String, isDemo: Bool, start: Place? = nil, view: BoardView? = nil, lookingBack: Bool = false,
    thresholds: BoardThresholds = .standard
  ) throws {
    self.lookingBack = lookingBack
    self.store = store
    self.clock = clock
    self.words = Words(language, thresholds: thresholds)
    self.themeName = themeName
    self.operatorName = operatorName
    self.storeLabel = storeLabel
    self.isDemo = isDemo
    self.levels = try store.levels()
    let root = try store.root()
    self.trail = [root]
    self.view = .overview
    self.asOf = clock.now()
    self.token = try store.changeToken()
    self.screen = Screen(primary: TableModel(title: "", columns: [], rows: []))
    if let start, start.id != root.id { trail = try Self.trail(to: start.id, store: store) }
    let views = availableViews
    self.view =
      view.flatMap { views.contains($0) || (BoardView.onDemand.contains($0) && !isUnit) ? $0 : nil }
      ?? views[0]
    try reload(compare: false, tick: 0)
  }

  static func trail(to id: Int64, store: any BoardSource & TaskDesk) throws -> [Place] {
    var out: [Place] = []
    var next: Int64? = id
    while let current = next, let place = try store.place(id: current) {
      out.insert(place, at: 0)
      next = place.parentID
    }
    return out
  }

  public var place: Place { trail[trail.count - 1] }
  var isUnit: Bool { place.depth >= levels.unitDepth }

  /// The views this place offers, its default first.
  public var availableViews: [BoardView] {
    var views: [BoardView]
    if isUnit {
      views = [.unit, .help, .tasks, .orders]
    } else if place.hasStation {
      views = [.station, .overview, .leaders, .help, .tasks, .orders, .volunteers]
    } else {
      views = [.overview, .leaders, .help, .tasks, .orders, .volunteers]
    }
    if store is any ScreeningDesk { views.append(.isolation) }
    // 报告 opens with `:view reports` or `:spotcheck` and shows as a tab while open (like a task).
    if !isUnit && BoardView.onDemand.contains(view) { views.append(view) }
    if openTask != nil && view == .taskDetail { views.append(.taskDetail) }
    return views
  }

  var cursorKey: String { "\(place.id)/\(view.rawValue)" + (onQueue ? "/queue" : "") }
  /// True when the cursor is in the overview's action queue (`a` moves it there and back).
  var onQueue: Bool { queueFocus && view == .overview && !screen.secondary.isEmpty }
  /// The table the cursor moves in: the overview's action queue when focused, else the primary table.
  public var focusedTable: TableModel { onQueue ? screen.secondary[0] : screen.primary }
  var cursor: Cursor {
    get { cursors[cursorKey] ?? Cursor(sort: defaultSort) }
    set { cursors[cursorKey] = newValue }
  }

  var defaultSort: TableSort? {
    switch view {
    case .leaders: TableSort(column: 5, ascending: true)
    default: nil
    }
  }

  /// The primary table's rows after the filter and sort.
  public var rows: [ModelRow] {
    let rows = focusedTable.visibleRows(filter: cursor.filter, sort: cursor.sort)
    return cursor.actionOnly ? rows.filter(\.needsAction) : rows
  }
  public var selectedRow: ModelRow? {
    let rows = rows
    return rows.indices.contains(cursor.selected) ? rows[cursor.selected] : nil
  }

  /// Reads what the current view shows from the store.
  public func reload(compare: Bool, tick: Double) throws {
    let now = clock.now() - rewind
    // The token is read before the data it guards: a commit landing during the load changes the store's
    // token after this one, so the next poll sees it and loads again.
    let before = try store.changeToken()
    // One snapshot for everything on screen (and one read transaction's cost instead of one per read).
    try store.readingTogether {
      screen = try ScreenLoader(store: store, levels: levels, window: window, words: words).load(
        view: view, place: place, at: now, helpFilter: helpFilter, helpLimit: helpLimit,
        leaderUnitLimit: leaderUnitLimit, openTask: openTask, groupBy: groupBy,
        liveAt: rewind.seconds > 0 ? clock.now() : nil, baseline: baseline, spotCheckRound: spotCheckRound,
        explainStation: explainStation)
      screen.greenAlert = try (store as? any OrderDesk).flatMap { d in
        try d.orderFigures(for: [place.id], at: now)[place.id].flatMap {
          OrdersModel.greenAlert($0, at: now, words)
        }
      }
      asOf = now
      token = before
      var all = screen.primary.rows + screen.secondary.flatMap(\.rows)
      if let totals = screen.primary.totals { all.append(totals) }
      marks.record(all.map { ($0.key, $0.cells.map(\.text)) }, compare: compare, now: tick)
      var c = cursor
      c.selected = max(0, min(c.selected, rows.count - 1))
      cursor = c
      loadHistory(tick: tick)
    }
  }

  /// Keeps the primary table's scroll offset that the last frame used (the runner calls it after drawing).
  public func keepScroll(_ offset: Int) {
    var c = cursor
    c.offset = offset
    cursor = c
  }

  /// Polls the store's change signal; on a change re-reads what is on screen. True when redrawn data.
  public func refreshIfChanged(tick: Double) throws -> Bool {
    markScheduledBaselineIfDue(tick: tick)
    guard !paused else { return false }
    let current = try store.changeToken()
    guard current != token else { return false }
    try reload(compare: true, tick: tick)
    return true
  }

  /// Moves to `id` (anywhere in the grid) in its default view; Esc comes back here.
  public func go(to id: Int64, tick: Double) throws {
    let next = try Self.trail(to: id, store: store)
    guard withinScope(next) else {
      if let target = next.last { say(outOfScopeText(target), kind: .late, tick: tick) }
      return
    }
    remember()
    trail = next
    view = availableViews[0]
    marks.reset()
    try reload(compare: false, tick: tick)
  }

  /// Shows `next` at this place; with `remembering`, Esc returns to the view left.
  func switchView(to next: BoardView, tick: Double, remembering: Bool = false) throws {
    guard
      availableViews.contains(next) || next == .taskDetail || (BoardView.onDemand.contains(next) && !isUnit),
      next != view
    else { return }
    if remembering { remember() }
    view = next
    marks.reset()
    try reload(compare: false, tick: tick)
  }

  /// Shows a short message at the bottom.
  func say(_ text: String, kind: StatusKind = .done, tick: Double) {
    messages.show(text, kind: kind, now: tick)
  }

  /// When the screen must be redrawn without a key or a data change (marks or a message expiring,
  /// or the next minute, when countdowns move).
  public func nextTimedRedraw(tick: Double) -> Double? {
    [
      marks.expiry(now: tick), messages.toast.flatMap { $0.isVisible(at: tick) ? $0.expiresAt : nil },
      undoSecondsLeft(at: tick).map { _ in nextUndoTick(after: tick) }, revealRedraw(tick: tick),
    ]
    .compactMap { $0 }.min()
  }
}
