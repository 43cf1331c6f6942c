import Foundation
import TerminalUI
import WanggeBoard

/// `wangge gallery`: every TerminalUI widget (an example of the library, kept in the executable) with Chinese and English sample data, on three pages.
///
/// Pure state + render, so it is tested as screens; the command only runs ``EventLoop``.
public struct Gallery {
  /// Below this size the gallery shows the too-small screen.
  public static let minimumSize = Size(width: 80, height: 24)
  public static let pageCount = 3
  /// Rows in the large table on page 3.
  public static let largeRowCount = 100_000

  /// Which part of the gallery takes the keys.
  public enum Focus: Sendable, Hashable { case browse, prompt, form }

  public var language: Language
  public var themeName: String
  public var colorInfo: String
  public var page = 0
  public var focus: Focus = .browse
  public var selected = 0
  public var offset = 0
  public var sort: TableSort? = TableSort(column: 3, ascending: false)
  public var largeSelected = 0
  public var largeOffset = 0
  public var prompt = LineEditor("协作路")
  public var form: Form
  public var lastSubmitted: String?
  public var modal: ConfirmModal?
  public var messages = MessageCenter()
  /// Whether `.` has flipped the bottom-right cell (a one-cell change for measuring redraw bytes).
  public var marker = false

  public init(language: Language = .zh, themeName: String = "default", colorInfo: String = "") {
    self.language = language
    self.themeName = themeName
    self.colorInfo = colorInfo
    self.form = Gallery.makeForm(language)
  }

  func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

  static func makeForm(_ language: Language) -> Form {
    let zh = language == .zh
    return Form(
      fields: [
        .text(zh ? "任务名称" : "Task", zh ? "核酸排查 Screening" : "Screening 核酸排查", required: true),
        .choice(
          zh ? "下发层级" : "Issued to",
          options: zh
            ? ["街道", "社区", "小区", "楼栋", "单元"] : ["street", "community", "compound", "building", "unit"],
          selected: 1),
        .duration(zh ? "响应时限" : "Ack within", "3h", grammar: .wangge),
        .duration(zh ? "完成时限" : "Finish within", "15h", grammar: .wangge),
        .text(zh ? "备注" : "Note", ""),
      ], language: language)
  }

  /// The community rows in the current sort order.
  public var sortedCommunities: [GallerySample] {
    let rows = GallerySample.communities
    guard let sort else { return rows }
    let ordered: [GallerySample]
    switch sort.column {
    case 0: ordered = rows.sorted { $0.name < $1.name }
    case 1: ordered = rows.sorted { $0.units < $1.units }
    case 2: ordered = rows.sorted { $0.acknowledged < $1.acknowledged }
    case 3: ordered = rows.sorted { $0.rate < $1.rate }
    default: ordered = rows.sorted { $0.status.rawValue < $1.status.rawValue }
    }
    return sort.ascending ? ordered : ordered.reversed()
  }

  // MARK: Keys

  /// Applies a key at time `now` (seconds); returns false to quit.
  public mutating func handle(_ key: Key, now: Double) -> Bool {
    if var dialog = modal {
      if let result = dialog.handle(key) {
        modal = nil
        let confirmed = result == .confirmed
        messages.show(
          confirmed ? t("已下发到 12 个单元", "Sent to 12 units") : t("已取消", "Cancelled"),
          kind: confirmed ? .done : .pending, now: now)
      } else {
        modal = dialog
      }
      return true
    }
    switch focus {
    case .prompt:
      switch key {
      case .escape: focus = .browse
      case .enter:
        messages.show(t("搜索：", "Search: ") + prompt.text, kind: .done, now: now)
        focus = .browse
      default: prompt.handle(key)
      }
      return true
    case .form:
      switch form.handle(key) {
      case .cancelled: focus = .browse
      case .submitted(let values):
        lastSubmitted = values.map(Gallery.describe).joined(separator: " · ")
        messages.show(t("表单已提交", "Form submitted"), kind: .done, now: now)
        focus = .browse
      case nil: break
      }
      return true
    case .browse:
      return handleBrowse(key, now: now)
    }
  }

  static func describe(_ value: FormValue) -> String {
    switch value {
    case .text(let text): return text.isEmpty ? "—" : text
    case .choice(_, let label): return label
    case .duration(let seconds): return DurationGrammar.wangge.format(seconds)
    }
  }

  mutating func handleBrowse(_ key: Key, now: Double) -> Bool {
    let count = page == 2 ? Gallery.largeRowCount : GallerySample.communities.count
    var position = page == 2 ? largeSelected : selected
    switch key {
    case .char("q"), .char("Q"), .ctrl("c"): return false
    case .tab, .right: page = (page + 1) % Gallery.pageCount
    case .backTab, .left: page = (page + Gallery.pageCount - 1) % Gallery.pageCount
    case .char(let c) where ("1"..."3").contains(c): page = Int(String(c))! - 1
    case .up, .char("k"): position -= 1
    case .down, .char("j"): position += 1
    case .pageUp: position -= 10
    case .pageDown: position += 10
    case .home, .char("g"): position = 0
    case .end, .char("G"): position = count - 1
    case .char("s"):
      let next = ((sort?.column ?? -1) + 1) % 5
      sort = TableSort(column: next, ascending: true)
    case .char("r"):
      if let current = sort { sort = TableSort(column: current.column, ascending: !current.ascending) }
    case .char("i"), .char("/"):
      page = 1
      focus = .prompt
    case .char("f"):
      page = 1
      focus = .form
    case .char("d"):
      modal = ConfirmModal(
        title: t("确认下发", "Confirm"),
        message: t("向 12 个单元下发排查任务？", "Send the screening task to 12 units?"), language: language)
    case .char("t"):
      messages.show(t("3 个单元超过响应时限", "3 units missed the ack deadline"), kind: .overdue, now: now)
    case .char("."):
      marker.toggle()
    case .char("L"):
      language = language == .zh ? .en : .zh
      form = Gallery.makeForm(language)
    default: break
    }
    position = max(0, min(count - 1, position))
    if page == 2 { largeSelected = position } else { selected = position }
    return true
  }

  // MARK: Drawing

  /// Draws the gallery into `buffer` (or the too-small screen); returns the cursor position.
  public mutating func render(into buffer: inout Buffer, now: Double) -> (x: Int, y: Int)? {
    if TooSmallScreen.renderIfNeeded(minimum: Gallery.minimumSize, buffer: &buffer, language: language) {
      return nil
    }
    let rows = Layout.split(buffer.area, .vertical, [.length(1), .length(1), .fill(1), .length(1)])
    let pageNames = [
      t("表格与指标", "Table & gauges"), t("输入与表单", "Input & form"), t("十万行与对话框", "100,000 rows & dialogs"),
    ]
    StatusLine(
      left: " 网格 Wangge · \(t("组件样例", "Gallery")) [\(page + 1)/\(Gallery.pageCount)] \(pageNames[page])",
      right: "\(t("主题", "theme")) \(themeName)\(colorInfo.isEmpty ? "" : " · \(colorInfo)") ", role: .banner
    ).render(in: rows[0], buffer: &buffer)
    Breadcrumbs(GallerySample.path).render(in: rows[1].inset(horizontal: 1, vertical: 0), buffer: &buffer)
    var cursor: (x: Int, y: Int)?
    switch page {
    case 0: renderOverview(in: rows[2], buffer: &buffer)
    case 1: cursor = renderInput(in: rows[2], buffer: &buffer)
    default: renderLarge(in: rows[2], buffer: &buffer)
    }
    KeyHintBar(hints).render(in: rows[3].inset(horizontal: 1, vertical: 0), buffer: &buffer)
    if marker {
      // `.` flips exactly one cell: the redraw-bytes probe of Tests/e2e/gallery.sh.
      var cell = buffer[buffer.width - 1, buffer.height - 1]
      cell.symbol = "•"
      buffer.set(buffer.width - 1, buffer.height - 1, cell)
    }
    if let toast = messages.current(at: now) {
      toast.render(in: buffer.area, buffer: &buffer)
    }
    if let modal {
      modal.render(in: buffer.area, buffer: &buffer)
      return nil
    }
    return cursor
  }

  var hints: [KeyHint] {
    if modal != nil {
      return [
        KeyHint("y", t("确定", "yes")), KeyHint("n", t("取消", "no")), KeyHint("←→", t("选择", "choose")),
        KeyHint("Enter", t("回答", "answer")),
      ]
    }
    switch focus {
    case .prompt:
      return [
        KeyHint("Esc", t("返回", "back")), KeyHint("Enter", t("搜索", "search")), KeyHint("←→", t("移动", "move")),
        KeyHint("Home/End", t("行首/行尾", "start/end")), KeyHint("^U ^K ^W", t("删除", "delete")),
      ]
    case .form:
      return [
        KeyHint("Tab", t("下一项", "next field")), KeyHint("Shift-Tab", t("上一项", "previous")),
        KeyHint("←→", t("选项", "option")), KeyHint("Enter", t("提交", "submit")),
        KeyHint("Esc", t("返回", "back")),
      ]
    case .browse:
      return [
        KeyHint("q", t("退出", "quit")), KeyHint("Tab", t("下一页", "next page")),
        KeyHint("↑↓", t("选择", "select")),
        KeyHint("s/r", t("排序", "sort")), KeyHint("i", t("输入", "input")), KeyHint("f", t("表单", "form")),
        KeyHint("d", t("对话框", "dialog")), KeyHint("t", t("提示", "toast")), KeyHint("L", "中文/English"),
      ]
    }
  }

  func communityColumns() -> [TableColumn] {
    [
      TableColumn(t("名称", "Name"), width: .fill(1)),
      TableColumn(t("单元", "Units"), width: .length(7), alignment: .right),
      TableColumn(t("已响应", "Acked"), width: .length(7), alignment: .right),
      TableColumn(t("响应率", "Rate"), width: .length(7), alignment: .right),
      TableColumn(t("状态", "Status"), width: .length(9)),
    ]
  }

  func cells(_ sample: GallerySample) -> [TableCell] {
    [
      TableCell(sample.name),
      TableCell(NumberText.grouped(sample.units)),
      TableCell(NumberText.grouped(sample.acknowledged)),
      TableCell(NumberText.percent(sample.rate), style: Style(sample.status.role)),
      TableCell(sample.status.label(language), style: sample.status.style),
    ]
  }

  mutating func renderOverview(in area: Rect, buffer: inout Buffer) {
    let columns = Layout.split(area, .horizontal, [.fill(3), .fill(2)])
    let tableArea = Box(title: t("社区响应率", "Community response")).render(in: columns[0], buffer: &buffer)
    let rows = sortedCommunities
    let visible = max(1, tableArea.height - 1)
    offset = Table.offset(keeping: selected, visible: visible, current: offset, rowCount: rows.count)
    Table(columns: communityColumns(), rows: rows.map(cells), selected: selected, offset: offset, sort: sort)
      .render(in: tableArea, buffer: &buffer)

    let right = Layout.split(columns[1], .vertical, [.length(7), .length(5), .fill(1)])
    let gauges = Box(title: t("响应率", "Response rate")).render(in: right[0], buffer: &buffer)
    for (index, sample) in GallerySample.communities.prefix(gauges.height).enumerated() {
      Gauge(ratio: sample.rate, label: sample.name, role: sample.status.role, labelWidth: 10)
        .render(in: gauges.row(index), buffer: &buffer)
    }
    let sparks = Box(title: t("近12小时响应", "Acks, last 12 hours")).render(in: right[1], buffer: &buffer)
    for (index, sample) in GallerySample.communities.prefix(sparks.height).enumerated() {
      let parts = Layout.split(sparks.row(index), .horizontal, [.length(10), .fill(1)], spacing: 1)
      buffer.put(sample.name, in: parts[0], style: Style(.text))
      Sparkline(values: sample.trend, role: .accent).render(in: parts[1], buffer: &buffer)
    }
    let legend = Box(title: t("状态图例", "Status legend")).render(in: right[2], buffer: &buffer)
    for (index, kind) in StatusKind.allCases.prefix(legend.height).enumerated() {
      buffer.put(kind.label(language), in: legend.row(index), style: kind.style)
    }
  }

  mutating func renderInput(in area: Rect, buffer: inout Buffer) -> (x: Int, y: Int)? {
    let parts = Layout.split(area, .vertical, [.length(6), .fill(1)])
    let promptArea = Box(title: t("文本输入（i 进入）", "Prompt (press i)")).render(in: parts[0], buffer: &buffer)
    var cursor: (x: Int, y: Int)?
    let prompt = TextPrompt(label: t("搜索：", "Search: "), editor: prompt, isFocused: focus == .prompt)
    if let position = prompt.render(in: promptArea.row(0).inset(horizontal: 1, vertical: 0), buffer: &buffer),
      focus == .prompt
    {
      cursor = position
    }
    let help = [
      t("←/→ 移动  Home/End 行首/行尾  Backspace/Del 删除", "←/→ move  Home/End start/end  Backspace/Del delete"),
      t("Ctrl-U 删至行首  Ctrl-K 删至行尾  Ctrl-W 删一词", "Ctrl-U to start  Ctrl-K to end  Ctrl-W word"),
      t("光标按显示宽度定位：中文占两列。", "Cursor placed by display width: CJK takes two columns."),
    ]
    for (index, line) in help.enumerated() where index + 1 < promptArea.height {
      buffer.put(line, in: promptArea.row(index + 1).inset(horizontal: 1, vertical: 0), style: Style(.muted))
    }
    let formBox = Box(title: t("表单：下发排查任务（f 进入）", "Form: issue a screening task (press f)"))
      .render(in: parts[1], buffer: &buffer)
    var shownForm = form
    if focus != .form { shownForm.focus = -1 }
    if let position = shownForm.render(in: formBox.inset(horizontal: 1, vertical: 0), buffer: &buffer),
      focus == .form
    {
      cursor = position
    }
    if let lastSubmitted, formBox.height > form.fields.count + 3 {
      buffer.put(
        t("已提交：", "Submitted: ") + lastSubmitted,
        in: formBox.row(form.fields.count + 3).inset(horizontal: 1, vertical: 0), style: Style(.good))
    }
    return cursor
  }

  mutating func renderLarge(in area: Rect, buffer: inout Buffer) {
    let title = t(
      "网格 \(NumberText.grouped(largeSelected + 1))/\(NumberText.grouped(Gallery.largeRowCount)) 行",
      "Grid row \(NumberText.grouped(largeSelected + 1)) of \(NumberText.grouped(Gallery.largeRowCount))")
    let inner = Box(title: title).render(in: area, buffer: &buffer)
    let visible = max(1, inner.height - 1)
    largeOffset = Table.offset(
      keeping: largeSelected, visible: visible, current: largeOffset, rowCount: Gallery.largeRowCount)
    let language = language
    Table(
      columns: communityColumns(), rowCount: Gallery.largeRowCount, selected: largeSelected,
      offset: largeOffset
    ) {
      index in
      let sample = GallerySample.generatedRow(index)
      return [
        TableCell(sample.name), TableCell(NumberText.grouped(sample.units)),
        TableCell(NumberText.grouped(sample.acknowledged)),
        TableCell(NumberText.percent(sample.rate), style: Style(sample.status.role)),
        TableCell(sample.status.label(language), style: sample.status.style),
      ]
    }.render(in: inner, buffer: &buffer)
  }
}
