import Foundation

/// Numbers as the board shows them: grouped thousands and fixed-width percentages.
public enum NumberText {
  /// `65196` → `65,196`.
  public static func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
      out.append(digit)
    }
    return value < 0 ? "-" + out : out
  }

  /// `0.9927` → `99.3%`.
  public static func percent(_ ratio: Double, decimals: Int = 1) -> String {
    String(format: "%.\(decimals)f%%", ratio * 100)
  }
}
