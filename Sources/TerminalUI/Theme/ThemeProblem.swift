/// One problem in a theme file, shown as `FILE:LINE: key: problem (allowed: …)`.
public struct ThemeProblem: Error, Sendable, Hashable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var key: String
  public var problem: String
  public var allowed: [String]

  public init(file: String, line: Int, key: String, problem: String, allowed: [String] = []) {
    self.file = file
    self.line = line
    self.key = key
    self.problem = problem
    self.allowed = allowed
  }

  public var description: String {
    let tail = allowed.isEmpty ? "" : " (allowed: \(allowed.joined(separator: ", ")))"
    return "\(file):\(line): \(key): \(problem)\(tail)"
  }
}
