import Foundation

@testable import WanggeCore

/// The fast event scanner against the full JSON parser: wherever the flat one accepts a line, the
/// JSON parser reads the same fields and the same event (or the same problem).
struct FlatEventFuzz: FuzzTarget {
  func run(_ bytes: [UInt8]) {
    let line = text(bytes)
    guard let flat = FlatEventScanner.scan(Substring(line)) else { return }
    let any = try? JSONSerialization.jsonObject(with: Data(line.utf8))
    guard let object = any as? [String: Any] else {
      require(false, "the flat scanner accepts a line that is not a JSON object: \(line)")
      return
    }
    let full = object.mapValues(EventFieldValue.init)
    require(flat == full, "fields differ for \(line):\n flat \(flat)\n full \(full)")
    let a = EventLineParser.parse(fields: flat)
    let b = EventLineParser.parse(fields: full)
    require(a == b, "events differ for \(line):\n flat \(a)\n full \(b)")
    require(EventLineParser.parse(Substring(line)) == a, "parse(line) does not take the flat result")
  }
}
