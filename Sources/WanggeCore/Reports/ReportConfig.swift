import Foundation

/// The report system's config file (JSON; every field optional, defaults documented in README →
/// Reports): `{"file_within": {"1": "30m"}, "ack_within": {"1": "30m"}, "weights": {"ack": 15, …}}`.
public struct ReportConfig: Sendable, Hashable {
  public var rules = ReportRules.standard
  public var weights = ScoreWeights()
  public init(rules: ReportRules = .standard, weights: ScoreWeights = ScoreWeights()) {
    self.rules = rules
    self.weights = weights
  }

  /// Why a config file cannot be used: the field and the fix.
  public struct Problem: Error, CustomStringConvertible, Sendable {
    public var description: String
  }

  private struct File: Decodable {
    var file_within: [String: String]?
    var ack_within: [String: String]?
    var weights: ScoreWeights?
  }

  /// Reads a config file's bytes; `name` is used in messages.
  public static func parse(_ data: Data, name: String) throws -> ReportConfig {
    let file: File
    do { file = try JSONDecoder().decode(File.self, from: data) } catch {
      throw Problem(
        description: "\(name): not a report config (JSON with file_within, ack_within, weights): \(error)")
    }
    var out = ReportConfig()
    func spans(_ field: String, _ m: [String: String]?, into target: inout [Int: Span]) throws {
      for (k, v) in m ?? [:] {
        guard let sev = Int(k), IncidentSeverity(rawValue: sev) != nil else {
          throw Problem(
            description: "\(name): \(field) key \"\(k)\" is not a severity 1–4; use \"1\" … \"4\"")
        }
        guard let span = Span(parsing: v) else {
          throw Problem(
            description: "\(name): \(field)[\(k)] \"\(v)\" is not a duration; write it like 30m or 2h")
        }
        target[sev] = span
      }
    }
    try spans("file_within", file.file_within, into: &out.rules.fileWithin)
    try spans("ack_within", file.ack_within, into: &out.rules.ackWithin)
    if let w = file.weights { out.weights = w }
    if let p = out.rules.boundProblem ?? out.weights.boundProblem {
      throw Problem(description: "\(name): \(p)")
    }
    return out
  }
}
