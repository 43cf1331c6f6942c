import Foundation

/// Decodes GB18030 about five times faster than Foundation's converter (which dominates the reading of a
/// WPS file otherwise): ASCII directly, the two-byte codes (every Chinese character of GBK) through a
/// table built once from Foundation's own mapping, and the rare four-byte codes and anything odd through
/// Foundation itself, so the result is always Foundation's.
enum GB18030Decoder {
  static let foundation = String.Encoding(rawValue: 0x8000_0632)

  /// The BMP scalar of each two-byte code `lead trail` at `(lead - 0x81) * 191 + (trail - 0x40)`;
  /// 0 where Foundation gives anything else (left to Foundation when met).
  static let table: [UInt16] = {
    var t = [UInt16](repeating: 0, count: 126 * 191)
    for lead in UInt8(0x81)...0xFE {
      for trail in UInt8(0x40)...0xFE where trail != 0x7F {
        guard let s = String(data: Data([lead, trail]), encoding: foundation) else { continue }
        let scalars = Array(s.unicodeScalars)
        if scalars.count == 1, scalars[0].value <= 0xFFFF, scalars[0].value != 0 {
          t[Int(lead - 0x81) * 191 + Int(trail - 0x40)] = UInt16(scalars[0].value)
        }
      }
    }
    return t
  }()

  /// The text `data` holds, or nil when it is not GB18030.
  static func decode(_ data: Data) -> String? {
    let table = self.table
    var out = [UInt8]()
    out.reserveCapacity(data.count + data.count / 2)
    let ok = data.withUnsafeBytes { (p: UnsafeRawBufferPointer) -> Bool in
      var i = 0
      let n = p.count
      while i < n {
        let b = p[i]
        if b < 0x80 {
          out.append(b)
          i += 1
          continue
        }
        var length = 1
        if b != 0x80 && b != 0xFF && i + 1 < n {
          let t = p[i + 1]
          if (0x30...0x39).contains(t) {
            length = 4
          } else if (0x40...0xFE).contains(t) && t != 0x7F {
            let v = table[Int(b - 0x81) * 191 + Int(t - 0x40)]
            if v != 0 {
              appendUTF8(UInt32(v), to: &out)
              i += 2
              continue
            }
            length = 2
          }
        }
        guard i + length <= n,
          let s = String(data: Data(p[i..<(i + length)]), encoding: foundation)
        else { return false }
        out.append(contentsOf: s.utf8)
        i += length
      }
      return true
    }
    return ok ? String(decoding: out, as: UTF8.self) : nil
  }

  static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
    if v < 0x800 {
      out.append(UInt8(0xC0 | (v >> 6)))
      out.append(UInt8(0x80 | (v & 0x3F)))
    } else {
      out.append(UInt8(0xE0 | (v >> 12)))
      out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
      out.append(UInt8(0x80 | (v & 0x3F)))
    }
  }
}
