import TerminalUI
import WanggeCore
import WanggeStore

/// The meeting brief as plain text, Markdown, or chat messages for the grid group.
enum BriefText {
  static func header(_ b: MeetingBrief) -> String {
    "\(b.scopePath) 例会简报 \(InstantFormat.short(b.now))（较「\(b.since.name)」\(InstantFormat.short(b.since.at))）"
  }

  static func text(_ b: MeetingBrief) -> String {
    var out = [header(b)]
    for s in b.sections {
      out.append("")
      out.append("【\(s.title)】")
      out += s.lines.map { "  " + $0 }
    }
    return Sanitiser.block(out.joined(separator: "\n"))
  }

  static func markdown(_ b: MeetingBrief) -> String {
    var out = ["# " + header(b)]
    for s in b.sections {
      out.append("")
      out.append("## \(s.title)")
      out.append("")
      out += s.lines.map { "- " + $0 }
    }
    return Sanitiser.block(out.joined(separator: "\n"))
  }

  /// Widest line of a chat message, in display columns (a phone chat bubble holds about 20 CJK
  /// characters), and the most characters one message holds (kept well under the chat apps' limits).
  static let chatColumns = 20
  static let chatMessageLimit = 500

  /// Lines of at most ``chatColumns`` display columns (the project's width table), split into
  /// messages of at most ``chatMessageLimit`` characters, each headed `（1/3）`.
  static func chat(_ b: MeetingBrief) -> [String] {
    var lines = wrap(b.scopePath, chatColumns) + wrap("例会简报 " + InstantFormat.short(b.now), chatColumns)
    lines += wrap("较「\(b.since.name)」\(InstantFormat.short(b.since.at))", chatColumns)
    for s in b.sections {
      lines.append("")
      lines += wrap("【\(s.title)】", chatColumns)
      for l in s.lines { lines += wrap(l, chatColumns) }
    }
    var messages: [[String]] = [[]]
    var size = 0
    let headRoom = 12  // the `（12/12）` line added below
    for l in lines.map(Sanitiser.line) {
      if size + l.count + 1 > chatMessageLimit - headRoom, !messages[messages.count - 1].isEmpty {
        messages.append([])
        size = 0
      }
      if messages[messages.count - 1].isEmpty && l.isEmpty { continue }
      messages[messages.count - 1].append(l)
      size += l.count + 1
    }
    return messages.enumerated().map { i, m in
      (["（\(i + 1)/\(messages.count)）"] + m).joined(separator: "\n")
    }
  }

  /// `text` broken into pieces of at most `columns` display columns: at the last space when the piece
  /// has one, else at any character (Chinese has no spaces to break at).
  static func wrap(_ text: String, _ columns: Int) -> [String] {
    var out: [String] = []
    var line: [Character] = []
    func width(_ cs: some Collection<Character>) -> Int { cs.reduce(0) { $0 + DisplayWidth.of($1) } }
    for ch in text {
      if line.isEmpty && ch == " " { continue }
      line.append(ch)
      guard width(line) > columns else { continue }
      let last = line.removeLast()
      if let space = line.lastIndex(of: " "), space > 0 {
        out.append(String(line[..<space]))
        line = Array(line[(space + 1)...]) + [last]
      } else {
        out.append(String(line))
        line = last == " " ? [] : [last]
      }
      while width(line) > columns {  // a piece after a space can still be too wide
        var head: [Character] = []
        while let c = line.first, width(head) + DisplayWidth.of(c) <= columns {
          head.append(line.removeFirst())
        }
        out.append(String(head))
      }
    }
    if !line.isEmpty || out.isEmpty { out.append(String(line)) }
    return out.map { String($0.reversed().drop { $0 == " " }.reversed()) }
  }
}
