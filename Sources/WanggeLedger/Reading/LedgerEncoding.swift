import Foundation

/// The text encoding of a CSV ledger: what Excel writes (UTF-8 with a BOM), what WPS and older Excel
/// on Chinese Windows write (GB18030, a superset of GBK and GB2312), or plain UTF-8.
public enum LedgerEncoding: String, CaseIterable, Sendable, Hashable {
  case utf8 = "utf-8"
  case utf8BOM = "utf-8-bom"
  case gb18030 = "gb18030"

  /// Foundation's GB18030 (kCFStringEncodingGB_18030_2000).
  static let foundationGB18030 = String.Encoding(rawValue: 0x8000_0632)

  /// Reads `--encoding` words: `utf-8`, `utf8`, `utf-8-bom`, `gb18030`, `gbk`, `gb2312`.
  public init?(name: String) {
    switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
    case "utf-8", "utf8": self = .utf8
    case "utf-8-bom", "utf8-bom", "utf-8-sig", "utf8bom": self = .utf8BOM
    case "gb18030", "gbk", "gb2312", "cp936": self = .gb18030
    default: return nil
    }
  }

  /// The bytes that open a file in this encoding.
  var preamble: [UInt8] { self == .utf8BOM ? [0xEF, 0xBB, 0xBF] : [] }

  /// Decodes `bytes`; nil when they are not text in this encoding.
  func decode(_ bytes: Data) -> String? {
    switch self {
    case .utf8, .utf8BOM: String(validating: bytes, as: UTF8.self)
    case .gb18030: GB18030Decoder.decode(bytes)
    }
  }

  /// Decodes `bytes`, marking what is not text with U+FFFD.
  func decodeLossy(_ bytes: Data) -> String {
    if let s = decode(bytes) { return s }
    switch self {
    case .utf8, .utf8BOM: return String(decoding: bytes, as: UTF8.self)
    case .gb18030:
      // Decode record by byte runs: ASCII stays, each undecodable run becomes U+FFFD.
      var out = ""
      var run = Data()
      for b in bytes {
        if b < 0x80 {
          if !run.isEmpty { out += String(data: run, encoding: Self.foundationGB18030) ?? "\u{FFFD}" }
          run.removeAll()
          out.unicodeScalars.append(Unicode.Scalar(b))
        } else {
          run.append(b)
        }
      }
      if !run.isEmpty { out += String(data: run, encoding: Self.foundationGB18030) ?? "\u{FFFD}" }
      return out
    }
  }

  /// Encodes `text`; GB18030 encodes every Unicode character.
  func encode(_ text: String) -> Data {
    switch self {
    case .utf8, .utf8BOM: Data(text.utf8)
    case .gb18030: text.data(using: Self.foundationGB18030) ?? Data(text.utf8)
    }
  }

  /// The encoding of a file whose first complete records are `head`: a UTF-8 BOM says UTF-8 with BOM;
  /// bytes that are valid UTF-8 say UTF-8; bytes that decode as GB18030 say GB18030; nil otherwise.
  static func detect(_ head: Data) -> LedgerEncoding? {
    if head.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8BOM }
    if String(validating: head, as: UTF8.self) != nil { return .utf8 }
    if GB18030Decoder.decode(head) != nil { return .gb18030 }
    return nil
  }
}
