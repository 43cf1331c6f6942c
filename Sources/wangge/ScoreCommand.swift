import ArgumentParser
import Foundation
import WanggeCore
import WanggeStore

/// `wangge score --scope --since --until`: every station's score over the period from its measured
/// figures (README → Reports has the formula and its default weights), ranked; the levels between the
/// scope and the stations ranked by their stations' mean; `--explain STATION` lists what is behind one.
struct ScoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "score",
    abstract: "Score and rank stations over a period (考核), with the figures behind each.")
  @OptionGroup var store: StoreOptions
  @Option(help: "Place (default: the root).") var scope: String?
  @Option(help: "Start of the period (ISO 8601).", transform: OptionValue.instant("--since")) var since:
    Instant
  @Option(help: "End of the period (ISO 8601; default: --at).", transform: OptionValue.instant("--until"))
  var until: Instant?
  @Option(help: "One station: the rows and times behind its score.") var explain: String?
  @OptionGroup var config: ReportConfigOption
  @Flag(help: "Print JSON.") var json = false
  @OptionGroup var clock: ClockOption

  /// One ranked row: a station or a group of stations at a level.
  struct Row: Encodable {
    var rank: Int
    var placeId: Int64
    var path: String
    var level: String
    var score: Double
    var stations: Int
    var figures: StationFigures?
    var parts: [StationScore.Part]?
    var penalties: [StationScore.Penalty]?
  }

  func run() throws {
    let s = try store.openForReading()
    let p = try scope.map { try resolvePlace($0, in: s, option: "--scope") } ?? s.root()
    let end = until ?? clock.clock.now()
    let weights = config.config.weights
    do {
      let figures = try s.stationFigures(under: p.id, since: since, until: end)
      let levels = try s.levels()
      var rows: [Row] = []
      var groups: [Int: [Int64: [Double]]] = [:]
      for (id, f) in figures {
        let sc = StationScore(f, weights: weights)
        let place = try s.place(id: id)
        rows.append(
          Row(
            rank: 0, placeId: id, path: (try? s.path(of: id).description) ?? "",
            level: levels.name(at: place?.depth ?? 0),
            score: sc.score, stations: 1, figures: f, parts: sc.parts, penalties: sc.penalties))
        var at = place?.parentID
        while let a = at, let ap = try s.place(id: a), ap.depth > p.depth {
          groups[ap.depth, default: [:]][a, default: []].append(sc.score)
          at = ap.parentID
        }
      }
      func ranked(_ r: [Row]) -> [Row] {
        r.sorted { ($0.score, $1.path) > ($1.score, $0.path) }.enumerated().map { i, row in
          var row = row
          row.rank = i + 1
          return row
        }
      }
      var out = ranked(rows)
      for depth in groups.keys.sorted() {
        out += ranked(
          groups[depth]!.map { id, scores in
            Row(
              rank: 0, placeId: id, path: (try? s.path(of: id).description) ?? "",
              level: levels.name(at: depth),
              score: (scores.reduce(0, +) / Double(scores.count) * 10).rounded() / 10, stations: scores.count)
          })
      }
      if let explain {
        let st = try resolvePlace(explain, in: s, option: "--explain")
        guard let f = figures[st.id] else { fail("--explain: \(st.name) is not a station under \(p.name)") }
        return try explainStation(s, st, f, weights: weights, end: end)
      }
      if json { print(CommandJSON.text(out)); return }
      print("rank\tlevel\tscore\tplace\tfigures")
      for r in out {
        let detail =
          r.figures.map { f in
            "ack \(f.ackedOnTime)/\(f.assigned) finish \(f.finishedOnTime)/\(f.assigned) reach \(f.reached)/\(f.households) "
              + "overdue visits \(f.overdueVisits)/\(f.helpCases) reports \(f.reportsFiled) 迟报 \(f.late) 漏报 \(f.missed) "
              + "瞒报 \(f.concealed) calls yes \(f.answersYes)/\(f.answersAsked)"
          } ?? "mean of \(r.stations) stations"
        print("\(r.rank)\t\(field(r.level))\t\(r.score)\t\(field(r.path))\t\(detail)")
      }
    } catch { failOnReportError(error) }
  }

  /// The parts of one station's score and the reports behind its report figures, with their times.
  func explainStation(
    _ s: any GridStore, _ st: Place, _ f: StationFigures, weights: ScoreWeights, end: Instant
  ) throws {
    let sc = StationScore(f, weights: weights)
    print("\(field(st.name)): score \(sc.score) = max(0, 100 × Σ weight·rate / Σ weight − Σ count·points)")
    for part in sc.parts {
      print(
        "  \(part.name)\t\(part.numerator)/\(part.denominator)\trate \((part.rate * 1000).rounded() / 1000)\tweight \(part.weight)"
      )
    }
    for pen in sc.penalties {
      print("  \(pen.name)\t\(pen.count) × \(pen.points)")
    }
    let reports = try s.incidents(
      under: st.id, at: end, window: Span(seconds: max(1, end.since(since).seconds)))
    for r in reports where r.stationID == st.id {
      print(
        "  report \(r.id) \(r.kind.rawValue) \(r.source.rawValue) happened \(when(r.happenedAt)) filed \(when(r.filedAt)) "
          + r.marks.labels.joined(separator: " "))
    }
  }
}
