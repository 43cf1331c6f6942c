import Foundation
import TerminalUI
import WanggeCore
import WanggeStore

/// What `R` replaces: the unit, its current leader, and the leaders of the scope to pick from.
public struct LeaderReplaceTarget: Sendable {
  public var unitID: Int64
  public var unitLabel: String
  public var currentLeader: String
  public var candidates: [LeaderRow]
}

/// The form of `R` on a unit row: a leader by name or pinyin initials (picked from the scope's
/// leaders), or a new one by name and phone.
enum LeaderReplaceForm {
  static func make(_ language: Language) -> Form {
    let t = Words(language)
    return Form(
      fields: [
        .text(t("单元长（姓名或拼音首字母）", "Leader (name or pinyin initials)"), "", required: true),
        .text(t("电话（新单元长必填）", "Phone (for a new leader)"), ""),
      ], language: language)
  }

  /// The leaders `query` names: the exact name first, else names or pinyin initials starting with it.
  static func matches(_ query: String, in leaders: [LeaderRow]) -> [LeaderRow] {
    let q = query.trimmingCharacters(in: .whitespaces).lowercased()
    guard !q.isEmpty else { return [] }
    let exact = leaders.filter { $0.name == q }
    if !exact.isEmpty { return exact }
    return leaders.filter { $0.name.hasPrefix(q) || PinyinText.initials($0.name).lowercased().hasPrefix(q) }
  }

  /// The change the submitted values ask for, or the problem to show in the form.
  static func change(_ values: [FormValue], target: LeaderReplaceTarget, _ t: Words) -> Result<
    RegistryChange, FormProblem
  > {
    guard case .text(let name) = values[0], case .text(let phoneText) = values[1] else {
      return .failure(FormProblem(message: t("请填写单元长", "Give a leader")))
    }
    let phone = phoneText.trimmingCharacters(in: .whitespaces)
    let unit = GridEvent.UnitRef.id(target.unitID)
    if !phone.isEmpty {
      if let problem = RegistryText.phoneProblem(phone) {
        return .failure(FormProblem(message: t("电话：", "Phone: ") + problem))
      }
      let trimmed = name.trimmingCharacters(in: .whitespaces)
      return .success(.leaderReplaced(unit: unit, name: trimmed, phone: phone, department: ""))
    }
    let found = matches(name, in: target.candidates)
    switch found.count {
    case 0:
      return .failure(
        FormProblem(
          message: t(
            "没有匹配“\(name)”的单元长；新单元长请填写电话", "No leader matches “\(name)”; give a new leader's phone")))
    case 1:
      return .success(.leaderChosen(unit: unit, leader: found[0].leaderID))
    default:
      let names = found.prefix(4).map(\.name).joined(separator: "、")
      return .failure(
        FormProblem(
          message: t(
            "匹配 \(found.count) 位：\(names)…；请输入全名", "\(found.count) match: \(names)…; type the full name")))
    }
  }
}
