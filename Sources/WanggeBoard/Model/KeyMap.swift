import TerminalUI

/// What a key does on the board.
public enum BoardAction: String, Sendable, CaseIterable {
  case up, down, pageUp, pageDown, top, bottom, drill, back, upLevel, nextView, previousView, filter, sort,
    reverseSort
  case flagFilter, modeFilter, command, help, pause, quit, jumpView
  case dispatch, undo, remind, group, queue, replaceLeader, reveal, finishAssignment
  case hourBack, hourForward, dayBack, dayForward, live, actionOnly, copy, baseline, explain
  case openOrder, claimOrder, closeOrder
}

/// One binding of the live key map; `?` help and the hint bar are generated from these.
public struct KeyBinding: Sendable {
  public var keys: [Key]
  /// How the keys are written in help, e.g. "↑ k".
  public var label: String
  public var action: BoardAction
  public var zh: String
  public var en: String
  /// Shown in the bottom hint bar (the rest only in `?`).
  public var inHintBar: Bool
  /// Views where the binding applies (nil: all).
  public var views: Set<BoardView>?
}

/// The board's key map.
public enum KeyMap {
  public static let bindings: [KeyBinding] = [
    KeyBinding(
      keys: [.up, .char("k")], label: "↑ k", action: .up, zh: "上一行", en: "previous row", inHintBar: false),
    KeyBinding(
      keys: [.down, .char("j")], label: "↓ j", action: .down, zh: "下一行", en: "next row", inHintBar: false),
    KeyBinding(keys: [.pageUp], label: "PgUp", action: .pageUp, zh: "上一页", en: "page up", inHintBar: false),
    KeyBinding(
      keys: [.pageDown, .char(" ")], label: "PgDn Space", action: .pageDown, zh: "下一页", en: "page down",
      inHintBar: false),
    KeyBinding(
      keys: [.home], label: "Home", action: .top, zh: "第一行", en: "first row", inHintBar: false),
    KeyBinding(
      keys: [.end, .char("G")], label: "End G", action: .bottom, zh: "最后一行", en: "last row", inHintBar: false),
    KeyBinding(
      keys: [.enter, .right, .char("l")], label: "Enter", action: .drill, zh: "进入", en: "open",
      inHintBar: true),
    KeyBinding(
      keys: [.escape], label: "Esc", action: .back, zh: "返回", en: "back",
      inHintBar: true),
    KeyBinding(
      keys: [.backspace, .left, .char("h")], label: "← h", action: .upLevel, zh: "上一级（退格键同）",
      en: "up one level (Backspace too)",
      inHintBar: false),
    KeyBinding(keys: [.tab], label: "Tab", action: .nextView, zh: "切换视图", en: "next view", inHintBar: true),
    KeyBinding(
      keys: [.backTab], label: "Shift-Tab", action: .previousView, zh: "上一视图", en: "previous view",
      inHintBar: false),
    KeyBinding(keys: [.char("/")], label: "/", action: .filter, zh: "筛选", en: "filter", inHintBar: true),
    KeyBinding(keys: [.char("s")], label: "s", action: .sort, zh: "排序", en: "sort", inHintBar: true),
    KeyBinding(
      keys: [.char("S")], label: "S", action: .reverseSort, zh: "反向排序", en: "reverse sort", inHintBar: false),
    KeyBinding(
      keys: [.char("f")], label: "f", action: .flagFilter, zh: "按情况筛选", en: "filter by flag", inHintBar: true,
      views: [.help]),
    KeyBinding(
      keys: [.char("f")], label: "f", action: .finishAssignment, zh: "填写排查结果（完成）",
      en: "record a result (finish)", inHintBar: true, views: [.taskDetail]),
    KeyBinding(
      keys: [.char("m")], label: "m", action: .modeFilter, zh: "按方式筛选", en: "filter by mode", inHintBar: true,
      views: [.help]),
    KeyBinding(
      keys: [.char("R")], label: "R", action: .replaceLeader, zh: "更换单元长", en: "replace leader",
      inHintBar: false, views: [.station]),
    KeyBinding(
      keys: [.char("v")], label: "v", action: .reveal, zh: "查看完整姓名和电话（需填理由，30秒）",
      en: "reveal name and phone (a reason, 30 s)", inHintBar: false, views: [.unit, .help]),
    KeyBinding(
      keys: [.char("d")], label: "d", action: .dispatch, zh: "下发任务", en: "dispatch", inHintBar: true),
    KeyBinding(
      keys: [.char("u")], label: "u", action: .undo, zh: "撤销下发（10秒内）", en: "undo dispatch (10 s)",
      inHintBar: false),
    KeyBinding(
      keys: [.char("r")], label: "r", action: .remind, zh: "提醒超时单元长", en: "remind overdue leaders",
      inHintBar: true,
      views: [.tasks, .taskDetail, .overview]),
    KeyBinding(
      keys: [.char("a")], label: "a", action: .queue, zh: "待办/下级 切换", en: "action queue / places",
      inHintBar: true, views: [.overview]),
    KeyBinding(
      keys: [.char("g")], label: "g", action: .group, zh: "分组：指挥部/部门/小组", en: "group by station/dept/squad",
      inHintBar: true, views: [.taskDetail]),
    KeyBinding(
      keys: [.char("o")], label: "o", action: .openOrder, zh: "为选中住户开工单",
      en: "open an order for the household",
      inHintBar: false, views: [.help, .unit]),
    KeyBinding(
      keys: [.char("c")], label: "c", action: .claimOrder, zh: "为志愿者领单（姓名或拼音首字母）",
      en: "claim for a volunteer (name or pinyin initials)", inHintBar: false, views: [.orders]),
    KeyBinding(
      keys: [.char("x")], label: "x", action: .closeOrder, zh: "结单（已送达/拒收/已取消）",
      en: "close (delivered/refused/cancelled)", inHintBar: false, views: [.orders]),
    KeyBinding(keys: [.char(":")], label: ":", action: .command, zh: "命令", en: "command", inHintBar: true),
    KeyBinding(
      keys: (1...9).map { .char(Character("\($0)")) }, label: "1–9", action: .jumpView, zh: "切换到第 N 个视图",
      en: "switch to the N-th view", inHintBar: false),
    KeyBinding(
      keys: [.char("?"), .function(1)], label: "? F1", action: .help, zh: "帮助", en: "help", inHintBar: true),
    KeyBinding(
      keys: [.char("p")], label: "p", action: .pause, zh: "暂停/继续刷新", en: "pause refresh", inHintBar: true),
    KeyBinding(
      keys: [.char("!")], label: "!", action: .actionOnly, zh: "只看需处理的行（再按恢复）",
      en: "only rows needing action (again: all)", inHintBar: false),
    KeyBinding(
      keys: [.char("y")], label: "y", action: .copy, zh: "复制表格（TSV）", en: "copy the table (TSV)",
      inHintBar: false),
    KeyBinding(
      keys: [.char("[")], label: "[", action: .hourBack, zh: "回看：早一小时", en: "look back an hour",
      inHintBar: false),
    KeyBinding(
      keys: [.char("]")], label: "]", action: .hourForward, zh: "回看：晚一小时", en: "an hour forward",
      inHintBar: false),
    KeyBinding(
      keys: [.char("{")], label: "{", action: .dayBack, zh: "回看：早一天", en: "look back a day", inHintBar: false),
    KeyBinding(
      keys: [.char("}")], label: "}", action: .dayForward, zh: "回看：晚一天", en: "a day forward",
      inHintBar: false),
    KeyBinding(
      keys: [.char("b")], label: "b", action: .baseline, zh: "对比基线：现在（较最近基线的变化）",
      en: "now with Δ since the latest baseline (again: off)", inHintBar: false),
    KeyBinding(
      keys: [.char(".")], label: ".", action: .live, zh: "回到实时", en: "back to live", inHintBar: false),
    KeyBinding(
      keys: [.char("e")], label: "e", action: .explain, zh: "说明得分（依据的行与时间）",
      en: "explain the score (the rows and times behind it)", inHintBar: true, views: [.score]),
    KeyBinding(
      keys: [.char("q"), .ctrl("c"), .function(10)], label: "q F10", action: .quit, zh: "退出", en: "quit",
      inHintBar: true),
  ]

  /// The action bound to `key` in `view`, if any.
  public static func action(for key: Key, in view: BoardView) -> BoardAction? {
    bindings.first { $0.keys.contains(key) && ($0.views?.contains(view) ?? true) }?.action
  }

  /// The bindings that apply in `view`.
  public static func active(in view: BoardView) -> [KeyBinding] {
    bindings.filter { $0.views?.contains(view) ?? true }
  }
}

/// The `:` commands, for completion and help.
public enum BoardCommandName: String, CaseIterable, Sendable {
  case goto, theme, lang, view, order, claim, close, spotcheck, decision, q

  public func help(_ t: Words) -> String {
    switch self {
    case .goto: t(":goto 路径|片段|拼音首字母 — 跳转到地点", ":goto PATH|fragment|pinyin initials — go to a place")
    case .theme: t(":theme 名称 — 切换主题", ":theme NAME — change theme")
    case .lang: t(":lang zh|en — 切换语言", ":lang zh|en — change language")
    case .view: t(":view overview|station|leaders|help|unit — 切换视图", ":view NAME — change view")
    case .order: t(":order 类型 内容 — 为选中住户开工单", ":order KIND ITEMS — open an order for the household")
    case .claim: t(":claim 姓名|拼音首字母 — 领单", ":claim NAME|initials — claim the order")
    case .close: t(":close 已送达|拒收|已取消 [备注] — 结单", ":close OUTCOME [note] — close the order")
    case .spotcheck: t(":spotcheck 户数 [种子] — 督查抽样", ":spotcheck HOUSEHOLDS [SEED] — draw a spot check")
    case .decision:
      t(
        ":decision [任务 排查 [3h 15h] / | 工单 买药 户号 [内容] /] 事项 / 负责人 [/ 时限] — 记录例会决定（可即派任务或开工单）",
        ":decision [task TYPE [ACK FINISH] / | order KIND HOUSEHOLD [ITEMS] /] TEXT / OWNER [/ DUE] — record a decision (it can dispatch a task or open an order)"
      )
    case .q: t(":q — 退出", ":q — quit")
    }
  }
}
