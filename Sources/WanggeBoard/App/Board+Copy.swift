import Foundation
import TerminalUI
import WanggeCore

/// `y`: the table on screen (its filter, sort and `!` applied) as TSV, for a spreadsheet or a chat:
/// to the terminal's clipboard with OSC 52, and to a file when the terminal is not known to take
/// OSC 52 or the text is too long for it.
extension Board {
  /// The focused table's header, visible rows and totals as tab-separated lines. Each cell goes
  /// through the sanitiser with tabs and line breaks made spaces first, so a cell can neither add a
  /// column nor a line, nor carry a control character; cells are taken as shown (phones masked).
  public func visibleTableTSV() -> String {
    let table = focusedTable
    func field(_ text: String) -> String {
      let flat = text.replacingOccurrences(of: "\r\n", with: " ")
        .map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : String($0) }.joined()
      return Sanitiser.line(flat)
    }
    var lines = [table.columns.map { field($0.title) }.joined(separator: "\t")]
    var body = rows
    if let totals = table.totals, !onQueue { body.append(totals) }
    for row in body {
      let cells = table.columns.indices.map {
        row.cells.indices.contains($0) ? field(row.cells[$0].text) : ""
      }
      lines.append(cells.joined(separator: "\t"))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Copies the visible table (see ``visibleTableTSV()``) and says where it went.
  func copyTable(tick: Double) {
    let text = visibleTableTSV()
    let count = rows.count
    let size = text.utf8.count
    let fits = size <= OSC52.limit
    if fits { requestedClipboard = text }
    if fits && clipboardWorks {
      say(words("已复制 \(count) 行到剪贴板（TSV）", "Copied \(count) rows to the clipboard (TSV)"), tick: tick)
      return
    }
    do {
      let path = try writeCopyFile(text)
      let why =
        fits
        ? words("终端未确认支持 OSC 52", "the terminal is not known to take OSC 52")
        : words("超过 100 kB", "over 100 kB")
      say(
        words("已复制 \(count) 行（\(why)），另存为 \(path)", "Copied \(count) rows (\(why)); saved as \(path)"),
        tick: tick)
    } catch {
      say(
        words(
          "复制失败：无法写入 \(copyDirectory)（\(error)）", "Copy failed: cannot write to \(copyDirectory) (\(error))"),
        kind: .overdue, tick: tick)
    }
  }

  /// Writes `text` to `<copyDirectory>/wangge-<view>-<time>.tsv`, owner-only (0600); a file of the
  /// same name is not overwritten (`-2`, `-3`, … are tried).
  func writeCopyFile(_ text: String) throws -> String {
    let stamp = InstantFormat.iso(asOf).prefix(19).filter { $0.isNumber || $0 == "T" }
      .replacingOccurrences(of: "T", with: "-")
    let directory = copyDirectory.hasSuffix("/") ? String(copyDirectory.dropLast()) : copyDirectory
    let base = "\(directory)/wangge-\(view.rawValue)-\(stamp)"
    var path = base + ".tsv"
    var n = 1
    while true {
      let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
      if fd >= 0 {
        defer { Glibc.close(fd) }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
          let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
          guard written > 0 else { throw CopyFileError(path: path, code: errno) }
          offset += written
        }
        return path
      }
      guard errno == EEXIST, n < 100 else { throw CopyFileError(path: path, code: errno) }
      n += 1
      path = "\(base)-\(n).tsv"
    }
  }
}

/// A copy file that could not be written.
struct CopyFileError: Error, CustomStringConvertible {
  var path: String
  var code: Int32
  var description: String { String(cString: strerror(code)) }
}
