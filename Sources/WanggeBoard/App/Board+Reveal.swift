import TerminalUI
import WanggeCore
import WanggeStore

/// How the board reveals one household: the store's operator desk and the connected role. The
/// command sets it (``Board/revealer``); without it `v` says this board cannot reveal.
public struct BoardRevealer: Sendable {
  public var desk: any OperatorDesk
  public var role: OperatorRole
  public init(desk: any OperatorDesk, role: OperatorRole) {
    self.desk = desk
    self.role = role
  }
}

/// The household `v` asks a reason for.
public struct RevealTarget: Sendable, Hashable {
  public var householdID: Int64
  /// The room, for the prompt (not personal data).
  public var room: String
}

/// One household shown in full until `until` (board seconds), then forgotten.
struct RevealShown {
  var household: RevealedHousehold
  var until: Double
}

extension Board {
  /// How long a revealed household stays in full on screen (seconds).
  public static let revealSeconds: Double = 30

  /// The household whose full name and phone the board shows at `tick` (nil: none).
  public func revealedHouseholdID(at tick: Double) -> Int64? {
    guard let shown = revealed, tick < shown.until else { return nil }
    return shown.household.householdID
  }

  /// The household a row of the unit or help view stands for (`hh12` in a unit, `h12` in help).
  func householdID(ofRowKey key: String) -> Int64? {
    switch view {
    case .unit where key.hasPrefix("hh"): Int64(key.dropFirst(2))
    case .help where key.hasPrefix("h") && !key.hasPrefix("hh"): Int64(key.dropFirst(1))
    default: nil
    }
  }

  /// `v` on a household row: asks for a reason, unless the board may not reveal.
  func startReveal(tick: Double) {
    guard let row = selectedRow, let id = householdID(ofRowKey: row.key) else {
      say(
        words("v 查看完整姓名和电话：先在单元或帮扶视图选中一户", "v reveals a name and phone: select a household first"),
        kind: .pending, tick: tick)
      return
    }
    if let refusal = revealRefusal {
      say(refusal, kind: .late, tick: tick)
      return
    }
    let room = roomColumn.flatMap { row.cells.indices.contains($0) ? row.cells[$0].text : nil } ?? ""
    mode = .revealing(LineEditor(), RevealTarget(householdID: id, room: room))
  }

  /// Why the board may not reveal now, in the board's language (nil: it may).
  var revealRefusal: String? {
    if isReadOnly {
      return words(
        "回看模式只读：不能查看完整姓名和电话（按 . 回到实时）", "Looking back is read-only: no reveal (. returns to live)")
    }
    if access.readOnly {
      return words(
        "只读：不能查看完整姓名和电话（只读模式或查看员）", "Read-only: no reveal (read-only mode or viewer)")
    }
    guard let revealer else {
      return words("这个看板不能查看完整姓名和电话", "This board cannot reveal names and phones")
    }
    guard revealer.role.allows(.reveal) else {
      return words(
        "你的角色是\(Self.roleWord(revealer.role, words))，不能查看完整姓名和电话（需要指挥长或管理员）",
        "Your role is \(revealer.role.rawValue): revealing a name and phone needs commander or admin")
    }
    return nil
  }

  static func roleWord(_ role: OperatorRole, _ t: Words) -> String {
    switch role {
    case .viewer: t("查看员", "viewer")
    case .station: t("指挥部", "station")
    case .commander: t("指挥长", "commander")
    case .admin: t("管理员", "admin")
    }
  }

  /// The reason prompt: Enter reveals (2–200 characters), Esc cancels.
  func handleRevealPrompt(_ key: Key, editor: inout LineEditor, target: RevealTarget, tick: Double) throws {
    switch key {
    case .escape, .ctrl("c"):
      mode = .normal
      say(words("已取消：未查看，未记录", "Cancelled: nothing revealed or recorded"), kind: .pending, tick: tick)
    case .enter:
      let reason = editor.text.trimmingCharacters(in: .whitespaces)
      guard OperatorError.isValidReason(reason) else {
        say(
          words(
            "理由需 2–200 个字（现在 \(reason.count) 个）", "The reason needs 2–200 characters (now \(reason.count))"),
          kind: .late, tick: tick)
        mode = .revealing(editor, target)
        return
      }
      mode = .normal
      if let refusal = revealRefusal {
        say(refusal, kind: .late, tick: tick)
        return
      }
      guard let revealer else { return }
      do {
        let household = try revealer.desk.reveal(
          household: target.householdID, reason: reason, by: operatorName, at: clock.now())
        revealed = RevealShown(household: household, until: tick + Self.revealSeconds)
      } catch let error as OperatorError {
        revealed = nil
        say(revealFailure(error), kind: .late, tick: tick)
      }
    default:
      _ = editor.handle(key)
      mode = .revealing(editor, target)
    }
  }

  /// A refused reveal, in the board's language; never the household's data.
  func revealFailure(_ error: OperatorError) -> String {
    switch error {
    case .notAllowed(_, let role, _):
      words(
        "你的角色是\(Self.roleWord(role, words))，不能查看完整姓名和电话（需要指挥长或管理员）；未记录",
        "Your role is \(role.rawValue): revealing needs commander or admin; nothing recorded")
    case .unknownHousehold:
      words("这一户不在你的辖区或已不存在；未查看，未记录", "That household is outside your scope or gone; nothing recorded")
    case .badReason:
      words("理由需 2–200 个字；未查看，未记录", "The reason needs 2–200 characters; nothing recorded")
    default:
      words("未能查看：", "Not revealed: ") + error.description
    }
  }

  /// `rows` with the revealed household's full name and phone while its 30 s run (drawing only:
  /// `rows`, copies and filters keep the masked text).
  public func revealing(_ rows: [ModelRow], at tick: Double) -> [ModelRow] {
    guard let shown = revealed, tick < shown.until else { return rows }
    let columns = focusedTable.columns.map(\.title)
    let name = columns.firstIndex(of: words("户主", "Head"))
    let phone = columns.firstIndex(of: words("电话", "Phone"))
    let style = Style(.accent, attributes: .bold)
    return rows.map { row in
      guard householdID(ofRowKey: row.key) == shown.household.householdID else { return row }
      var row = row
      if let name, row.cells.indices.contains(name) {
        row.cells[name] = TableCell(shown.household.headName, style: style)
      }
      if let phone, row.cells.indices.contains(phone) {
        row.cells[phone] = TableCell(shown.household.phone, style: style)
      }
      return row
    }
  }

  var roomColumn: Int? { focusedTable.columns.firstIndex { $0.title == words("房号", "Room") } }

  /// The status line while a household is shown in full: its room and the seconds left.
  func revealLine(at tick: Double) -> String? {
    guard let shown = revealed, tick < shown.until else { return nil }
    let left = Int((shown.until - tick).rounded(.up))
    let room = shown.household.room
    return words(
      "已记录查看 \(room) 的完整姓名和电话 · \(left) 秒后隐藏", "Reveal of \(room) recorded · hidden again in \(left) s")
  }

  /// Forgets an expired reveal and returns when the countdown next changes (nil: nothing shown).
  func revealRedraw(tick: Double) -> Double? {
    guard let shown = revealed else { return nil }
    guard tick < shown.until else {
      revealed = nil
      return nil
    }
    let left = (shown.until - tick).rounded(.up)
    return min(shown.until, shown.until - (left - 1))
  }
}
