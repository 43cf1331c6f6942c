/// A Swift value sent as a text parameter (`$1`…) or a COPY field.
public protocol PGBindable {
  /// The value in PostgreSQL's text input format.
  var pgText: String { get }
}

/// A Swift value read from a column in PostgreSQL's text output format.
public protocol PGDecodable {
  /// Parses the text form; nil when `pgText` is not a value of this type.
  init?(pgText: String)
}

extension String: PGBindable, PGDecodable {
  public var pgText: String { self }
  public init?(pgText: String) { self = pgText }
}

extension Substring: PGBindable {
  public var pgText: String { String(self) }
}

extension Int: PGBindable, PGDecodable {
  public var pgText: String { String(self) }
  public init?(pgText: String) { self.init(pgText) }
}

extension Int64: PGBindable, PGDecodable {
  public var pgText: String { String(self) }
  public init?(pgText: String) { self.init(pgText) }
}

extension Int32: PGBindable, PGDecodable {
  public var pgText: String { String(self) }
  public init?(pgText: String) { self.init(pgText) }
}

extension Bool: PGBindable, PGDecodable {
  public var pgText: String { self ? "t" : "f" }
  public init?(pgText: String) {
    switch pgText {
    case "t", "true", "1": self = true
    case "f", "false", "0": self = false
    default: return nil
    }
  }
}

extension Double: PGBindable, PGDecodable {
  public var pgText: String {
    if isNaN { return "NaN" }
    if isInfinite { return self < 0 ? "-Infinity" : "Infinity" }
    return String(self)
  }
  public init?(pgText: String) {
    switch pgText {
    case "NaN": self = .nan
    case "Infinity": self = .infinity
    case "-Infinity": self = -.infinity
    default: self.init(pgText)
    }
  }
}
