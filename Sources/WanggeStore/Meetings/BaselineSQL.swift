import WanggeCore

/// The statements that copy the rollups into a baseline, written once for both engines (numbered
/// parameters `$1`…; SQLite reads them as `?1`…). They read `place_stats`, `task_tally` of the tasks in
/// the window, `help_due_hour` and this hour's `help_due`, never the raw rows.
public enum BaselineSQL {
  /// The figure columns of `baseline_figure`, in ``PlaceFigures`` order after the stats.
  public static let figureColumns =
    PlaceStats.columns + [
      "assigned", "acked_on_time", "acked_late", "ack_overdue", "finished_on_time", "finished_late",
      "finish_overdue", "help_overdue",
    ]

  /// Inserts one row per place above the units: $1 baseline id, $2 instant, $3 window start,
  /// $4 the instant's hour, $5 that hour's first second, $6 the unit depth.
  public static let copy = """
    INSERT INTO baseline_figure(baseline_id, place_id, \(figureColumns.joined(separator: ", ")))
    SELECT $1, s.place_id, s.households, s.people, s.units, s.leaders, s.stations, s.groups_built,
      s.reached_group, s.reached_phone, s.help_cases, s.green_open,
      coalesce(t.assigned, 0), coalesce(t.ako, 0), coalesce(t.acked - t.ako, 0), coalesce(t.ack_over, 0),
      coalesce(t.fot, 0), coalesce(t.fin - t.fot, 0), coalesce(t.fin_over, 0),
      CASE WHEN s.help_cases > 0 THEN coalesce(h.n, 0) + coalesce(h2.n, 0) ELSE 0 END
    FROM place_stats s JOIN place p ON p.id = s.place_id
    LEFT JOIN (
      SELECT x.place_id, sum(x.assigned) AS assigned, sum(x.acked_on_time) AS ako, sum(x.acked) AS acked,
        sum(CASE WHEN $2 > k.issued_at + k.ack_within THEN x.assigned - x.acked ELSE 0 END) AS ack_over,
        sum(x.finished_on_time) AS fot, sum(x.finished) AS fin,
        sum(CASE WHEN $2 > k.issued_at + k.finish_within THEN x.assigned - x.finished ELSE 0 END) AS fin_over
      FROM task_tally x JOIN task k ON k.id = x.task_id
      WHERE k.issued_at > $3 AND k.issued_at <= $2 GROUP BY x.place_id) t ON t.place_id = s.place_id
    LEFT JOIN (SELECT place_id, sum(count) AS n FROM help_due_hour WHERE hour < $4 GROUP BY place_id) h
      ON h.place_id = s.place_id
    LEFT JOIN (
      SELECT place_id, count(*) AS n FROM help_due WHERE due_at >= $5 AND due_at < $2 GROUP BY place_id) h2
      ON h2.place_id = s.place_id
    WHERE p.depth < $6
    """

  /// The parameters of ``copy`` after the baseline id.
  public static func parameters(at: Instant, window: Span, unitDepth: Int) -> [Int64] {
    let hour = at.epochSeconds / 3600
    return [at.epochSeconds, (at - window).epochSeconds, hour, hour * 3600, Int64(unitDepth)]
  }

  /// Reads the figures from one row's values in ``figureColumns`` order.
  public static func figures(_ v: [Int64]) -> PlaceFigures {
    let s = PlaceStats(values: Array(v.prefix(PlaceStats.columns.count)))
    var f = PlaceFigures()
    f.households = Int(s.households)
    f.people = Int(s.people)
    f.units = Int(s.units)
    f.unitLeaders = Int(s.leaders)
    f.stations = Int(s.stations)
    f.groupsBuilt = Int(s.groupsBuilt)
    f.reachedInGroup = Int(s.reachedGroup)
    f.reachedByPhone = Int(s.reachedPhone)
    f.helpCases = Int(s.helpCases)
    f.greenChannelOpen = Int(s.greenOpen)
    let t = v.dropFirst(PlaceStats.columns.count).map(Int.init)
    f.assigned = t[t.startIndex]
    f.acknowledgedOnTime = t[t.startIndex + 1]
    f.acknowledgedLate = t[t.startIndex + 2]
    f.acknowledgementsOverdue = t[t.startIndex + 3]
    f.finishedOnTime = t[t.startIndex + 4]
    f.finishedLate = t[t.startIndex + 5]
    f.finishesOverdue = t[t.startIndex + 6]
    f.helpOverdue = t[t.startIndex + 7]
    return f
  }
}
