import WanggeCore

/// Orders names as people read them: runs of digits by their value, so `1号楼 < 2号楼 < 10号楼`, and
/// Chinese characters by their pinyin initial (长安 < 河北 < 民主).
public enum NaturalOrder {
  /// Whether `a` comes before `b`: digit runs compare by value (then by length, `01` after `1`), other
  /// characters by pinyin initial, then by code point.
  public static func less(_ a: String, _ b: String) -> Bool { compare(a, b) < 0 }

  /// -1, 0 or 1 as `a` comes before, with or after `b`.
  public static func compare(_ a: String, _ b: String) -> Int {
    var i = a.unicodeScalars.makeIterator()
    var j = b.unicodeScalars.makeIterator()
    var x = i.next()
    var y = j.next()
    while let p = x, let q = y {
      if isDigit(p) && isDigit(q) {
        var left: [Unicode.Scalar] = []
        var right: [Unicode.Scalar] = []
        while let s = x, isDigit(s) {
          left.append(s)
          x = i.next()
        }
        while let s = y, isDigit(s) {
          right.append(s)
          y = j.next()
        }
        let l = trimmed(left)
        let r = trimmed(right)
        if l.count != r.count { return l.count < r.count ? -1 : 1 }
        for (m, n) in zip(l, r) where m != n { return m.value < n.value ? -1 : 1 }
        if left.count != right.count { return left.count < right.count ? -1 : 1 }
        continue
      }
      if p != q {
        let (ip, iq) = (initial(p), initial(q))
        if ip != iq { return ip < iq ? -1 : 1 }
        return p.value < q.value ? -1 : 1
      }
      x = i.next()
      y = j.next()
    }
    if x == nil && y == nil { return 0 }
    return x == nil ? -1 : 1
  }

  /// The pinyin initial of a character (a lowercased letter for Latin ones), or "" for other symbols.
  static func initial(_ s: Unicode.Scalar) -> String { PinyinInitials.initials(of: String(s)) }

  static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

  /// The digits without leading zeros (at least one digit).
  static func trimmed(_ digits: [Unicode.Scalar]) -> ArraySlice<Unicode.Scalar> {
    let start = digits.firstIndex { $0 != "0" } ?? max(0, digits.count - 1)
    return digits[start...]
  }
}
