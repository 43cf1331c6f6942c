/// A column a ledger may hold (besides the place path's level columns), with the header written in
/// templates and the variants accepted on reading.
public enum LedgerColumn: String, CaseIterable, Sendable, Hashable {
  case room, headName, phone, size
  case elderlyAlone, noSmartphone, disabledOrChronic, longVacant, homeIsolation
  case reach
  case leaderName, department, squad, squadLeader, home
  case mode, helper, cadence, needs, greenChannel, lastVisit, openedAt
  /// The 问题 column an errors file adds; ignored on reading so the fixed file imports as it is.
  case problemNote

  /// The header templates and exports write, in Chinese.
  public var chinese: String {
    switch self {
    case .room: "房号"
    case .headName: "户主"
    case .phone: "电话"
    case .size: "人数"
    case .elderlyAlone: "独居老人"
    case .noSmartphone: "无智能机"
    case .disabledOrChronic: "残疾或慢病"
    case .longVacant: "长期无人"
    case .homeIsolation: "居家隔离"
    case .reach: "对接"
    case .leaderName: "单元长"
    case .department: "部门"
    case .squad: "小组"
    case .squadLeader: "组长"
    case .home: "住址"
    case .mode: "帮扶方式"
    case .helper: "帮扶人"
    case .cadence: "走访周期"
    case .needs: "需求"
    case .greenChannel: "绿色通道"
    case .lastVisit: "上次走访"
    case .openedAt: "建档日期"
    case .problemNote: "问题"
    }
  }

  /// The header written in English files.
  public var english: String {
    switch self {
    case .room: "room"
    case .headName: "head"
    case .phone: "phone"
    case .size: "people"
    case .elderlyAlone: "elderly_alone"
    case .noSmartphone: "no_smartphone"
    case .disabledOrChronic: "disabled_chronic"
    case .longVacant: "vacant"
    case .homeIsolation: "isolation"
    case .reach: "reach"
    case .leaderName: "leader"
    case .department: "department"
    case .squad: "squad"
    case .squadLeader: "squad_leader"
    case .home: "home"
    case .mode: "mode"
    case .helper: "helper"
    case .cadence: "cadence"
    case .needs: "needs"
    case .greenChannel: "green_channel"
    case .lastVisit: "last_visit"
    case .openedAt: "opened"
    case .problemNote: "problem"
    }
  }

  /// Every accepted spelling, already normalised (see `HeaderText`).
  var variants: [String] {
    let more: [String]
    switch self {
    case .room: more = ["房间号", "门牌号", "房号(室)", "室号", "户号", "roomno", "roomnumber", "door"]
    case .headName: more = ["户主姓名", "户主名", "户主名字", "householder", "headname", "headofhousehold"]
    case .phone:
      more = [
        "手机", "手机号", "手机号码", "联系电话", "电话号码", "联系方式", "户主电话", "单元长电话", "联系手机",
        "mobile", "tel", "telephone", "phonenumber",
      ]
    case .size: more = ["人口", "家庭人数", "常住人数", "人口数", "户内人数", "居住人数", "size", "persons", "members"]
    case .elderlyAlone: more = ["独居", "独居老年人", "elderlyalone", "livesalone"]
    case .noSmartphone: more = ["无智能手机", "无智能机住户", "nosmartphone"]
    case .disabledOrChronic: more = ["残疾/慢病", "残疾慢病", "残疾、慢病", "残疾或慢性病", "disabledchronic", "disabled"]
    case .longVacant: more = ["长期无人户", "长期空置", "空置", "vacant", "longvacant"]
    case .homeIsolation: more = ["居家隔离户", "隔离", "homeisolation", "isolation"]
    case .reach: more = ["对接方式", "对接情况", "联系情况", "reach"]
    case .leaderName: more = ["单元长姓名", "单元长名字", "姓名", "leader", "leadername", "name"]
    case .department: more = ["单位", "所在单位", "部门/单位", "工作单位", "dept", "department", "employer"]
    case .squad: more = ["组", "组别", "所在小组", "squad", "team"]
    case .squadLeader: more = ["小组长", "squadleader"]
    case .home: more = ["居住地", "家庭住址", "现住址", "address"]
    case .mode: more = ["服务方式", "帮扶形式", "mode", "servicemode", "service"]
    case .helper: more = ["帮扶责任人", "包保人", "帮扶人员", "helper"]
    case .cadence: more = ["周期", "走访频次", "走访频率", "回访周期", "cadence", "visitevery"]
    case .needs: more = ["诉求", "需求内容", "困难需求", "needs", "need"]
    case .greenChannel: more = ["绿色通道", "greenchannel", "green"]
    case .lastVisit: more = ["最近走访", "上次走访时间", "最近走访时间", "lastvisit", "lastvisited"]
    case .openedAt: more = ["建档时间", "开始日期", "开案日期", "登记日期", "opened", "openedat"]
    case .problemNote: more = ["问题", "错误", "problem", "problems", "error"]
    }
    return [HeaderText.normalise(chinese), HeaderText.normalise(english)] + more.map(HeaderText.normalise)
  }

  /// Looks a raw header up; nil when it names no column.
  static func named(_ raw: String) -> LedgerColumn? {
    lookup[HeaderText.normalise(raw)]
  }

  private static let lookup: [String: LedgerColumn] = {
    var table: [String: LedgerColumn] = [:]
    for column in LedgerColumn.allCases {
      for v in column.variants where table[v] == nil { table[v] = column }
    }
    return table
  }()

  /// The column's place in `allCases`.
  var position: Int {
    switch self {
    case .room: 0
    case .headName: 1
    case .phone: 2
    case .size: 3
    case .elderlyAlone: 4
    case .noSmartphone: 5
    case .disabledOrChronic: 6
    case .longVacant: 7
    case .homeIsolation: 8
    case .reach: 9
    case .leaderName: 10
    case .department: 11
    case .squad: 12
    case .squadLeader: 13
    case .home: 14
    case .mode: 15
    case .helper: 16
    case .cadence: 17
    case .needs: 18
    case .greenChannel: 19
    case .lastVisit: 20
    case .openedAt: 21
    case .problemNote: 22
    }
  }

  /// True for the yes/no flag columns.
  public var isFlag: Bool {
    switch self {
    case .elderlyAlone, .noSmartphone, .disabledOrChronic, .longVacant, .homeIsolation, .greenChannel: true
    default: false
    }
  }
}
