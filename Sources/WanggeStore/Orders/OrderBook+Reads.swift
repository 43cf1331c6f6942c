import WanggeCore

extension OrderBook {
  static func subtree(_ param: String = "?") -> String {
    "WITH RECURSIVE sub(id) AS (SELECT CAST(\(param) AS BIGINT) UNION ALL SELECT p.id FROM place p JOIN sub ON p.parent_id = sub.id) "
  }

  /// Figures per place from the rollups: O(ids × (hours + buckets)).
  public func figures(for ids: [Int64], at now: Instant) throws -> [Int64: OrderFigures] {
    var out: [Int64: OrderFigures] = [:]
    let hour = now.epochSeconds.floorDivided(by: 3600)
    let today = CloseDurations.day(now)
    for id in ids {
      var f = OrderFigures()
      if let r = try sql.one(
        "SELECT unclaimed, claimed, green_open FROM order_stats WHERE place_id = ?", [.int(id)])
      {
        f.unclaimed = Int(r[0].flatMap { Int64($0) } ?? 0)
        f.open = f.unclaimed + Int(r[1].flatMap { Int64($0) } ?? 0)
        f.greenUntaken = Int(r[2].flatMap { Int64($0) } ?? 0)
      }
      func overdue(_ kind: String) throws -> Int {
        let past = try sql.int(
          "SELECT coalesce(sum(count), 0) FROM order_due_hour WHERE place_id = ? AND kind = ? AND hour < ?",
          [.int(id), .text(kind), .int(hour)])
        let thisHour = try sql.int(
          "SELECT count(*) FROM order_due WHERE place_id = ? AND kind = ? AND due_at >= ? AND due_at < ?",
          [.int(id), .text(kind), .int(hour * 3600), .int(now.epochSeconds)])
        return Int(past + thisHour)
      }
      f.overdue = try overdue("o")
      if f.greenUntaken > 0 {
        f.greenOverdue = try overdue("g")
        f.greenOldest = try sql.one(
          "SELECT min(opened_at) FROM order_due WHERE place_id = ? AND kind = 'g'", [.int(id)])?[0]
          .flatMap { Int64($0) }.map(Instant.init(epochSeconds:))
      }
      var buckets: [Int: Int64] = [:]
      for r in try sql.rows(
        "SELECT day, bucket, count FROM order_closed WHERE place_id = ? AND day > ? AND day <= ?",
        [.int(id), .int(today - 7), .int(today)])
      {
        let (day, b, n) = (Int64(r[0]!)!, Int(r[1]!)!, Int64(r[2]!)!)
        if day == today { f.closedToday += Int(n) }
        buckets[b, default: 0] += n
      }
      f.medianClose = CloseDurations.median(buckets)
      out[id] = f
    }
    return out
  }

  public func orders(under scope: Int64, at now: Instant, closedWithin: Span, limit: Int) throws -> [OrderRow]
  {
    let cols = Self.orderColumns.split(separator: ",").map { "o." + $0.trimmingCharacters(in: .whitespaces) }
      .joined(separator: ", ")
    let rows = try sql.rows(
      Self.subtree()
        + """
        SELECT \(cols), h.room, h.head_name FROM service_order o JOIN household h ON h.id = o.household_id
        WHERE o.unit_id IN (SELECT id FROM sub) AND (o.state <> 'closed' OR o.closed_at >= ?)
        ORDER BY CASE WHEN o.state = 'closed' THEN 1 ELSE 0 END,
          CASE WHEN o.state = 'open' THEN o.claim_by WHEN o.state = 'claimed' THEN o.close_by ELSE -o.closed_at END, o.id
        LIMIT ?
        """, [.int(scope), .int((now - closedWithin).epochSeconds), .int(Int64(max(0, limit)))])
    return rows.map { r in
      OrderRow(order: Self.decodeOrder(r), unitID: Int64(r[14]!)!, room: r[15] ?? "", headName: r[16] ?? "")
    }
  }

  public func greenChannels(under scope: Int64, at now: Instant, limit: Int) throws -> [GreenRow] {
    let cols = Self.greenColumns.split(separator: ",").map { "g." + $0.trimmingCharacters(in: .whitespaces) }
      .joined(separator: ", ")
    let rows = try sql.rows(
      Self.subtree()
        + """
        SELECT \(cols), h.room, h.head_name FROM green_channel g JOIN household h ON h.id = g.household_id
        WHERE g.unit_id IN (SELECT id FROM sub) AND (g.state <> 'resolved' OR g.resolved_at >= ?)
        ORDER BY CASE g.state WHEN 'open' THEN 0 WHEN 'taken' THEN 1 ELSE 2 END, g.opened_at, g.id LIMIT ?
        """, [.int(scope), .int((now - .days(1)).epochSeconds), .int(Int64(max(0, limit)))])
    return rows.map { r in
      GreenRow(channel: Self.decodeGreen(r), unitID: Int64(r[11]!)!, room: r[12] ?? "", headName: r[13] ?? "")
    }
  }

  public func volunteers(under scope: Int64, at now: Instant, limit: Int) throws -> [VolunteerRow] {
    let rows = try sql.rows(
      Self.subtree()
        + """
        SELECT v.id, v.name, v.phone, v.party_member, v.place_id, f.home_unit, f.team, f.posts, f.reported_at,
          f.on_post_at FROM volunteer v LEFT JOIN volunteer_profile f ON f.volunteer_id = v.id
        WHERE v.place_id IN (SELECT id FROM sub) ORDER BY v.place_id, v.id LIMIT ?
        """, [.int(scope), .int(Int64(max(0, limit)))])
    var out: [VolunteerRow] = []
    for r in rows {
      let v = VolunteerRecord(
        id: Int64(r[0]!)!, name: r[1] ?? "", phone: r[2] ?? "", isPartyMember: r[3] != "0",
        placeID: Int64(r[4]!)!,
        homeUnit: r[5] ?? "", team: r[6] ?? "",
        posts: (r[7] ?? "").split(separator: "、").map(String.init),
        reportedAt: r[8].flatMap { Int64($0) }.map(Instant.init(epochSeconds:)),
        onPostAt: r[9].flatMap { Int64($0) }.map(Instant.init(epochSeconds:)))
      out.append(VolunteerRow(volunteer: v, ordersInHand: 0))
    }
    // Orders in hand from the per-holder rollup (one keyed lookup per row of the page).
    for i in out.indices {
      out[i].ordersInHand = Int(
        try sql.one("SELECT in_hand FROM volunteer_load WHERE holder = ?", [.text(out[i].volunteer.name)])
          .flatMap { $0[0].flatMap { Int64($0) } } ?? 0)
    }
    return out
  }

  public func saveVolunteers(_ records: [VolunteerRecord]) throws -> Int {
    for v in records {
      try Self.check("姓名 name", v.name, max: 40)
      try Self.check("电话 phone", v.phone, max: 20, empty: true)
      try Self.check("报到单位 unit", v.homeUnit, max: 80, empty: true)
      try Self.check("队伍 team", v.team, max: 40, empty: true)
      guard try sql.one("SELECT 1 FROM place WHERE id = ?", [.int(v.placeID)]) != nil else {
        throw OrderDeskError.unknown(what: "place", id: String(v.placeID), fix: "give the community's path")
      }
      let base: [OrderArg] = [
        .text(v.name), .text(v.phone), .int(v.isPartyMember ? 1 : 0), .int(v.placeID), .int(v.id),
      ]
      let profile: [OrderArg] = [
        .text(v.homeUnit), .text(v.team), .text(v.posts.joined(separator: "、")),
        .opt(v.reportedAt?.epochSeconds),
        .opt(v.onPostAt?.epochSeconds), .int(v.id),
      ]
      try withdrawVolunteer(v.id)
      if try sql.one("SELECT 1 FROM volunteer WHERE id = ?", [.int(v.id)]) != nil {
        try sql.run(
          "UPDATE volunteer SET name = ?, phone = ?, party_member = ?, place_id = ? WHERE id = ?", base)
      } else {
        try sql.run(
          "INSERT INTO volunteer(name, phone, party_member, place_id, id) VALUES (?, ?, ?, ?, ?)", base)
      }
      if try sql.one("SELECT 1 FROM volunteer_profile WHERE volunteer_id = ?", [.int(v.id)]) != nil {
        try sql.run(
          "UPDATE volunteer_profile SET home_unit = ?, team = ?, posts = ?, reported_at = ?, on_post_at = ? WHERE volunteer_id = ?",
          profile)
      } else {
        try sql.run(
          "INSERT INTO volunteer_profile(home_unit, team, posts, reported_at, on_post_at, volunteer_id) VALUES (?, ?, ?, ?, ?, ?)",
          profile)
      }
      try VolunteerRollups(sql: sql).addVolunteer(
        try places(from: v.placeID), reported: v.reportedAt != nil,
        onPostDay: v.onPostAt.map(CloseDurations.day),
        1)
    }
    return records.count
  }

  /// Takes a saved volunteer's old contribution out of the rollups (none when not saved before).
  func withdrawVolunteer(_ id: Int64) throws {
    guard
      let r = try sql.one(
        "SELECT v.place_id, f.reported_at, f.on_post_at FROM volunteer v JOIN volunteer_profile f ON f.volunteer_id = v.id WHERE v.id = ?",
        [.int(id)])
    else { return }
    try VolunteerRollups(sql: sql).addVolunteer(
      try places(from: Int64(r[0]!)!), reported: r[1] != nil,
      onPostDay: r[2].flatMap { Int64($0) }.map { CloseDurations.day(Instant(epochSeconds: $0)) }, -1)
  }

  /// The 志愿者 view's figures of `scope` from the rollups: O(1) lookups.
  public func volunteerFigures(of scope: Int64, at now: Instant) throws -> VolunteerFigures {
    var f = VolunteerFigures()
    if let r = try sql.one(
      "SELECT volunteers, reported FROM volunteer_stats WHERE place_id = ?", [.int(scope)])
    {
      f.volunteers = Int(r[0].flatMap { Int64($0) } ?? 0)
      f.reported = Int(r[1].flatMap { Int64($0) } ?? 0)
    }
    f.onPostToday = Int(
      try sql.one(
        "SELECT count FROM volunteer_on_post WHERE place_id = ? AND day = ?",
        [.int(scope), .int(CloseDurations.day(now))]
      )
      .flatMap { $0[0].flatMap { Int64($0) } } ?? 0)
    f.inHand = Int(
      try sql.one("SELECT claimed FROM order_stats WHERE place_id = ?", [.int(scope)])
        .flatMap { $0[0].flatMap { Int64($0) } } ?? 0)
    return f
  }

  /// The next free volunteer id.
  public func nextVolunteerID() throws -> Int64 {
    try sql.int("SELECT coalesce(max(id), 0) + 1 FROM volunteer", [])
  }
}

extension Int64 {
  func floorDivided(by d: Int64) -> Int64 { self >= 0 ? self / d : -((-self + d - 1) / d) }
}
