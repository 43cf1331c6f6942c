import GRDB
import WanggeCore
import WanggeStore

extension SQLiteStore: OrderDesk {
  public func openOrder(_ request: OrderOpenRequest) throws -> OrderWrite<ServiceOrder> {
    try write { db in try OrderBook(SQLiteOrderSQL(db: db)).open(request) }
  }

  public func act(on order: String, _ action: OrderAction, eventID: String, at: Instant, source: String)
    throws
    -> OrderWrite<ServiceOrder>
  {
    try write { db in
      try OrderBook(SQLiteOrderSQL(db: db)).act(on: order, action, eventID: eventID, at: at, source: source)
    }
  }

  public func orders(under scope: Int64, at now: Instant, closedWithin: Span, limit: Int) throws -> [OrderRow]
  {
    try read { db in
      try OrderBook(SQLiteOrderSQL(db: db)).orders(
        under: scope, at: now, closedWithin: closedWithin, limit: limit)
    }
  }

  public func orderFigures(for ids: [Int64], at now: Instant) throws -> [Int64: OrderFigures] {
    try read { db in try OrderBook(SQLiteOrderSQL(db: db)).figures(for: ids, at: now) }
  }

  public func openGreen(_ request: GreenOpenRequest) throws -> OrderWrite<GreenChannel> {
    try write { db in try OrderBook(SQLiteOrderSQL(db: db)).openGreen(request) }
  }

  public func act(onGreen id: String, _ action: GreenAction, eventID: String, at: Instant, source: String)
    throws
    -> OrderWrite<GreenChannel>
  {
    try write { db in
      try OrderBook(SQLiteOrderSQL(db: db)).act(onGreen: id, action, eventID: eventID, at: at, source: source)
    }
  }

  public func greenChannels(under scope: Int64, at now: Instant, limit: Int) throws -> [GreenRow] {
    try read { db in
      try OrderBook(SQLiteOrderSQL(db: db)).greenChannels(under: scope, at: now, limit: limit)
    }
  }

  public func volunteers(under scope: Int64, at now: Instant, limit: Int) throws -> [VolunteerRow] {
    try read { db in
      try OrderBook(SQLiteOrderSQL(db: db)).volunteers(under: scope, at: now, limit: limit)
    }
  }

  public func volunteerFigures(of scope: Int64, at now: Instant) throws -> VolunteerFigures {
    try read { db in try OrderBook(SQLiteOrderSQL(db: db)).volunteerFigures(of: scope, at: now) }
  }

  public func saveVolunteers(_ records: [VolunteerRecord]) throws -> Int {
    try write { db in try OrderBook(SQLiteOrderSQL(db: db)).saveVolunteers(records) }
  }
}
