import Foundation
import WanggeCore

/// The parsers for the cells of a ledger other than phones: names, rooms, counts, flags, cadences,
/// service modes, reach and dates. Each returns the value or the problem with its fix.
public enum CellValues {
  /// A name (place, person, department): 1 to 64 characters, no control character, no U+FFFD.
  public static func name(_ raw: String) -> Result<String, CellProblem> {
    text(raw, max: LedgerBounds.maxNameCharacters, allowEmpty: false)
  }

  /// Free text (needs, home): at most 500 characters, may be empty, may hold line breaks.
  public static func note(_ raw: String) -> Result<String, CellProblem> {
    text(raw, max: LedgerBounds.maxTextCharacters, allowEmpty: true, lineBreaks: true)
  }

  /// A room label such as `1201` or `3-502`: 1 to 16 characters.
  public static func room(_ raw: String) -> Result<String, CellProblem> {
    text(raw, max: LedgerBounds.maxRoomCharacters, allowEmpty: false)
  }

  static func text(_ raw: String, max: Int, allowEmpty: Bool, lineBreaks: Bool = false) -> Result<
    String, CellProblem
  > {
    let t = FastText.trimmed(raw)
    if t.isEmpty && !allowEmpty { return .failure(CellProblem("empty", "fill it in")) }
    // Characters never outnumber UTF-8 bytes: count them only for long text.
    if t.utf8.count > max, t.count > max {
      return .failure(CellProblem("\(t.count) characters, at most \(max)", "shorten it to \(max) characters"))
    }
    switch FastText.forbidden(t, lineBreaks: lineBreaks) {
    case nil: return .success(t)
    case .notText:
      return .failure(
        CellProblem(
          "holds bytes that are not text in this encoding", "save the file as UTF-8 or pass --encoding"))
    case .lineBreak:
      return .failure(CellProblem("holds a line break", "keep it on one line (remove the Alt+Enter)"))
    case .control: return .failure(CellProblem("holds a control character", "remove it"))
    }
  }

  /// People in a household, 0 to 50; `3`, `3人`, `3口` and `3.0` (Excel's numbers) are read.
  public static func people(_ raw: String) -> Result<Int, CellProblem> {
    // The common cell, on bytes: one to three ASCII digits.
    let u = raw.utf8
    if (1...3).contains(u.count), u.allSatisfy({ (0x30...0x39).contains($0) }) {
      let n = u.reduce(0) { $0 * 10 + Int($1 - 0x30) }
      if LedgerBounds.people.contains(n) { return .success(n) }
    }
    var t = raw.trimmingCharacters(in: .whitespaces)
    let fix =
      "write a whole number from \(LedgerBounds.people.lowerBound) to \(LedgerBounds.people.upperBound)"
    if t.isEmpty { return .failure(CellProblem("empty", fix)) }
    if t.hasSuffix("人") || t.hasSuffix("口") { t.removeLast() }
    if t.hasSuffix(".0") { t.removeLast(2) }
    guard t.count <= 6, let n = Int(t) else {
      return .failure(CellProblem("\(quote(raw)) is not a number", fix))
    }
    guard LedgerBounds.people.contains(n) else {
      return .failure(CellProblem("\(n) people is out of range", fix))
    }
    return .success(n)
  }

  /// A yes/no flag: 是/否, √/×, ✓/✗, 有/无, 1/0, Y/N, yes/no, true/false (any case); empty is 否.
  public static func flag(_ raw: String) -> Result<Bool, CellProblem> {
    // The common cells, on bytes: empty, 是 (E6 98 AF), 否 (E5 90 A6), 1, 0.
    let u = raw.utf8
    if u.isEmpty { return .success(false) }
    if u.count == 3 {
      var it = u.makeIterator()
      let (a, b, c) = (it.next()!, it.next()!, it.next()!)
      if a == 0xE6, b == 0x98, c == 0xAF { return .success(true) }
      if a == 0xE5, b == 0x90, c == 0xA6 { return .success(false) }
    } else if u.count == 1 {
      if u.first == 0x31 { return .success(true) }
      if u.first == 0x30 { return .success(false) }
    }
    let t = HeaderText.normalise(raw)
    if yes.contains(t) { return .success(true) }
    if no.contains(t) { return .success(false) }
    return .failure(CellProblem("unknown flag \(quote(raw))", "write 是 or 否 (also √/×, 1/0, Y/N)"))
  }

  private static let yes: Set<String> = ["是", "√", "✓", "✔", "有", "1", "1.0", "y", "yes", "true", "t", "对"]
  private static let no: Set<String> = [
    "", "否", "×", "✗", "✘", "x", "无", "0", "0.0", "n", "no", "false", "f", "不是",
  ]

  /// A visit cadence from 1 hour to 30 days: `2天`, `48h`, `每2天`, `3小时`, `1d12h`, read by
  /// WanggeCore's `Span(parsing:)`.
  public static func cadence(_ raw: String) -> Result<Span, CellProblem> {
    let fix = "write a span such as 2d, 48h, 2天 or 12小时 (1 hour to 30 days)"
    var t = HeaderText.normalise(raw)
    if t.isEmpty { return .failure(CellProblem("empty", fix)) }
    if t.hasPrefix("每") { t.removeFirst() }
    for suffix in ["一次", "1次", "/次", "次"] where t.hasSuffix(suffix) { t.removeLast(suffix.count) }
    guard let span = Span(parsing: t) ?? Span(parsing: chineseUnitsAsLetters(t)) else {
      return .failure(CellProblem("\(quote(raw)) is not a span of time", fix))
    }
    guard span >= LedgerBounds.minCadence, span <= LedgerBounds.maxCadence else {
      return .failure(CellProblem("every \(span) is out of range", fix))
    }
    return .success(span)
  }

  /// `2天` → `2d`, `12小时` → `12h`, `90分钟` → `90m`: the units as `Span(parsing:)` reads them
  /// before its unified parser (which reads Chinese units itself) lands.
  static func chineseUnitsAsLetters(_ t: String) -> String {
    var s = t
    for (word, letter) in [
      ("小时", "h"), ("分钟", "m"), ("天", "d"), ("日", "d"), ("时", "h"), ("分", "m"), ("秒", "s"),
    ] {
      s = s.replacingOccurrences(of: word, with: letter)
    }
    return s
  }

  /// How a help case is served: 群内服务/群, 电话问询/电话, 一包一/结对, 上门/上门看/入户, or the codes.
  public static func mode(_ raw: String) -> Result<ServiceMode, CellProblem> {
    let t = HeaderText.normalise(raw)
    if let m = ServiceMode(code: t) { return .success(m) }
    let words: [String: ServiceMode] = [
      "群内服务": .group, "群": .group, "群内": .group, "微信群": .group, "电话问询": .phone, "电话": .phone,
      "电话联系": .phone, "一包一": .pairedHelper, "结对": .pairedHelper, "一对一": .pairedHelper,
      "结对帮扶": .pairedHelper, "上门看": .homeVisit, "上门": .homeVisit, "入户": .homeVisit, "上门走访": .homeVisit,
    ]
    if let m = words[t] { return .success(m) }
    return .failure(CellProblem("unknown mode \(quote(raw))", "write 群内服务, 电话问询, 一包一 or 上门看"))
  }

  /// How a household is reached: 进群/已进群/群 → group, 电话 → phone, 未对接 → none; nil when empty
  /// (not stated).
  public static func reach(_ raw: String) -> Result<Reachability?, CellProblem> {
    // The common cells, on bytes (no normalising, no hashing).
    if raw.utf8.isEmpty { return .success(nil) }
    for (word, r) in commonReach where FastText.sameBytes(raw, word) { return .success(r) }
    let t = HeaderText.normalise(raw)
    if t.isEmpty { return .success(nil) }
    if let r = Reachability(code: t) { return .success(r) }
    if let r = reachWords[t] { return .success(r) }
    return .failure(CellProblem("unknown reach \(quote(raw))", "write 已进群, 电话 or 未对接"))
  }

  private static let reachWords: [String: Reachability] = [
    "未对接": .notReached, "无": .notReached, "否": .notReached, "进群": .inGroup,
    "已进群": .inGroup, "群": .inGroup, "群内": .inGroup, "电话": .phoneOnly, "电话对接": .phoneOnly,
    "仅电话": .phoneOnly,
  ]
  private static let commonReach: [(String, Reachability)] = [
    ("已进群", .inGroup), ("电话", .phoneOnly), ("未对接", .notReached),
  ]

  /// A date or time, as written (`2022-04-10`, `2022/4/10`, `2022-04-10 09:30`, ISO 8601) or as the
  /// .xlsx reader turns a date cell; times without an offset are China time (+08:00).
  public static func instant(_ raw: String) -> Result<Instant?, CellProblem> {
    let t = FastText.trimmed(raw)
    if t.isEmpty { return .success(nil) }
    let fix = "write a date such as 2022-04-10 or 2022-04-10 09:30"
    var text = t.replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: "年", with: "-")
      .replacingOccurrences(of: "月", with: "-").replacingOccurrences(of: "日", with: "")
    // Zero-pad 2022-4-9 → 2022-04-09.
    let dateEnd = text.firstIndex(where: { $0 == " " || $0 == "T" }) ?? text.endIndex
    let parts = text[..<dateEnd].split(separator: "-", omittingEmptySubsequences: false)
    if parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isNumber) }) {
      let date = parts[0] + "-" + pad(parts[1]) + "-" + pad(parts[2])
      text = date + text[dateEnd...]
    }
    if !text.contains(" ") && !text.contains("T") { text += " 00:00:00" }
    if text.count == 16, text.dropFirst(10).first == " " { text += ":00" }
    switch InstantFormat.check(text) {
    case .success(let i): return .success(i)
    case .failure(let p): return .failure(CellProblem("\(quote(raw)) is not a date: \(p)", fix))
    }
  }

  private static func pad(_ s: Substring) -> String { s.count == 1 ? "0" + s : String(s) }
}
