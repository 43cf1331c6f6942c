import Foundation
import WanggeCore

/// The thresholds of `board.conf` in words, for labels and the `?` legend.
extension Words {
  /// How near a deadline falls due (amber): "一小时内" / "within the hour" at the standard hour,
  /// else "45分钟内" / "within 45 min".
  public var dueWindow: String {
    let span = Span(seconds: thresholds.amberWithin)
    if thresholds.amberWithin == 3600 { return self("一小时内", "within the hour") }
    let zh = language == .zh
    return self(
      DurationText.words(span, in: zh ? .chinese : .english) + "内",
      "within " + DurationText.words(span, in: zh ? .chinese : .english))
  }

  /// The green rate as a percentage, "95%".
  public var greenRateText: String {
    let percent = thresholds.greenRate * 100
    return percent == percent.rounded() ? "\(Int(percent))%" : String(format: "%.1f%%", percent)
  }
}
