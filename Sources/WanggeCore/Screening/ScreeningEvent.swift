/// The screening and home-isolation events (`arrival_expect`, `arrival`, `isolation_open`,
/// `isolation_check`, `isolation_release`, `isolation_transfer`, `isolation_lost`); documented in the
/// README ("Screening results and home isolation").
public enum ScreeningEvent: Hashable, Sendable {
  /// A person announced before they arrive (`1月7日从临沂回来`), expected on `day`.
  case arrivalExpected(household: Int64, name: String, from: String, day: LocalDay, risk: RiskLevel?)
  /// A person arrived (an expected one, or one not announced when `from` is given): a returnee, and an
  /// isolation case when `risk` (or the announcement's risk) is high or medium.
  case arrived(household: Int64, name: String, from: String?, risk: RiskLevel?)
  /// A home-isolation case opened directly (not from a screening finish).
  case isolationOpened(household: Int64, name: String, risk: RiskLevel, start: LocalDay?)
  /// A check of an isolation case: temperature (tenths of a degree), symptoms, door seal.
  case isolationCheck(case: Int64, temperatureTenths: Int?, symptoms: Bool, sealIntact: Bool)
  /// The case ends: released (needs a final check), transferred, or lost.
  case isolationClosed(case: Int64, status: IsolationStatus, note: String)

  /// The `type` word in JSON Lines.
  public var typeCode: String {
    switch self {
    case .arrivalExpected: "arrival_expect"
    case .arrived: "arrival"
    case .isolationOpened: "isolation_open"
    case .isolationCheck: "isolation_check"
    case .isolationClosed(_, .released, _): "isolation_release"
    case .isolationClosed(_, .transferred, _): "isolation_transfer"
    case .isolationClosed(_, _, _): "isolation_lost"
    }
  }

  /// Every type word these events use.
  public static let typeCodes = [
    "arrival_expect", "arrival", "isolation_open", "isolation_check", "isolation_release",
    "isolation_transfer", "isolation_lost",
  ]

  /// The household the event names, nil when it names a case.
  public var household: Int64? {
    switch self {
    case .arrivalExpected(let h, _, _, _, _), .arrived(let h, _, _, _), .isolationOpened(let h, _, _, _): h
    case .isolationCheck, .isolationClosed: nil
    }
  }

  /// The fields as text, for the event digest (same content, same text).
  public var digestText: String {
    switch self {
    case .arrivalExpected(let h, let n, let f, let d, let r):
      "ae|\(h)|\(n)|\(f)|\(d.number)|\(r?.rawValue ?? "")"
    case .arrived(let h, let n, let f, let r): "ar|\(h)|\(n)|\(f ?? "\u{1}")|\(r?.rawValue ?? "")"
    case .isolationOpened(let h, let n, let r, let s): "io|\(h)|\(n)|\(r.rawValue)|\(s?.number ?? -1)"
    case .isolationCheck(let c, let t, let s, let seal): "ic|\(c)|\(t ?? -1)|\(s)|\(seal)"
    case .isolationClosed(let c, let s, let note): "cl|\(c)|\(s.rawValue)|\(note)"
    }
  }

  /// A temperature from this (tenths of a degree) counts as fever, a symptom.
  public static let feverTenths = 373
  /// Temperatures accepted, in tenths of a degree.
  public static let temperatureRange = 340...430

  /// Whether the check reports a symptom (said so, or fever).
  public var reportsSymptom: Bool {
    guard case .isolationCheck(_, let t, let s, _) = self else { return false }
    return s || (t ?? 0) >= Self.feverTenths
  }
}
