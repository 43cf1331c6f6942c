import WanggeCore

/// The demo's reports (`wangge demo` adds them through the contract, so every engine gets the same):
/// one report of each kind at the first stations, some late (迟报), one acknowledged after its window,
/// one passed up with progress, one closed; a hotline incident with no station report (漏报); a
/// spot-check round with results, one of whose findings a commander marks concealed (瞒报); a
/// supervision group with two communities, one contact overdue.
public enum DemoReports {
  static let commanders = ["王建国", "李秀英", "张志强", "刘海燕", "陈国平", "杨丽华", "赵文斌"]
  static let texts: [IncidentKind: String] = [
    .suspectedCase: "3号楼一名居民发热38.5℃，已电话联系社区医生", .closeContact: "接到协查：2户为密接，已通知居家",
    .cluster: "小区广场有居民聚集打牌，已劝散", .emergency: "12号楼电梯故障，一名老人被困",
    .supplyShortage: "防护服余量不足一天", .residentRequest: "独居老人需购药，已安排志愿者", .other: "快递临时存放点设置",
  ]

  /// The first `count` stations in tree order (depth first, children by id).
  static func stations(_ store: any GridStore, count: Int) throws -> [Place] {
    var out: [Place] = []
    var stack = [try store.root()]
    while let p = stack.popLast(), out.count < count {
      if p.hasStation {
        out.append(p)
        continue
      }
      stack += try store.children(of: p.id).reversed()
    }
    return out
  }

  /// Writes the demo's reports around `anchor`; returns how many reports were filed.
  @discardableResult
  public static func write(to store: any GridStore, anchor: Instant) throws -> Int {
    let rules = ReportRules.standard
    let list = try stations(store, count: IncidentKind.allCases.count)
    guard !list.isEmpty else { return 0 }
    for (i, s) in list.enumerated() {
      try store.setStationCommander(
        station: s.id, name: commanders[i % commanders.count], by: "demo", at: anchor - .days(3))
    }
    var filed = 0
    for (i, kind) in IncidentKind.allCases.enumerated() {
      let s = list[i % list.count]
      let severity = IncidentSeverity(rawValue: 1 + i % 4)!
      let happened = anchor - .hours(Int64(2 + 3 * i))
      let late = i % 3 == 1
      let delay = late ? Span(seconds: rules.fileDelay(severity).seconds + 720) : Span.minutes(Int64(5 + i))
      let r = try store.fileIncident(
        IncidentFiling(
          eventID: "demo-report-\(i)", kind: kind, severity: severity, placeID: s.id, text: texts[kind] ?? "",
          happenedAt: happened, filedAt: happened + delay, operatorName: "demo"), rules: rules)
      filed += 1
      let filedAt = happened + delay
      guard i != 6 else { continue }  // the last one still waits for its acknowledgement
      let ackLate = i == 2
      let ackAt =
        filedAt
        + (ackLate ? Span(seconds: rules.ackWindow(severity).seconds + 540) : Span.minutes(Int64(3 + i)))
      _ = try store.reportStep(
        ReportStepRequest(
          eventID: "demo-report-\(i)-ack", reportID: r.id, step: .acknowledged, at: ackAt,
          operatorName: "demo"),
        rules: rules)
      if i == 0 || i == 3 {
        _ = try store.reportStep(
          ReportStepRequest(
            eventID: "demo-report-\(i)-up", reportID: r.id, step: .passedUp, at: ackAt + .minutes(5),
            operatorName: "demo"), rules: rules)
        _ = try store.reportStep(
          ReportStepRequest(
            eventID: "demo-report-\(i)-progress", reportID: r.id, step: .progress, note: "已落实管控措施，持续跟进",
            at: ackAt + .minutes(40), operatorName: "demo"), rules: rules)
      }
      if i == 4 || i == 5 {
        _ = try store.reportStep(
          ReportStepRequest(
            eventID: "demo-report-\(i)-close", reportID: r.id, step: .closed, note: "已解决",
            at: ackAt + .hours(1),
            operatorName: "demo"), rules: rules)
      }
    }
    // 漏报: the hotline heard of it; the station never reported.
    let quiet = list[list.count > 1 ? 1 : 0]
    _ = try store.fileIncident(
      IncidentFiling(
        eventID: "demo-hotline-1", kind: .residentRequest, severity: .serious, placeID: quiet.id,
        text: "12345热线：居民反映封控楼栋垃圾三天未清运", happenedAt: anchor - .hours(9),
        filedAt: anchor - .hours(8), operatorName: "demo", source: .hotline), rules: rules)
    filed += 1
    // A spot-check round with results; one finding turns out to be concealed.
    let first = list[0]
    let round = try store.drawSpotCheck(
      SpotCheckDraw(scopeID: first.id, households: 12, seed: 7, operatorName: "demo", at: anchor - .hours(6)))
    for (n, call) in round.calls.enumerated() {
      let at = anchor - .hours(6) + .minutes(Int64(4 * n + 2))
      let outcome: CallOutcome = n % 6 == 4 ? .noAnswer : n % 6 == 5 ? .wrongNumber : .answered
      var opens: IncidentFiling?
      if n == 0 {
        opens = IncidentFiling(
          eventID: "demo-spotcheck-finding", kind: .suspectedCase, severity: .critical, placeID: first.id,
          text: "电话抽查：邻居发热两天，小区未上报", happenedAt: anchor - .hours(8), filedAt: at, operatorName: "demo",
          source: .spotCheck)
      }
      let answers =
        outcome == .answered
        ? CallAnswers(
          knowsLeader: n % 3 != 1, gotNotice: n % 4 != 2, serviceDone: n % 2 == 0 ? true : nil,
          problems: n == 0 ? "邻居发热两天" : "")
        : CallAnswers()
      let c = try store.recordCall(
        CallRecord(
          roundID: round.id, householdID: call.householdID, outcome: outcome, answers: answers,
          operatorName: "demo", at: at, opens: opens))
      if let id = c.reportID {
        filed += 1
        _ = try store.reportStep(
          ReportStepRequest(
            eventID: "demo-spotcheck-concealed", reportID: id, step: .concealed,
            note: "单元长微信群记录显示指挥部前一天已知情", at: anchor - .hours(4), operatorName: "demo"), rules: rules)
      }
    }
    // Supervision: one group, two communities; one contacted, the other overdue.
    var communities: [Int64] = []
    for s in list {
      if let c = s.parentID, let community = try store.place(id: c)?.parentID,
        !communities.contains(community)
      {
        communities.append(community)
      }
    }
    let group = try store.addSupervisionGroup(
      name: "第一督导组", supervisors: ["孙科长", "周科长"], cadence: .days(2), by: "demo", at: anchor - .days(5))
    try store.assignSupervision(
      group: group, places: Array(communities.prefix(2)), by: "demo", at: anchor - .days(5))
    if let c = communities.first {
      try store.recordContact(
        id: "demo-contact-1", group: group, place: c, note: "了解单元长履职情况", by: "孙科长", at: anchor - .hours(20))
    }
    return filed
  }
}
