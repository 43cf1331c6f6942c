import Foundation

/// A progress bar for `wangge import` on standard error, drawn only when it is a terminal (nothing when
/// piped): the share of the files' bytes read, rows and rows per second, redrawn at most five times a
/// second. An .xlsx file counts as read when it is done.
final class ImportProgress {
  let enabled: Bool
  let totalBytes: Int64
  private(set) var rows = 0
  /// Bytes of the files finished, and of the current one read so far.
  private var bytesBefore: Int64 = 0
  private var bytesNow: Int64 = 0
  private let started = DispatchTime.now().uptimeNanoseconds
  private var lastDraw: UInt64 = 0
  private var drawn = false

  init(totalBytes: Int64, enabled: Bool = isatty(2) == 1) {
    self.totalBytes = totalBytes
    self.enabled = enabled
  }

  /// The size of `file` in bytes (0 when unknown).
  static func size(of file: String) -> Int64 {
    ((try? FileManager.default.attributesOfItem(atPath: file)[.size]) as? NSNumber)?.int64Value ?? 0
  }

  /// One row taken.
  func tick() {
    rows += 1
    if enabled, rows & 4095 == 0 { drawIfDue() }
  }

  /// Bytes of the current file read so far.
  func read(_ bytes: Int64) {
    bytesNow = bytes
  }

  /// The current file is finished (`size` bytes).
  func fileDone(_ size: Int64) {
    bytesBefore += size
    bytesNow = 0
    if enabled { drawIfDue() }
  }

  /// Clears the bar and leaves one line saying what was read.
  func end() {
    guard enabled, drawn else { return }
    let seconds = elapsed
    Self.raw(
      "\r\u{1B}[K\(Self.grouped(rows)) rows read in \(String(format: "%.1f", seconds)) s"
        + " (\(Self.grouped(Int(Double(rows) / max(seconds, 0.001)))) rows/s)\n")
  }

  /// Writes to standard error as is: the bar's carriage return and erase-line must reach the terminal
  /// (``writeStandardError`` shows control characters as text). Only digits and the bar are written.
  private static func raw(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }

  private var elapsed: Double { Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9 }

  private func drawIfDue() {
    let now = DispatchTime.now().uptimeNanoseconds
    guard now - lastDraw >= 200_000_000 else { return }
    lastDraw = now
    drawn = true
    Self.raw(
      "\r\u{1B}[K"
        + Self.line(
          done: bytesBefore + bytesNow, total: totalBytes, rows: rows, seconds: elapsed))
  }

  /// `[██████░░░░░░░░░░░░░░]  31%  310,000 rows  205,000 rows/s` (no bar when the size is unknown).
  static func line(done: Int64, total: Int64, rows: Int, seconds: Double) -> String {
    let rate = "\(grouped(rows)) rows  \(grouped(Int(Double(rows) / max(seconds, 0.001)))) rows/s"
    guard total > 0 else { return rate }
    let share = min(1, Double(done) / Double(total))
    let width = 20
    let full = Int(share * Double(width))
    let bar = String(repeating: "█", count: full) + String(repeating: "░", count: width - full)
    return "[\(bar)] \(String(format: "%3d", Int(share * 100)))%  " + rate
  }

  /// 1234567 → `1,234,567`.
  static func grouped(_ n: Int) -> String {
    let digits = String(n)
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return out
  }
}
