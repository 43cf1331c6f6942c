import WanggeCore

extension OrderBook {
  static func subtree(_ param: String = "?") -> String {
    "WITH RECURSIVE sub(id) AS (SELECT CAST(\(param) AS BIGINT) UNION ALL SELECT p.id FROM place p JOIN sub ON p.parent_id = sub.id) "
  }

  /// Figures per place from the rollups: O(ids × (hours + buckets)), in five statements for all of `ids`
  /// (the overview asks for the scope and every child on each refresh).
  public func figures(for ids: [Int64], at now: Instant) throws -> [Int64: OrderFigures] {
    var out: [Int64: OrderFigures] = [:]
    let unique = Array(Set(ids)).sorted()
    for start in stride(from: 0, to: unique.count, by: 500) {
      let chunk = Array(unique[start..<min(start + 500, unique.count)])
      out.merge(try figures(chunk, at: now)) { _, new in new }
    }
    return out
  }

  /// `figures(for:at:)` for at most a few hundred distinct ids.
  private func figures(_ ids: [Int64], at now: Instant) throws -> [Int64: OrderFigures] {
    let hour = now.epochSeconds.floorDivided(by: 3600)
    let today = CloseDurations.day(now)
    let list = "place_id IN (" + Array(repeating: "?", count: ids.count).joined(separator: ", ") + ")"
    let idArgs = ids.map { OrderArg.int($0) }
    func int(_ text: String?) -> Int64 { text.flatMap { Int64($0) } ?? 0 }
    var out = Dictionary(uniqueKeysWithValues: ids.map { ($0, OrderFigures()) })
    for r in try sql.rows(
      "SELECT place_id, unclaimed, claimed, green_open FROM order_stats WHERE \(list)", idArgs)
    {
      let id = int(r[0])
      out[id]?.unclaimed = Int(int(r[1]))
      out[id]?.open = Int(int(r[1]) + int(r[2]))
      out[id]?.greenUntaken = Int(int(r[3]))
    }
    // Overdue: the hours before this one from the per-hour counts, this hour's from the due rows.
    var overdue: [Int64: [String: Int64]] = [:]
    for r in try sql.rows(
      "SELECT place_id, kind, sum(count) FROM order_due_hour WHERE \(list) AND kind IN ('o', 'g') AND hour < ? "
        + "GROUP BY place_id, kind", idArgs + [.int(hour)])
    {
      overdue[int(r[0]), default: [:]][r[1] ?? "", default: 0] += int(r[2])
    }
    for r in try sql.rows(
      "SELECT place_id, kind, count(*) FROM order_due WHERE \(list) AND kind IN ('o', 'g') AND due_at >= ? "
        + "AND due_at < ? GROUP BY place_id, kind", idArgs + [.int(hour * 3600), .int(now.epochSeconds)])
    {
      overdue[int(r[0]), default: [:]][r[1] ?? "", default: 0] += int(r[2])
    }
    let greenIDs = ids.filter { (out[$0]?.greenUntaken ?? 0) > 0 }
    var greenOldest: [Int64: Instant] = [:]
    if !greenIDs.isEmpty {
      let greens =
        "place_id IN (" + Array(repeating: "?", count: greenIDs.count).joined(separator: ", ") + ")"
      for r in try sql.rows(
        "SELECT place_id, min(opened_at) FROM order_due WHERE \(greens) AND kind = 'g' GROUP BY place_id",
        greenIDs.map { .int($0) })
      {
        if let at = r[1].flatMap({ Int64($0) }) { greenOldest[int(r[0])] = Instant(epochSeconds: at) }
      }
    }
    var buckets: [Int64: [Int: Int64]] = [:]
    for r in try sql.rows(
      "SELECT place_id, day, bucket, count FROM order_closed WHERE \(list) AND day > ? AND day <= ?",
      idArgs + [.int(today - 7), .int(today)])
    {
      let (id, day, b, n) = (int(r[0]), int(r[1]), Int(int(r[2])), int(r[3]))
      if day == today { out[id]?.closedToday += Int(n) }
      buckets[id, default: [:]][b, default: 0] += n
    }
    for id in ids {
      out[id]?.overdue = Int(overdue[id]?["o"] ?? 0)
      if (out[id]?.greenUntaken ?? 0) > 0 {
        out[id]?.greenOverdue = Int(overdue[id]?["g"] ?? 0)
        out[id]?.greenOldest = greenOldest[id]
      }
      out[id]?.medianClose = CloseDurations.median(buckets[id] ?? [:])
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
