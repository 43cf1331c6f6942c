import TerminalUI
import WanggeCore
import WanggeStore

extension Board {
  /// `o`, `c`, `x`: the command line, filled in for the selected household or order.
  func startOrderCommand(_ action: BoardAction, tick: Double) {
    guard store is any OrderDesk else { return }
    if writesRefused {
      say(refusedWriteText, kind: .pending, tick: tick)
      return
    }
    switch action {
    case .openOrder:
      guard selectedHousehold != nil else {
        say(words("先选中一户", "Select a household first"), kind: .pending, tick: tick)
        return
      }
      mode = .command(
        LineEditor(
          VisitCells.orderLine(
            cell: cellText(words("走访需求", "Noted")),
            needs: cellText(words("需求", "Needs")))))
    case .claimOrder, .closeOrder:
      guard selectedOrder != nil else {
        say(words("先选中一张工单", "Select an order first"), kind: .pending, tick: tick)
        return
      }
      mode = .command(LineEditor(action == .claimOrder ? "claim " : "close 已送达 "))
    default: return
    }
  }

  /// The selected row's text in the column titled `title`, if the view has one.
  func cellText(_ title: String) -> String? {
    let column = screen.primary.columns.firstIndex { $0.title == title }
    return column.flatMap { i in
      selectedRow?.cells.indices.contains(i) == true ? selectedRow?.cells[i].text : nil
    }
  }

  /// The household of the selected row (help view `h<id>`, households view `hh<id>`).
  var selectedHousehold: Int64? {
    guard let key = selectedRow?.key else { return nil }
    if key.hasPrefix("hh") { return Int64(key.dropFirst(2)) }
    if key.hasPrefix("h") { return Int64(key.dropFirst()) }
    return nil
  }

  /// The order of the selected row of the `工单` view (`o<id>`).
  var selectedOrder: String? {
    guard view == .orders, let key = selectedRow?.key, key.hasPrefix("o") else { return nil }
    return String(key.dropFirst())
  }

  /// `:order KIND ITEMS`, `:claim NAME`, `:close OUTCOME [NOTE]`.
  func runOrderCommand(_ name: BoardCommandName, _ argument: String, tick: Double) throws {
    guard let desk = store as? any OrderDesk else { return }
    if writesRefused {
      say(refusedWriteText, kind: .pending, tick: tick)
      return
    }
    let now = clock.now()
    let parts = argument.split(separator: " ", maxSplits: 1).map(String.init)
    do {
      switch name {
      case .order:
        guard let household = selectedHousehold else {
          say(
            words("先在帮扶或住户视图选中一户", "Select a household in the help or households view"), kind: .late,
            tick: tick)
          return
        }
        guard let kind = parts.first.flatMap(OrderKind.init(word:)), parts.count == 2 else {
          say(
            words("用法：:order 类型 内容（类型：", "Usage: :order KIND ITEMS (kinds: ") + OrderKind.accepted + ")",
            kind: .late, tick: tick)
          return
        }
        let w = try desk.openOrder(
          OrderOpenRequest(
            id: "board-\(household)-\(now.epochSeconds)", householdID: household, kind: kind, items: parts[1],
            openedBy: operatorName, at: now, source: "board"))
        say(words("已开工单 \(w.value.id)", "Opened order \(w.value.id)"), tick: tick)
      case .claim:
        guard let order = selectedOrder else {
          say(words("先在工单视图选中一张工单", "Select an order in the orders view"), kind: .late, tick: tick)
          return
        }
        guard let volunteer = try matchVolunteer(argument, desk: desk, at: now, tick: tick) else { return }
        _ = try desk.act(
          on: order, .claim(volunteer: volunteer), eventID: "board-claim-\(order)-\(now.epochSeconds)",
          at: now,
          source: "board")
        say(words("\(volunteer) 已领单 \(order)", "\(volunteer) claimed \(order)"), tick: tick)
      case .close:
        guard let order = selectedOrder else {
          say(words("先在工单视图选中一张工单", "Select an order in the orders view"), kind: .late, tick: tick)
          return
        }
        guard let outcome = parts.first.flatMap(OrderOutcome.init(word:)) else {
          say(
            words("用法：:close 已送达|拒收|已取消 [备注]", "Usage: :close delivered|refused|cancelled [note]"),
            kind: .late, tick: tick)
          return
        }
        _ = try desk.act(
          on: order, .close(outcome: outcome, by: operatorName, note: parts.count > 1 ? parts[1] : ""),
          eventID: "board-close-\(order)", at: now, source: "board")
        say(words("已结单 \(order)：\(outcome.chineseName)", "Closed \(order): \(outcome.rawValue)"), tick: tick)
      default: return
      }
    } catch let e as OrderDeskError {
      say(e.description, kind: .late, tick: tick)
      return
    }
    let key = selectedRow?.key
    try reload(compare: true, tick: tick)
    // The order keeps the cursor when its new state moves it in the list (c then x acts on the same order).
    if let key, let index = rows.firstIndex(where: { $0.key == key }) {
      var c = cursor
      c.selected = index
      cursor = c
    }
  }

  /// The volunteer `text` names under this place: the exact name, else the one whose name or pinyin
  /// initials start with it; nil (and a message) when none or several match.
  func matchVolunteer(_ text: String, desk: any OrderDesk, at now: Instant, tick: Double) throws -> String? {
    let query = text.trimmingCharacters(in: .whitespaces)
    guard !query.isEmpty else {
      say(words("用法：:claim 姓名或拼音首字母", "Usage: :claim NAME or pinyin initials"), kind: .late, tick: tick)
      return nil
    }
    let names = Set(try desk.volunteers(under: place.id, at: now, limit: 5000).map(\.volunteer.name))
    if names.contains(query) || names.isEmpty { return query }
    let q = query.lowercased()
    let hits = names.filter { $0.hasPrefix(query) || PinyinText.initials($0).lowercased().hasPrefix(q) }
      .sorted()
    switch hits.count {
    case 1: return hits[0]
    case 0:
      say(words("这里没有志愿者“\(query)”", "No volunteer “\(query)” here"), kind: .late, tick: tick)
    default:
      say(
        words("“\(query)”有多人：", "“\(query)” matches: ") + hits.prefix(6).joined(separator: "、"), kind: .late,
        tick: tick)
    }
    return nil
  }
}
