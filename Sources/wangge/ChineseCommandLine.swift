import ArgumentParser
import Foundation

/// The command line in Chinese: whether to use it (`--lang`, else the locale), `--help` through a
/// translation table keyed by the English text, and Chinese wording for the common errors.
enum ChineseCommandLine {
  /// Chinese when `--lang zh` is given, or without `--lang` when LC_ALL, LC_MESSAGES or LANG (the
  /// first that is set) starts with `zh`; English otherwise.
  static func isChinese(arguments: [String], environment: [String: String]) -> Bool {
    for (i, a) in arguments.enumerated() {
      if a == "--" { break }
      if a == "--lang", i + 1 < arguments.count { return arguments[i + 1].lowercased().hasPrefix("zh") }
      if a.hasPrefix("--lang=") { return a.dropFirst(7).lowercased().hasPrefix("zh") }
    }
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
    return locale?.lowercased().hasPrefix("zh") ?? false
  }

  /// The help of the command the arguments name, in Chinese; nil unless `-h`/`--help` or `wangge help
  /// COMMAND` is asked for.
  static func help(arguments: [String]) -> String? {
    let before = arguments.prefix { $0 != "--" }
    var words = before.filter { !$0.hasPrefix("-") }
    let helpCommand = words.first == "help"
    guard helpCommand || before.contains("--help") || before.contains("-h") else { return nil }
    if helpCommand { words.removeFirst() }
    var command: any ParsableCommand.Type = Wangge.self
    for word in words {
      guard
        let next = command.configuration.subcommands.first(where: { $0._commandName == word })
      else { break }
      command = next
    }
    let english = Wangge.helpMessage(for: command, columns: 10_000)
    return translate(english)
  }

  /// `text` with every phrase of the table in Chinese (longest first, so a phrase inside another is
  /// not translated twice).
  static func translate(_ text: String) -> String {
    var out = text
    for (en, zh) in ordered where out.contains(en) {
      out = out.replacingOccurrences(of: en, with: zh)
    }
    for (pattern, template) in patterns {
      out = out.replacingOccurrences(of: pattern, with: template, options: .regularExpression)
    }
    return out
  }

  private static let ordered = table.merging(commandTable) { a, _ in a }.sorted {
    $0.key.count > $1.key.count
  }

  /// Error sentences with parts that vary (names, paths), as regular expressions.
  static let patterns: [(String, String)] = [
    (#"^(.*): no store here; create one with `(.*)`"#, "$1：这里没有存储；用 `$2` 创建一个"),
    (#"unknown place "([^"]*)"; "([^"]*)" has no "([^"]*)"; it has "#, "没有地点“$1”：“$2”下没有“$3”；它下面有 "),
    (#"unknown place "([^"]*)""#, "没有地点“$1”"),
    (#"The value '([^']*)' is invalid for '([^']*)'"#, "“$1”不是 $2 的有效值"),
    (#"Unknown option '([^']*)'"#, "没有选项 $1"),
    (#"Missing expected argument '([^']*)'"#, "缺少参数 $1"),
    (#"See '([^']*)' for more information\."#, "详见 $1。"),
    (#"See '([^']*)' for detailed help\."#, "详见 $1。"),
    (#""([^"]*)": not a time; use ISO 8601 such as "#, "“$1”不是时间；请用 ISO 8601，例如 "),
    (#"的有效值[.:] ?"#, "的有效值："),
    (#" ?（(默认|可选)：([^)\n]*)\)"#, "（$1：$2）"),
  ]

  /// English help and message text → Chinese.
  static let table: [String: String] = [
    // ArgumentParser's own headings and words.
    "OVERVIEW: ": "概述：", "USAGE: ": "用法：", "OPTIONS:": "选项：", "SUBCOMMANDS:": "子命令：",
    "ARGUMENTS:": "参数：", "Show help information.": "显示帮助。", "(default)": "（默认）",
    "Error: ": "错误：", "Help: ": "帮助：", "Usage: ": "用法：",
    "Please provide one of the following:": "请从以下选一个：", "(values: ": "（可选：", "(default: ": "（默认：",
    // wangge
    "网格 Wangge — community grid epidemic-response command board.": "网格 Wangge — 社区网格防疫指挥看板。",
    "The live command board (the default). With no store configured, runs on a Jiaohe demo store.":
      "实时指挥看板（默认命令）。没有配置存储时，在蛟河演示数据上运行。",
    "Print one view of the board as plain text.": "把看板的一个视图打印为纯文本。",
    "Generate a demo store: jiaohe (as reported), district (1M households) or city (10M).":
      "生成演示数据：jiaohe（按报道）、district（100 万户）或 city（1000 万户）。",
    "Figures for each child of a place and the place's totals.": "某地各下级的数字及该地合计。",
    "Apply JSON Lines events (schema in the README) from FILE or - (standard input).":
      "应用 JSON Lines 事件（格式见 README），来自 FILE 或 -（标准输入）。",
    "Recount every rollup from the raw rows; exit 1 on any mismatch.": "从原始记录重算所有汇总；有不符时退出码 1。",
    "Issue a task to every unit under a place (one transaction, audited).": "向某地下所有单元下发任务（一个事务，记入审计）。",
    "Record an acknowledgement.": "记录一次响应。", "Record a finished assignment.": "记录一项完成。",
    "Tasks in scope with progress, overdue counts and escalation level.": "范围内的任务：进度、超时数和升级级别。",
    "Remind every overdue unit leader of a task (audited).": "提醒某任务所有超时的单元长（记入审计）。",
    "Rank stations, departments or squads by on-time acknowledgement and finish.": "按按时响应和完成给指挥部、部门或小组排名。",
    "Import ledgers (households, leaders, help cases, places) from .csv or .xlsx; all or nothing.":
      "从 .csv 或 .xlsx 导入台账（住户、单元长、帮扶、地点）；要么全部导入，要么都不导入。",
    """
    Re-importing a file changes nothing; a changed row updates that row only. Any bad row: nothing is
    written, every problem is printed as FILE:ROW:COLUMN: problem (fix), exit 1.
    """:
      "重复导入同一文件不改变任何数据；改动的行只更新该行。有任何错误行时：什么都不写入，\n每个问题打印为 文件:行:列: 问题（改法），退出码 1。",
    "Create an empty store for a real grid: its root place and level names, ready for import.":
      "为真实网格建立空存储：根地点和各级名称，可以导入台账。",
    // Options
    "Store file. Default: $WANGGE_DB, else $XDG_DATA_HOME/wangge/wangge.sqlite, else ~/.local/share/wangge/wangge.sqlite.":
      "存储文件。默认：$WANGGE_DB，否则 $XDG_DATA_HOME/wangge/wangge.sqlite，否则 ~/.local/share/wangge/wangge.sqlite。",
    "Place to open, e.g. 河北街道/水映花城社区 (default: the whole grid).": "打开的地点，例如 河北街道/水映花城社区（默认：整个网格）。",
    "View (default: the place's own).": "视图（默认：该地点自己的）。",
    "Language: zh or en (default: from the locale; Chinese when unset).": "语言：zh 或 en（默认：按系统区域设置；未设置时中文）。",
    "Theme name (default, light, high-contrast, mono, or a user theme) or a .toml path.":
      "主题名（default、light、high-contrast、mono 或自定义主题）或 .toml 路径。",
    "Operator name shown in the header (default: the login name).": "标题栏显示的值班员名（默认：登录名）。",
    "Refuse every key that writes (dispatch, undo, remind); the header says 只读. Viewers always are.":
      "拒绝所有写操作的按键（下发、撤销、提醒）；标题栏显示 只读。查看员总是只读。",
    "Board settings file (key = value; default: ~/.config/wangge/board.conf when it exists).":
      "看板设置文件（键 = 值；默认：存在时用 ~/.config/wangge/board.conf）。",
    "Draw East Asian ambiguous characters (①, “”, ─) two columns wide.": "把东亚宽度不定的字符（①、“”、─）按两列宽绘制。",
    "Act as at this instant (ISO 8601, e.g. 2026-11-22T20:00:00+08:00): deadlines are judged and events dated then. Default: now.":
      "按此时刻执行（ISO 8601，例如 2026-11-22T20:00:00+08:00）：按此时刻判断时限并记录事件。默认：现在。",
    "Run the board's clock from this instant on (ISO 8601), for drills and tests: it dispatches and its deadlines move, unlike --at.":
      "看板时钟从此时刻起走（ISO 8601），用于演练和测试：可以下发，时限会走，与 --at 不同。",
    "Place path, e.g. 河北街道/水映花城社区 (default: the whole grid).": "地点路径，例如 河北街道/水映花城社区（默认：整个网格）。",
    "Print JSON (shape in the README).": "输出 JSON（格式见 README）。", "Print JSON.": "输出 JSON。",
    "Count tasks issued in the last N days.": "统计最近 N 天下发的任务。",
    "Place path, e.g. 河北街道/水映花城社区 (the root's name for the whole grid).": "地点路径，例如 河北街道/水映花城社区（整个网格用根地点的名字）。",
    "Task type: screening (排查), notice (通知), visit (走访) or census (敲门核实).":
      "任务类型：screening（排查）、notice（通知）、visit（走访）或 census（敲门核实）。",
    "Title of the task.": "任务标题。", "Details for the unit leaders.": "给单元长的说明。",
    "Window to acknowledge, e.g. 3h, 90m, 1d12h, 3小时 (default: the type's).":
      "响应时限，例如 3h、90m、1d12h、3小时（默认：按类型）。",
    "Window to finish, e.g. 15h, 1天 (default: the type's).": "完成时限，例如 15h、1天（默认：按类型）。",
    "Operator recorded in the audit (default: the login name).": "记入审计的值班员（默认：登录名）。",
    "Ledger files (.csv in UTF-8, UTF-8 with BOM or GB18030; .xlsx).":
      "台账文件（.csv，UTF-8、带 BOM 的 UTF-8 或 GB18030；.xlsx）。",
    "Only rows under this place (e.g. 河北街道/水映花城社区).": "只导入此地点下的行（例如 河北街道/水映花城社区）。",
    "Print what would be added, changed and left; write nothing.": "打印将新增、修改和保留的内容；不写入。",
    "Write the rejected rows with a 问题 column to this file (same format and encoding).":
      "把被拒的行加 问题 列写到此文件（格式和编码相同）。",
    "CSV encoding: utf-8, utf-8-bom, gb18030 (default: detected).":
      "CSV 编码：utf-8、utf-8-bom、gb18030（默认：自动识别）。",
    "The .xlsx sheet to read (default: the first).": "要读的 .xlsx 工作表（默认：第一个）。",
    "Preset: jiaohe, district, city.": "预设：jiaohe、district、city。",
    "Random seed; the same seed and anchor give the same store.": "随机种子；相同种子和锚定时刻生成相同数据。",
    "The demo's \"now\" (ISO 8601); task history is written up to it. Default: now.":
      "演示数据的“现在”（ISO 8601）；任务历史写到此刻为止。默认：现在。",
    "Replace an existing store at the path.": "替换该路径上已有的存储。",
  ]
}
