import TerminalUI
import WanggeCore
import WanggeStore

/// The `报告` view: incident reports under the place with their acknowledgement chain, time to the
/// pending acknowledgement, staleness and 迟报 / 漏报 / 瞒报 marks; the counters per station and
/// commander; the latest spot-check round drawn on the board (`:spotcheck N`).
enum ReportsModel {
  /// Reports whose chain is read for the list (the rest show their holder only).
  static let chainLimit = 50

  static func screen(
    _ store: (any ReportDesk)?, place: Place, levels: LevelChain, at now: Instant, round: Int64?, _ t: Words
  ) throws -> Screen {
    guard let store else {
      return Screen(
        primary: TableModel(
          title: t("报告", "Reports"), columns: [], rows: [],
          emptyText: t("此存储不支持请示报告", "This store has no incident reports")))
    }
    var list = try store.incidents(under: place.id, at: now, window: .days(7))
    for i in list.indices.prefix(chainLimit) {
      if let full = try store.incident(id: list[i].id, at: now) { list[i] = full }
    }
    var secondary = [counters(try store.reportCounters(under: place.id, at: now), store: store, t)]
    if let round { secondary.append(calls(try store.spotCheckCalls(round: round), round: round, t)) }
    return Screen(
      primary: reports(list, store: store, levels: levels, at: now, t), secondary: secondary)
  }

  static func levelName(_ store: any ReportDesk, _ id: Int64, _ levels: LevelChain) -> String {
    guard let p = try? store.place(id: id) else { return "?" }
    return p.name
  }

  /// "小区 → 社区✔ → 街道…": who had it and who acknowledged.
  static func chain(_ r: IncidentReport, store: any ReportDesk, levels: LevelChain, _ t: Words) -> String {
    if r.chain.isEmpty { return levelName(store, r.holderID, levels) }
    var out: [String] = []
    for e in r.chain {
      switch e.step {
      case .filed, .passedUp: out.append(levelName(store, e.levelID, levels))
      case .acknowledged: if !out.isEmpty { out[out.count - 1] += e.late ? "✔!" : "✔" }
      case .closed: out.append(t("结", "closed"))
      default: break
      }
    }
    return out.joined(separator: "→")
  }

  static func reports(
    _ list: [IncidentReport], store: any ReportDesk, levels: LevelChain, at now: Instant, _ t: Words
  ) -> TableModel {
    let c = CellText(t)
    let columns = [
      ModelColumn("#", width: 4, priority: 70),
      ModelColumn(t("类型", "Kind"), width: 8, alignment: .left, priority: 95),
      ModelColumn(t("级", "Sev"), width: 3, priority: 80),
      ModelColumn(t("来源", "Source"), width: 6, alignment: .left, priority: 50),
      ModelColumn(t("地点", "Place"), width: 10, alignment: .left, priority: 90),
      ModelColumn(t("签收链", "Chain"), width: 16, alignment: .left, priority: 85, grows: true),
      ModelColumn(t("签收时限", "Ack due"), width: 11, priority: 92),
      ModelColumn(t("停滞", "Idle"), width: 7, priority: 60),
      ModelColumn(t("标记", "Marks"), width: 12, alignment: .left, priority: 100),
    ]
    let rows = list.map { r -> ModelRow in
      let due: TableCell
      if r.phase == .closed {
        due = TableCell("✔ " + t("已结", "closed"), style: Style(.good))
      } else if let d = r.ackDue {
        due = c.timeLeft(d.since(now).seconds)
      } else {
        due = TableCell("✔ " + t("已签收", "acked"))
      }
      let marks = r.marks.labels.joined(separator: " ")
      let markCell =
        marks.isEmpty
        ? TableCell("") : TableCell("\(StatusKind.overdue.glyph) " + marks, style: StatusKind.overdue.style)
      let place = (try? store.place(id: r.placeID))?.name ?? "\(r.placeID)"
      return ModelRow(
        key: "r\(r.id)",
        cells: [
          TableCell("\(r.id)"), TableCell(t(r.kind.rawValue, r.kind.code)),
          TableCell("\(r.severity.rawValue)"),
          TableCell(sourceName(r.source, t)), TableCell(place),
          TableCell(chain(r, store: store, levels: levels, t)),
          due, TableCell(c.span(now.since(r.lastAt).seconds)), markCell,
        ],
        sortKeys: [
          .number(Double(r.id)), .text(r.kind.code), .number(Double(r.severity.rawValue)),
          .text(r.source.rawValue),
          .text(place), .text(""), .number(Double(r.ackDue?.epochSeconds ?? Int64.max)),
          .number(Double(now.since(r.lastAt).seconds)), .text(marks),
        ])
    }
    return TableModel(
      title: t("请示报告 · \(list.count) 件 · 近 7 天", "Reports · \(list.count) · last 7 days"), columns: columns,
      rows: rows,
      emptyText: t("近 7 天没有报告：wangge incident file 上报", "No report in the last 7 days: wangge incident file"))
  }

  static func sourceName(_ s: IncidentSource, _ t: Words) -> String {
    switch s {
    case .station: t("本站", "station")
    case .spotCheck: t("督查", "spot")
    case .hotline: t("热线", "hotline")
    case .isolation: t("隔离", "isolation")
    case .otherLevel: t("他级", "level")
    }
  }

  static func counters(_ rows: [ReportCounter], store: any ReportDesk, _ t: Words) -> TableModel {
    let c = CellText(t)
    let columns = [
      ModelColumn(t("指挥部", "Station"), width: 10, alignment: .left, priority: 100, grows: true),
      ModelColumn(t("指挥长", "Commander"), width: 8, alignment: .left, priority: 90),
      ModelColumn(t("上报", "Filed"), width: 5, priority: 60),
      ModelColumn(t("迟报", "Late"), width: 5, priority: 95),
      ModelColumn(t("漏报", "Missed"), width: 6, priority: 95),
      ModelColumn(t("瞒报", "Hidden"), width: 6, priority: 95),
      ModelColumn(t("超时签收", "Ack late"), width: 8, priority: 70),
    ]
    return TableModel(
      title: t("迟报 · 漏报 · 瞒报", "Late · missed · concealed"), columns: columns,
      rows: rows.map { r in
        let name = (try? store.place(id: r.stationID))?.name ?? "\(r.stationID)"
        return ModelRow(
          key: "c\(r.stationID)/\(r.commander)",
          cells: [
            TableCell(name), TableCell(r.commander.isEmpty ? "-" : r.commander), c.count(r.filed),
            c.overdue(r.late),
            c.overdue(r.missed), c.overdue(r.concealed), c.overdue(r.ackLate),
          ],
          sortKeys: [
            .text(name), .text(r.commander), .number(Double(r.filed)), .number(Double(r.late)),
            .number(Double(r.missed)), .number(Double(r.concealed)), .number(Double(r.ackLate)),
          ], drillTo: r.stationID)
      },
      emptyText: t("没有迟报、漏报、瞒报", "No late, missed or concealed report"))
  }

  static func calls(_ list: [SpotCheckCall], round: Int64, _ t: Words) -> TableModel {
    func yn(_ b: Bool?) -> String { b.map { $0 ? t("是", "yes") : t("否", "no") } ?? "-" }
    let columns = [
      ModelColumn("#", width: 3, priority: 60),
      ModelColumn(t("户", "Household"), width: 7, priority: 80),
      ModelColumn(t("房号", "Room"), width: 5, alignment: .left, priority: 70),
      ModelColumn(t("电话", "Phone"), width: 11, alignment: .left, priority: 100),
      ModelColumn(t("抽中因", "Why"), width: 8, alignment: .left, priority: 50),
      ModelColumn(t("结果", "Outcome"), width: 8, alignment: .left, priority: 90),
      ModelColumn(t("知单元长", "Leader"), width: 4, priority: 40),
      ModelColumn(t("收通知", "Notice"), width: 4, priority: 40),
      ModelColumn(t("服务", "Service"), width: 4, priority: 40),
    ]
    return TableModel(
      title: t("督查抽查 第 \(round) 轮 · \(list.count) 户", "Spot check round \(round) · \(list.count)"),
      columns: columns,
      rows: list.map { c in
        ModelRow(
          key: "s\(round)/\(c.householdID)",
          cells: [
            TableCell("\(c.position)"), TableCell("\(c.householdID)"), TableCell(c.room),
            TableCell(c.maskedPhone),
            TableCell(c.reasons.map(\.rawValue).joined(separator: ",")),
            TableCell(c.outcome.map(\.rawValue) ?? t("待拨打", "to call")), TableCell(yn(c.answers.knowsLeader)),
            TableCell(yn(c.answers.gotNotice)), TableCell(yn(c.answers.serviceDone)),
          ],
          sortKeys: Array(repeating: .none, count: 9))
      })
  }
}
