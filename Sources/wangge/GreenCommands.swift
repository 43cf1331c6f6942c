import ArgumentParser
import Foundation
import WanggeCore
import WanggeStore

/// `wangge green`: handled green channels (绿色通道) — open, take, resolve, list.
struct GreenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "green",
    abstract: "Green channels: open → taken (within 15 min) → resolved; escalates untaken.",
    subcommands: [
      GreenOpenCommand.self, GreenTakeCommand.self, GreenResolveCommand.self, GreenListCommand.self,
    ])
}

struct GreenOpenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "open", abstract: "Open a green channel for a household.")
  @OptionGroup var store: StoreOptions
  @Option(help: "Household id.") var household: Int64
  @Option(
    help: "Kind: \(GreenKind.accepted).",
    transform: { s in
      guard let k = GreenKind(word: s) else {
        throw ValidationError("--kind \"\(s)\": give one of \(GreenKind.accepted)")
      }
      return k
    })
  var kind: GreenKind
  @Option(help: "Who raised it (default: the login name).") var by: String?
  @Option(help: "Take within (default 15m).", transform: OptionValue.taskWindow("--respond-within"))
  var respondWithin: Span = GreenChannel.defaultRespondWithin
  @Option(help: "Event id (default: green-<household>-<at>).") var id: String?
  @OptionGroup var clock: ClockOption
  @Flag(help: "Print JSON.") var json = false

  func run() throws {
    let s = try store.openForWriting()
    let now = clock.clock.now()
    do {
      let w = try s.openGreen(
        GreenOpenRequest(
          id: id ?? "green-\(household)-\(now.epochSeconds)", householdID: household, kind: kind,
          raisedBy: by ?? loginName(), at: now, respondWithin: respondWithin, source: "cli"))
      report(
        w, json: json, text: { "opened \($0.id)\ttake by \(InstantFormat.iso($0.respondBy))" },
        encode: { GreenJSON($0, now: now) })
    } catch {
      failOnUserError(error)
    }
  }
}

struct GreenTakeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "take", abstract: "Take a green channel (接单).")
  @OptionGroup var store: StoreOptions
  @Argument(help: "Green channel id.") var channel: String
  @Option(help: "Who takes it (default: the login name).") var by: String?
  @Option(help: "Event id (default: take-<channel>).") var id: String?
  @OptionGroup var clock: ClockOption
  @Flag(help: "Print JSON.") var json = false

  func run() throws {
    try greenAct(store, channel, .take(by: by ?? loginName()), id ?? "take-\(channel)", clock, json)
  }
}

struct GreenResolveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "resolve", abstract: "Resolve a green channel with its outcome.")
  @OptionGroup var store: StoreOptions
  @Argument(help: "Green channel id.") var channel: String
  @Option(help: "What was done (e.g. 已送医).") var outcome: String
  @Option(help: "Who resolves it (default: the login name).") var by: String?
  @Option(help: "Event id (default: resolve-<channel>).") var id: String?
  @OptionGroup var clock: ClockOption
  @Flag(help: "Print JSON.") var json = false

  func run() throws {
    try greenAct(
      store, channel, .resolve(by: by ?? loginName(), outcome: outcome), id ?? "resolve-\(channel)", clock,
      json)
  }
}

func greenAct(
  _ store: StoreOptions, _ channel: String, _ action: GreenAction, _ id: String, _ clock: ClockOption,
  _ json: Bool
)
  throws
{
  let s = try store.openForWriting()
  let now = clock.clock.now()
  do {
    let w = try s.act(onGreen: channel, action, eventID: id, at: now, source: "cli")
    report(
      w, json: json, text: { "\($0.id)\t\($0.state.rawValue)\t\($0.takenBy ?? "-")" },
      encode: { GreenJSON($0, now: now) })
  } catch {
    failOnUserError(error)
  }
}

struct GreenListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "Green channels in scope, untaken first.")
  @OptionGroup var store: StoreOptions
  @Option(help: "Place path (default: the whole grid).") var scope: String?
  @Option(help: "At most this many.") var limit: Int = 200
  @OptionGroup var clock: ClockOption
  @Flag(help: "Print JSON.") var json = false

  func validate() throws {
    guard (1...100_000).contains(limit) else { throw ValidationError("--limit \(limit): give 1…100000") }
  }

  func run() throws {
    let s = try store.openForReading()
    let now = clock.clock.now()
    do {
      let place = try scope.map { try resolvePlace($0, in: s, option: "--scope") } ?? s.root()
      let rows = try s.greenChannels(under: place.id, at: now, limit: limit)
      let f = try s.orderFigures(for: [place.id], at: now)[place.id] ?? OrderFigures()
      if json {
        print(
          CommandJSON.text(
            GreenListJSON(
              at: InstantFormat.iso(now), untaken: f.greenUntaken, overdue: f.greenOverdue,
              oldestMinutes: f.greenOldest.map { now.since($0).seconds / 60 },
              escalation: f.greenEscalation(at: now).code,
              channels: rows.map { GreenJSON($0.channel, now: now) })))
        return
      }
      print("untaken \(f.greenUntaken)\toverdue \(f.greenOverdue)")
      for r in rows {
        let g = r.channel
        print(
          "\(g.id)\t\(g.kind.chineseName)\t\(g.state.chineseName)\t\(g.takenBy ?? "-")\t\(r.room)\t\(g.escalation(at: now).code)"
        )
      }
    } catch {
      failOnUserError(error)
    }
  }
}

/// A green channel as `--json` writes it.
struct GreenJSON: Encodable {
  var id, kind, state, raisedBy, openedAt, respondBy, outcome, escalation: String
  var householdId: Int64
  var takenBy, takenAt, resolvedAt: String?
  var overdue: Bool
  init(_ g: GreenChannel, now: Instant) {
    id = g.id
    kind = g.kind.rawValue
    state = g.state.rawValue
    raisedBy = g.raisedBy
    openedAt = InstantFormat.iso(g.openedAt)
    respondBy = InstantFormat.iso(g.respondBy)
    outcome = g.outcome
    escalation = g.escalation(at: now).code
    householdId = g.householdID
    takenBy = g.takenBy
    takenAt = g.takenAt.map(InstantFormat.iso)
    resolvedAt = g.resolvedAt.map(InstantFormat.iso)
    overdue = g.isOverdue(at: now)
  }
}

/// `green list --json`.
struct GreenListJSON: Encodable {
  var at: String
  var untaken, overdue: Int
  var oldestMinutes: Int64?
  var escalation: String
  var channels: [GreenJSON]
}

/// `wangge volunteer list`: volunteers and party members of a place, with orders in hand.
struct VolunteerCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "volunteer", abstract: "Volunteers and party members (双报到).",
    subcommands: [VolunteerListCommand.self, VolunteerImportCommand.self])
}

struct VolunteerListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: "Volunteers in scope.")
  @OptionGroup var store: StoreOptions
  @Option(help: "Place path (default: the whole grid).") var scope: String?
  @Option(help: "At most this many.") var limit: Int = 500
  @OptionGroup var clock: ClockOption
  @Flag(help: "Print JSON.") var json = false

  func validate() throws {
    guard (1...100_000).contains(limit) else { throw ValidationError("--limit \(limit): give 1…100000") }
  }

  func run() throws {
    let s = try store.openForReading()
    let now = clock.clock.now()
    do {
      let place = try scope.map { try resolvePlace($0, in: s, option: "--scope") } ?? s.root()
      let rows = try s.volunteers(under: place.id, at: now, limit: limit)
      if json {
        print(CommandJSON.text(rows.map(VolunteerJSON.init)))
        return
      }
      let f = try s.volunteerFigures(of: place.id, at: now)  // the scope's rollups, not this page
      print(
        "volunteers \(f.volunteers)\treported \(f.reported)\ton post today \(f.onPostToday)\torders in hand \(f.inHand)"
      )
      for r in rows {
        let v = r.volunteer
        print(
          "\(v.id)\t\(v.name)\t\(v.isPartyMember ? "党员" : "群众")\t\(v.team)\t\(v.homeUnit)\t\(v.posts.joined(separator: "、"))\t\(v.isOnPost(at: now) ? "在岗" : "")\t\(r.ordersInHand)"
        )
      }
    } catch {
      failOnUserError(error)
    }
  }
}

/// A volunteer as `--json` writes it (the phone masked).
struct VolunteerJSON: Encodable {
  var id: Int64
  var name, phone, team, homeUnit: String
  var partyMember: Bool
  var posts: [String]
  var reportedAt, onPostAt: String?
  var ordersInHand: Int
  init(_ r: VolunteerRow) {
    let v = r.volunteer
    id = v.id
    name = v.name
    phone = PhoneMask.mask(v.phone)
    team = v.team
    homeUnit = v.homeUnit
    partyMember = v.isPartyMember
    posts = v.posts
    reportedAt = v.reportedAt.map(InstantFormat.iso)
    onPostAt = v.onPostAt.map(InstantFormat.iso)
    ordersInHand = r.ordersInHand
  }
}
