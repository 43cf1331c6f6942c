import ArgumentParser
import Foundation
import WanggeCore
import WanggeStore

/// `wangge order`: service orders (服务工单) — open, claim, release, close, list.
struct OrderCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "order", abstract: "Service orders: open → claim → close (or release back to open).",
    subcommands: [
      OrderOpenCommand.self, OrderClaimCommand.self, OrderReleaseCommand.self, OrderCloseCommand.self,
      OrderListCommand.self,
    ])
}

/// The login name, for who opened or acted when not given.
func loginName() -> String {
  String((ProcessInfo.processInfo.environment["USER"] ?? "operator").prefix(40))
}

/// Prints what a write did and its value as JSON or text.
func report<V: Sendable & Hashable>(
  _ w: OrderWrite<V>, json: Bool, text: (V) -> String, encode: (V) -> some Encodable
) {
  if json {
    print(CommandJSON.text(encode(w.value)))
  } else {
    print((w.applied ? "" : "already applied (nothing changed): ") + text(w.value))
  }
}

struct OrderOpenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "open", abstract: "Open an order for a household.")
  @OptionGroup var store: StoreOptions
  @Option(help: "Household id.") var household: Int64
  @Option(
    help: "Kind: \(OrderKind.accepted).",
    transform: { s in
      guard let k = OrderKind(word: s) else {
        throw ValidationError("--kind \"\(s)\": give one of \(OrderKind.accepted)")
      }
      return k
    })
  var kind: OrderKind
  @Option(help: "Items or text (e.g. \"米 5kg, 油\").") var items: String
  @Option(help: "Who opened it (default: the login name).") var by: String?
  @Option(
    help: "Claim within (default per kind, e.g. 30m).", transform: OptionValue.taskWindow("--claim-within"))
  var claimWithin: Span?
  @Option(
    help: "Close within (default per kind, e.g. 4h).", transform: OptionValue.taskWindow("--close-within"))
  var closeWithin: Span?
  @Option(help: "Event id (default: order-<household>-<at>); a repeat with the same id is harmless.") var id:
    String?
  @OptionGroup var clock: ClockOption
  @Flag(help: "Print JSON.") var json = false

  func run() throws {
    let s = try store.openForWriting()
    let now = clock.clock.now()
    var d = OrderPolicy().deadlines(for: kind)
    if let c = claimWithin { d.claimWithin = c }
    if let c = closeWithin { d.closeWithin = c }
    guard d.claimWithin <= d.closeWithin else {
      fail("--claim-within must not be longer than --close-within")
    }
    do {
      let w = try s.openOrder(
        OrderOpenRequest(
          id: id ?? "order-\(household)-\(now.epochSeconds)", householdID: household, kind: kind,
          items: items,
          openedBy: by ?? loginName(), at: now, deadlines: d, source: "cli"))
      report(
        w, json: json,
        text: {
          "opened \($0.id)\tclaim by \(InstantFormat.iso($0.claimBy))\tclose by \(InstantFormat.iso($0.closeBy))"
        }, encode: { OrderJSON($0, now: now) })
    } catch {
      failOnUserError(error)
    }
  }
}

struct OrderClaimCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "claim",
    abstract: "Claim an order for a volunteer; refused, naming the holder, if already claimed.")
  @OptionGroup var store: StoreOptions
  @Argument(help: "Order id.") var order: String
  @Option(help: "The volunteer who takes it.") var volunteer: String
  @Option(help: "Event id (default: claim-<order>-<volunteer>).") var id: String?
  @OptionGroup var clock: ClockOption
  @Flag(help: "Print JSON.") var json = false

  func run() throws {
    try orderAct(store, order, .claim(volunteer: volunteer), id ?? "claim-\(order)-\(volunteer)", clock, json)
  }
}

struct OrderReleaseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "release", abstract: "Give a claimed order back; it is open again with its deadlines.")
  @OptionGroup var store: StoreOptions
  @Argument(help: "Order id.") var order: String
  @Option(help: "The volunteer who holds it.") var by: String
  @Option(help: "Why.") var note: String = ""
  @Option(help: "Event id (default: release-<order>-<at>).") var id: String?
  @OptionGroup var clock: ClockOption
  @Flag(help: "Print JSON.") var json = false

  func run() throws {
    let at = clock.clock.now()
    try orderAct(
      store, order, .release(by: by, note: note), id ?? "release-\(order)-\(at.epochSeconds)", clock, json)
  }
}

struct OrderCloseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "close", abstract: "Close an order: delivered/已送达, refused/拒收, cancelled/已取消.")
  @OptionGroup var store: StoreOptions
  @Argument(help: "Order id.") var order: String
  @Option(
    help: "delivered (已送达), refused (拒收) or cancelled (已取消).",
    transform: { s in
      guard let o = OrderOutcome(word: s) else {
        throw ValidationError("--outcome \"\(s)\": give delivered/已送达, refused/拒收 or cancelled/已取消")
      }
      return o
    })
  var outcome: OrderOutcome
  @Option(help: "Who closes it (default: the login name).") var by: String?
  @Option(help: "A note.") var note: String = ""
  @Option(help: "Event id (default: close-<order>).") var id: String?
  @OptionGroup var clock: ClockOption
  @Flag(help: "Print JSON.") var json = false

  func run() throws {
    try orderAct(
      store, order, .close(outcome: outcome, by: by ?? loginName(), note: note), id ?? "close-\(order)",
      clock, json)
  }
}

func orderAct(
  _ store: StoreOptions, _ order: String, _ action: OrderAction, _ id: String, _ clock: ClockOption,
  _ json: Bool
)
  throws
{
  let s = try store.openForWriting()
  let now = clock.clock.now()
  do {
    let w = try s.act(on: order, action, eventID: id, at: now, source: "cli")
    report(
      w, json: json, text: { "\($0.id)\t\($0.state.rawValue)\t\($0.claimedBy ?? "-")" },
      encode: { OrderJSON($0, now: now) })
  } catch {
    failOnUserError(error)
  }
}

struct OrderListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "Orders in scope: open first by deadline (overdue first), then closed today.")
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
      let rows = try s.orders(under: place.id, at: now, closedWithin: .days(1), limit: limit)
      let f = try s.orderFigures(for: [place.id], at: now)[place.id] ?? OrderFigures()
      if json {
        print(CommandJSON.text(OrderListJSON(scope: try s.path(of: place.id).description, at: now, f, rows)))
        return
      }
      print("open \(f.open)\tunclaimed \(f.unclaimed)\toverdue \(f.overdue)\tclosed today \(f.closedToday)")
      for r in rows {
        let o = r.order
        print(
          "\(o.id)\t\(o.kind.chineseName)\t\(o.state.chineseName)\t\(o.claimedBy ?? "-")\t\(r.room)\t\(o.isOverdue(at: now) ? "超时" : "")\t\(o.escalation(at: now).code)"
        )
      }
    } catch {
      failOnUserError(error)
    }
  }
}

/// An order as `--json` writes it.
struct OrderJSON: Encodable {
  var id, kind, state, items, openedBy, openedAt, claimBy, closeBy: String
  var householdId: Int64
  var claimedBy, claimedAt, closedAt, outcome: String?
  var note: String
  var overdue: Bool
  var escalation: String
  var room: String?
  init(_ o: ServiceOrder, now: Instant, room: String? = nil) {
    id = o.id
    kind = o.kind.rawValue
    state = o.state.rawValue
    items = o.items
    openedBy = o.openedBy
    openedAt = InstantFormat.iso(o.openedAt)
    claimBy = InstantFormat.iso(o.claimBy)
    closeBy = InstantFormat.iso(o.closeBy)
    householdId = o.householdID
    claimedBy = o.claimedBy
    claimedAt = o.claimedAt.map(InstantFormat.iso)
    closedAt = o.closedAt.map(InstantFormat.iso)
    outcome = o.outcome?.rawValue
    note = o.note
    overdue = o.isOverdue(at: now)
    escalation = o.escalation(at: now).code
    self.room = room
  }
}

/// `order list --json`.
struct OrderListJSON: Encodable {
  var scope, at: String
  var open, unclaimed, overdue, closedToday: Int
  var medianCloseSeconds: Int64?
  var orders: [OrderJSON]
  init(scope: String, at: Instant, _ f: OrderFigures, _ rows: [OrderRow]) {
    self.scope = scope
    self.at = InstantFormat.iso(at)
    open = f.open
    unclaimed = f.unclaimed
    overdue = f.overdue
    closedToday = f.closedToday
    medianCloseSeconds = f.medianClose?.seconds
    orders = rows.map { OrderJSON($0.order, now: at, room: $0.room) }
  }
}
