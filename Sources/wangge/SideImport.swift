import Foundation
import WanggeCore
import WanggeLedger
import WanggeStore

/// A volunteers or duty ledger in `wangge import`: read, checked against the store and planned
/// before anything is written (added / changed / unchanged by key), written only when the whole run
/// is clean and not `--check`.
struct SidePlan {
  var kind: LedgerKind
  var added = 0
  var changed = 0
  var unchanged = 0
  /// The read, with the rejected rows (for `--errors`).
  var result: LedgerReadResult
  var problems: [LedgerProblem] = []
  var write: () throws -> Void = {}
  var changes: Int { added + changed }
}

enum SideImport {
  /// Reads `file` as a `kind` ledger and plans it against `s` at `at`; never writes.
  static func plan(
    _ file: String, kind: LedgerKind, options: LedgerReadOptions, store s: any GridStore, at: Instant
  )
    throws -> SidePlan
  {
    let sheet = try SideLedger.read(URL(fileURLWithPath: file), file: file, expected: kind, options: options)
    switch kind {
    case .duty: return try duty(sheet, options: options, store: s, at: at)
    default: return try volunteers(sheet, store: s, at: at)
    }
  }

  /// Resolves a place path for a row, or adds the row's problem.
  static func place(
    _ path: PlacePath, in s: any GridStore, file: String, raw: RawSheetRow, column: String,
    cache: inout [PlacePath: Int64], problems: inout [LedgerProblem]
  ) -> Int64? {
    if let id = cache[path] { return id }
    do {
      let id = try s.resolve(path).id
      cache[path] = id
      return id
    } catch {
      problems.append(
        LedgerProblem(
          file: file, row: raw.number, column: column, problem: "no place \(path.description) in the store",
          fix: "give the path of a place that exists (import the places ledger first)"))
      return nil
    }
  }

  static func volunteers(_ sheet: SideSheet, store s: any GridStore, at: Instant) throws -> SidePlan {
    var (rows, problems, rejected) = VolunteerLedger.validate(sheet)
    let root = try s.root()
    let existing = try s.volunteers(under: root.id, at: at, limit: 1_000_000).map(\.volunteer)
    var byKey = Dictionary(existing.map { ("\($0.name)|\($0.phone)", $0) }, uniquingKeysWith: { a, _ in a })
    var next = (existing.map(\.id).max() ?? 0) + 1
    var places: [PlacePath: Int64] = [:]
    var plan = SidePlan(kind: .volunteers, result: sheet.result(problems: [], rejected: [], accepted: 0))
    var records: [VolunteerRecord] = []
    let raws = Dictionary(sheet.rows.map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
    for r in rows {
      let raw = raws[r.rowNumber]!
      var mine: [LedgerProblem] = []
      guard
        let place = self.place(
          PlacePath(parsing: r.place), in: s, file: sheet.file, raw: raw, column: "报到社区", cache: &places,
          problems: &mine)
      else {
        problems += mine
        rejected.append(RejectedRow(raw: raw, problems: mine))
        continue
      }
      let key = "\(r.name)|\(r.phone)"
      let old = byKey[key]
      let record = VolunteerRecord(
        id: old?.id ?? next, name: r.name, phone: r.phone, isPartyMember: r.partyMember, placeID: place,
        homeUnit: r.homeUnit, team: r.team, posts: r.posts, reportedAt: r.reportedAt, onPostAt: r.onPostAt)
      if old == nil { next += 1 }
      byKey[key] = record
      if old == record {
        plan.unchanged += 1
      } else {
        if old == nil { plan.added += 1 } else { plan.changed += 1 }
        records.append(record)
      }
    }
    plan.problems = problems
    plan.result = sheet.result(problems: problems, rejected: rejected, accepted: rows.count)
    plan.write = { if !records.isEmpty { _ = try s.saveVolunteers(records) } }
    return plan
  }

  static func duty(_ sheet: SideSheet, options: LedgerReadOptions, store s: any GridStore, at: Instant) throws
    -> SidePlan
  {
    var (rows, problems, rejected) = DutyLedger.validate(sheet, levels: options.levels)
    let today = (at.epochSeconds + Int64(InstantFormat.displayOffsetSeconds)) / 86_400
    var places: [PlacePath: Int64] = [:]
    var rosters: [Int64: [String: DutyPost]] = [:]
    var plan = SidePlan(kind: .duty, result: sheet.result(problems: [], rejected: [], accepted: 0))
    var posts: [DutyPost] = []
    let raws = Dictionary(sheet.rows.map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
    let column = options.levels.name(at: sheet.header.firstLevelDepth)
    for r in rows {
      let raw = raws[r.rowNumber]!
      var mine: [LedgerProblem] = []
      guard
        let place = self.place(
          r.path, in: s, file: sheet.file, raw: raw, column: column, cache: &places, problems: &mine)
      else {
        problems += mine
        rejected.append(RejectedRow(raw: raw, problems: mine))
        continue
      }
      if rosters[place] == nil {
        rosters[place] = Dictionary(
          try s.dutyRoster(of: place).map { ($0.rosterKey, $0) }, uniquingKeysWith: { a, _ in a })
      }
      var post = DutyPost(
        placeID: place, role: r.role, person: r.person, phone: r.phone, startMinute: r.startMinute,
        lengthMinutes: r.lengthMinutes, onDays: r.onDays, offDays: r.offDays, anchorDay: r.anchorDay ?? today)
      let old = rosters[place]![post.rosterKey]
      if r.anchorDay == nil, let old { post.anchorDay = old.anchorDay }  // re-import keeps the rotation
      if let p = post.problem {
        mine.append(
          LedgerProblem(file: sheet.file, row: r.rowNumber, column: "-", problem: p, fix: "fix the cell"))
        problems += mine
        rejected.append(RejectedRow(raw: raw, problems: mine))
        continue
      }
      post.id = old?.id ?? 0
      rosters[place]![post.rosterKey] = post
      if old == post {
        plan.unchanged += 1
      } else {
        if old == nil { plan.added += 1 } else { plan.changed += 1 }
        posts.append(post)
      }
    }
    plan.problems = problems
    plan.result = sheet.result(problems: problems, rejected: rejected, accepted: rows.count)
    plan.write = { if !posts.isEmpty { _ = try s.upsertDutyPosts(posts) } }
    return plan
  }
}

extension SideImport {
  /// The plans of the files of `files` that are side ledgers (all of them, as `expected`, when given),
  /// and the problems of those that could not be read at all.
  static func plans(
    _ files: [String], expected: LedgerKind?, options: LedgerReadOptions, store s: any GridStore, at: Instant
  ) throws -> ([SidePlan], [LedgerProblem]) {
    var plans: [SidePlan] = []
    var problems: [LedgerProblem] = []
    for f in files {
      guard let kind = expected ?? SideLedger.sniff(URL(fileURLWithPath: f), options: options) else {
        continue
      }
      do {
        plans.append(try plan(f, kind: kind, options: options, store: s, at: at))
      } catch let e as LedgerFileError {
        problems += e.problems
      }
    }
    return (plans, problems)
  }

  /// Writes the plans (each in its own transaction, after the registry's); exits on a store refusal.
  static func write(_ plans: [SidePlan]) {
    for p in plans {
      do { try p.write() } catch { failOnUserError(error) }
    }
  }
}
