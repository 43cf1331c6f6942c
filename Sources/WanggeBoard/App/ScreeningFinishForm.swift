import Foundation
import TerminalUI
import WanggeCore
import WanggeStore

/// What `f` finishes: one assignment of the open task, and the unit's households by room (a
/// returnee or a person to isolate is named by room, as a leader knows them).
public struct ScreeningFinishTarget: Sendable {
  public var task: Int64
  public var unitID: Int64
  public var unitLabel: String
  /// Room → household id, for the unit being finished.
  public var rooms: [String: Int64]
}

/// The short result form of `f` on an assignment: households checked, returnees (`1201 张伟 山东临沂`,
/// optionally the arrival day, `;` between people), people to isolate (`1201 张伟`, optionally 高/中/低),
/// problems (`;` between them). The values become the screening result of the finish (README: the
/// result schema), checked with ``ScreeningResult/parse(_:at:)`` before it is sent.
enum ScreeningFinishForm {
  static func make(_ language: Language) -> Form {
    let t = Words(language)
    return Form(
      fields: [
        .text(t("排查户数", "Households checked"), "", required: true),
        .text(t("返乡人员（房号 姓名 来自 [日期]；分号隔开）", "Returnees (room name from [day]; ; between)"), ""),
        .text(t("需隔离（房号 姓名 [高/中/低]；分号隔开）", "To isolate (room name [high/medium/low]; ; between)"), ""),
        .text(t("发现问题（分号隔开）", "Problems (; between)"), ""),
      ], language: language)
  }

  static func entries(_ text: String) -> [[String]] {
    text.split(whereSeparator: { $0 == ";" || $0 == "；" }).map {
      $0.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map(String.init)
    }.filter { !$0.isEmpty }
  }

  static func risk(_ word: String) -> String? {
    switch word.lowercased() {
    case "高", "高风险", "high": "high"
    case "中", "中风险", "medium": "medium"
    case "低", "低风险", "low": "low"
    default: nil
    }
  }

  /// The result JSON the values describe, or the problem to show in the form.
  static func result(_ values: [FormValue], target: ScreeningFinishTarget, at now: Instant, _ t: Words)
    -> Result<String, FormProblem>
  {
    guard values.count == 4, case .text(let checkedText) = values[0], case .text(let back) = values[1],
      case .text(let isolate) = values[2], case .text(let problems) = values[3]
    else { return .failure(FormProblem(message: t("请填写排查户数", "Give the households checked"))) }
    guard let checked = Int(checkedText.trimmingCharacters(in: .whitespaces)), checked >= 0 else {
      return .failure(
        FormProblem(message: t("排查户数：请填写整数，如 12", "Households checked: a whole number such as 12")))
    }
    func household(_ room: String, _ what: String) -> Result<Int64, FormProblem> {
      guard let id = target.rooms[room] else {
        return .failure(
          FormProblem(
            message: t(
              "\(what)：本单元没有房号 \(room)；请填写本单元的房号",
              "\(what): no room \(room) in this unit; give a room of this unit")))
      }
      return .success(id)
    }
    var returnees: [[String: Any]] = []
    for (i, e) in entries(back).enumerated() {
      let what = t("返乡人员第 \(i + 1) 位", "Returnee \(i + 1)")
      guard e.count >= 3 else {
        return .failure(
          FormProblem(message: t("\(what)：请写“房号 姓名 来自”", "\(what): write “room name from”")))
      }
      let h: Int64
      switch household(e[0], what) {
      case .success(let id): h = id
      case .failure(let p): return .failure(p)
      }
      var day = LocalDay(now).iso
      if e.count >= 4 {
        guard let d = LocalDay(iso: e[3]) else {
          return .failure(
            FormProblem(message: t("\(what)：日期写作 \(day)", "\(what): write the day as \(day)")))
        }
        day = d.iso
      }
      returnees.append(["household": h, "name": e[1], "from": e[2], "arrived": day])
    }
    var toIsolate: [[String: Any]] = []
    for (i, e) in entries(isolate).enumerated() {
      let what = t("需隔离第 \(i + 1) 位", "To isolate \(i + 1)")
      guard e.count >= 2 else {
        return .failure(FormProblem(message: t("\(what)：请写“房号 姓名”", "\(what): write “room name”")))
      }
      let h: Int64
      switch household(e[0], what) {
      case .success(let id): h = id
      case .failure(let p): return .failure(p)
      }
      var entry: [String: Any] = ["household": h, "name": e[1]]
      if e.count >= 3 {
        guard let r = risk(e[2]) else {
          return .failure(
            FormProblem(message: t("\(what)：风险写作 高、中 或 低", "\(what): risk is high, medium or low")))
        }
        entry["risk"] = r
      }
      toIsolate.append(entry)
    }
    let problemList = problems.split(whereSeparator: { $0 == ";" || $0 == "；" }).map {
      $0.trimmingCharacters(in: .whitespaces)
    }.filter { !$0.isEmpty }
    let object: [String: Any] = [
      "checked": checked, "returnees": returnees, "isolate": toIsolate, "problems": problemList,
    ]
    guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else {
      return .failure(FormProblem(message: t("无法生成结果", "The result could not be written")))
    }
    let json = String(decoding: data, as: UTF8.self)
    do {
      _ = try ScreeningResult.parse(json, at: now)
    } catch let p as FieldProblem {
      return .failure(FormProblem(message: "\(p.field): \(p.problem)"))
    } catch {
      return .failure(FormProblem(message: "\(error)"))
    }
    return .success(json)
  }
}
