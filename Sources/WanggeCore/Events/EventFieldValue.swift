import Foundation

/// One value of an event line's JSON object, as the parser needs it.
enum EventFieldValue: Sendable, Equatable {
  case string(String)
  case int(Int64)
  case number(Double)
  case bool(Bool)
  case null
  /// A nested object or array, kept as compact JSON text (sorted keys).
  case json(String)

  /// Converts what JSONSerialization returned.
  init(_ any: Any) {
    if any is NSNull {
      self = .null
    } else if let s = any as? String {
      self = .string(s)
    } else if let n = any as? NSNumber {
      // By the number's own type: `0` and `1` also cast to Bool, and a double loses digits past 2^53.
      switch String(cString: n.objCType) {
      case "c", "B": self = .bool(n.boolValue)
      case "q", "i", "l", "s": self = .int(n.int64Value)
      case "Q" where n.uint64Value <= UInt64(Int64.max): self = .int(n.int64Value)
      default:
        if let i = Int64(exactly: n.doubleValue) { self = .int(i) } else { self = .number(n.doubleValue) }
      }
    } else if let b = any as? Bool {
      self = .bool(b)
    } else if JSONSerialization.isValidJSONObject(any),
      let d = try? JSONSerialization.data(withJSONObject: any, options: [.sortedKeys])
    {
      self = .json(String(decoding: d, as: UTF8.self))
    } else {
      self = .null
    }
  }

  /// For messages: the value as the sender wrote it, roughly.
  var shown: String {
    switch self {
    case .string(let s): "\"\(s)\""
    case .int(let i): "\(i)"
    case .number(let d): "\(d)"
    case .bool(let b): "\(b)"
    case .null: "null"
    case .json(let j): j
    }
  }
}
