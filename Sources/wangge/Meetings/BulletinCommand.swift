import ArgumentParser
import Foundation
import WanggeCore
import WanggeStore

/// `wangge bulletin --scope P --week 2026-W48 [--format markdown|html|text|xlsx --out FILE] [--at]`: the weekly
/// ranking.
struct BulletinCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bulletin",
    abstract:
      "The weekly bulletin (周通报): a place's children, stations, departments and squads ranked over an ISO week, with the change."
  )

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, html, xlsx }
  /// Which tables to print.
  enum LevelChoice: String, ExpressibleByArgument, CaseIterable {
    case children, stations, departments, squads, all
  }

  @OptionGroup var store: StoreOptions
  @Option(help: "Place path (default: the whole grid).") var scope: String?
  @Option(help: "ISO week, e.g. 2026-W48 (default: the week of --at).") var week: String?
  @Option(help: "text, markdown, html (A4) or xlsx (needs --out).") var format: Format = .text
  @Option(help: "The .xlsx file to write (with --format xlsx).") var out: String?
  @Option(help: "children, stations, departments, squads or all (every table).") var level: LevelChoice = .all
  @OptionGroup var clock: ClockOption

  func run() throws {
    let now = clock.clock.now()
    if format == .xlsx, out == nil { fail("--format xlsx writes a file: add --out FILE.xlsx") }
    let w: IsoWeek
    if let week {
      guard let parsed = IsoWeek(week) else { fail("--week \"\(week)\": write an ISO week such as 2026-W48") }
      w = parsed
    } else {
      w = IsoWeek.containing(now)
    }
    let s = try store.openForReading()
    do {
      let place = try scope.map { try resolvePlace($0, in: s, option: "--scope") } ?? s.root()
      let levels =
        level == .all ? Set(WeeklyBulletin.Level.allCases) : [WeeklyBulletin.Level(rawValue: level.rawValue)!]
      let b = try WeeklyBulletin.make(store: s, scope: place, week: w, at: now, levels: levels)
      switch format {
      case .text, .markdown: print(BulletinText.markdown(b))
      case .html: print(BulletinText.html(b))
      case .xlsx:
        do { try BulletinXLSX.write(b, to: out!) } catch {
          fail("--out \(out!): cannot be written (\(error)); check the folder exists and is writable")
        }
      }
    } catch { failOnUserError(error) }
  }
}

/// The bulletin's table as Markdown and HTML.
enum BulletinText {
  static func pct(_ r: Double?) -> String { r.map { "\(($0 * 100).formatted1)%" } ?? "—" }
  static func climb(_ c: Int?) -> String { WeeklyBulletin.arrow(c) }
  static func title(_ b: WeeklyBulletin) -> String { "\(b.scopePath) 周通报 \(b.week)" }
  static func headers() -> [String] {
    ["名次", "变化", "名称", "按时响应", "完成率", "响应超时", "完成超时", "走访超期", "迟报", "漏报", "瞒报"]
  }
  static func cells(_ e: WeeklyBulletin.Entry) -> [String] {
    [
      "\(e.rank)", climb(e.climbed), e.name, pct(e.figures.responseRate), pct(e.figures.completionRate),
      "\(e.figures.acknowledgementsOverdue)", "\(e.figures.finishesOverdue)", "\(e.figures.helpOverdue)",
      "\(e.reports.late)", "\(e.reports.missed)", "\(e.reports.concealed)",
    ]
  }
  /// The best and the worst named, and which tasks the table counts and which command lists its rows.
  static func summary(_ t: WeeklyBulletin.Table, _ b: WeeklyBulletin) -> [String] {
    var out: [String] = []
    if let best = t.best { out.append("表扬：\(best.name)（按时响应 \(pct(best.figures.responseRate))）") }
    if let worst = t.worst { out.append("通报：\(worst.name)（按时响应 \(pct(worst.figures.responseRate))）") }
    // 追责 names stations: under the stations' table, or the first table when that one is not printed.
    let stationsShown = b.tables.contains { $0.level == .stations }
    if t.level == .stations || (!stationsShown && t == b.tables.first) {
      for c in b.commanders {
        let who = c.commander.isEmpty ? "未指定指挥长" : "指挥长 \(c.commander)"
        out.append(
          "追责：\(c.station)（\(who)）迟报 \(c.counts.late)、漏报 \(c.counts.missed)、瞒报 \(c.counts.concealed)")
      }
    }
    out.append(
      "统计：\(InstantFormat.short(b.week.start)) 至 \(InstantFormat.short(b.judgedAt)) 下发的任务 "
        + (b.taskIDs.isEmpty ? "无" : b.taskIDs.map { "#\($0)" }.joined(separator: " "))
        + "（\(t.rowsCommand) 可逐条核对）")
    return out
  }

  static func heading(_ t: WeeklyBulletin.Table) -> String { "\(t.level.title)（\(t.entries.count)）" }

  static func markdown(_ b: WeeklyBulletin) -> String {
    var out = ["# " + title(b)]
    for t in b.tables {
      out += ["", "## " + heading(t), ""]
      out.append("| " + headers().joined(separator: " | ") + " |")
      out.append("|" + headers().map { _ in "---" }.joined(separator: "|") + "|")
      for e in t.entries { out.append("| " + cells(e).joined(separator: " | ") + " |") }
      out.append("")
      out += summary(t, b).map { "- " + $0 }
    }
    return out.joined(separator: "\n")
  }

  static func html(_ b: WeeklyBulletin) -> String {
    var body = "<h1>\(BriefHTML.escape(title(b)))</h1>\n"
    if let first = b.tables.first {
      let rates = first.entries.map { $0.figures.responseRate }
      body +=
        BriefHTML.chart(
          rates, title: "\(first.level.title)：按时响应率（按名次）", labels: first.entries.map { "\($0.rank)" })
        + "\n"
    }
    for t in b.tables {
      body += "<h2>\(BriefHTML.escape(heading(t)))</h2>\n"
      body +=
        "<table><thead><tr>" + headers().map { "<th>\(BriefHTML.escape($0))</th>" }.joined()
        + "</tr></thead><tbody>"
      for e in t.entries {
        let c = cells(e)
        let cls = (e.climbed ?? 0) > 0 ? "good" : (e.climbed ?? 0) < 0 ? "bad" : ""
        body +=
          "<tr>"
          + c.enumerated().map { i, t in
            "<td\(i == 1 && !cls.isEmpty ? " class=\"\(cls)\"" : i == 2 ? " class=\"name\"" : "")>\(BriefHTML.escape(t))</td>"
          }.joined() + "</tr>"
      }
      body +=
        "</tbody></table>\n<ul>" + summary(t, b).map { "<li>\(BriefHTML.escape($0))</li>" }.joined()
        + "</ul>\n"
    }
    return BriefHTML.page(title: title(b), body: body)
  }
}
