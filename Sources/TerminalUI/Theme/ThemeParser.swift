import TOMLKit

/// Parses theme files (TOML, a section per role) and reports every problem with file and line.
public enum ThemeParser {
  /// The keys a role section takes.
  public static let roleKeys = ["fg", "bg", "attrs"]
  /// The top-level keys besides role sections.
  public static let topKeys = ["name", "description"]
  /// Colour names accepted in theme files, with their ANSI index.
  public static let colorNames: [(String, UInt8)] = [
    ("black", 0), ("red", 1), ("green", 2), ("yellow", 3), ("blue", 4), ("magenta", 5), ("cyan", 6),
    ("white", 7), ("bright-black", 8), ("bright-red", 9), ("bright-green", 10), ("bright-yellow", 11),
    ("bright-blue", 12), ("bright-magenta", 13), ("bright-cyan", 14), ("bright-white", 15),
  ]
  static let colorForms = ["\"#rrggbb\"", "\"default\"", "0-255", "black … bright-white"]

  /// Parses `text` (read from `file`, used in messages). Throws the problems found, all of them.
  public static func parse(_ text: String, file: String) throws(ThemeProblems) -> Theme {
    if let problem = ThemeSyntaxCheck.problem(in: text, file: file) { throw ThemeProblems([problem]) }
    let table: TOMLTable
    do {
      table = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      throw ThemeProblems([
        ThemeProblem(file: file, line: error.source.begin.line, key: "syntax", problem: error.description)
      ])
    } catch {
      throw ThemeProblems([ThemeProblem(file: file, line: 1, key: "syntax", problem: "\(error)")])
    }
    let index = ThemeLineIndex(text: text)
    var problems: [ThemeProblem] = []
    func report(_ path: String, _ problem: String, allowed: [String] = [], shown: String? = nil) {
      problems.append(
        ThemeProblem(
          file: file, line: index.line(of: path), key: shown ?? shownKey(path), problem: problem,
          allowed: allowed))
    }
    var name = ""
    var description = ""
    var roles: [Role: RoleStyle] = [:]
    let allowedTop = topKeys + Role.allCases.map { "[\($0.rawValue)]" }
    for key in table.keys.sorted(by: { index.line(of: $0) < index.line(of: $1) }) {
      guard let value = table[key] else { continue }
      if topKeys.contains(key) {
        guard let string = value.string else {
          report(key, "must be a quoted string")
          continue
        }
        if key == "name" { name = string } else { description = string }
        continue
      }
      guard let role = Role(rawValue: key) else {
        report(key, "unknown role", allowed: allowedTop)
        continue
      }
      guard let section = value.table else {
        report(key, "must be a section [\(key)] with fg, bg, attrs", allowed: roleKeys)
        continue
      }
      var style = RoleStyle()
      for roleKey in section.keys.sorted(by: {
        index.line(of: "\(key).\($0)") < index.line(of: "\(key).\($1)")
      }) {
        let path = "\(key).\(roleKey)"
        let shownPath = "\(shownKey(key)).\(shownKey(roleKey))"
        guard let item = section[roleKey] else { continue }
        switch roleKey {
        case "fg", "bg":
          switch parseColor(item) {
          case .success(let color):
            if roleKey == "fg" { style.fg = color } else { style.bg = color }
          case .failure(let message):
            report(path, message.text, allowed: colorForms, shown: shownPath)
          }
        case "attrs":
          switch parseAttributes(item) {
          case .success(let attributes): style.attributes = attributes
          case .failure(let message):
            report(path, message.text, allowed: Attributes.names.map(\.0), shown: shownPath)
          }
        default:
          report(path, "unknown key", allowed: roleKeys, shown: shownPath)
        }
      }
      roles[role] = style
    }
    if !problems.isEmpty { throw ThemeProblems(problems) }
    return Theme(name: name.isEmpty ? file : name, description: description, roles: roles)
  }

  /// A key as the file would write it: bare when it can be, quoted otherwise (so `[""]` names `""`).
  static func shownKey(_ key: String) -> String {
    let bare =
      !key.isEmpty
      && key.unicodeScalars.allSatisfy {
        $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_")
      }
    if bare { return key }
    let escaped = key.unicodeScalars.map { s -> String in
      switch s {
      case "\"": return "\\\""
      case "\\": return "\\\\"
      default:
        guard s.value < 0x20 || s.value == 0x7F else { return String(s) }
        let hex = String(s.value, radix: 16, uppercase: true)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      }
    }.joined()
    return "\"\(escaped)\""
  }

  /// A problem message for a value that is not a colour.
  struct Message: Error { var text: String }

  static func parseColor(_ value: any TOMLValueConvertible) -> Result<Color, Message> {
    if let number = value.int {
      guard (0...255).contains(number) else {
        return .failure(Message(text: "colour index \(number) is out of range"))
      }
      return .success(.indexed(UInt8(number)))
    }
    guard let string = value.string else {
      return .failure(Message(text: "a colour must be a string or a number"))
    }
    let lower = string.lowercased()
    if lower == "default" { return .success(.terminalDefault) }
    if let named = colorNames.first(where: { $0.0 == lower }) { return .success(.indexed(named.1)) }
    if lower.hasPrefix("#"), lower.count == 7, let rgb = UInt32(lower.dropFirst(), radix: 16) {
      return .success(.rgb(UInt8(rgb >> 16 & 0xFF), UInt8(rgb >> 8 & 0xFF), UInt8(rgb & 0xFF)))
    }
    return .failure(Message(text: "\"\(string)\" is not a colour"))
  }

  static func parseAttributes(_ value: any TOMLValueConvertible) -> Result<Attributes, Message> {
    guard let array = value.array else {
      return .failure(Message(text: "must be a list such as [\"bold\"]"))
    }
    var attributes: Attributes = []
    for element in array {
      guard let name = element.string, let found = Attributes.names.first(where: { $0.0 == name }) else {
        return .failure(Message(text: "\(element.debugDescription) is not an attribute"))
      }
      attributes.insert(found.1)
    }
    return .success(attributes)
  }
}

/// All problems found in one theme file.
public struct ThemeProblems: Error, Sendable, CustomStringConvertible {
  public var problems: [ThemeProblem]
  public init(_ problems: [ThemeProblem]) { self.problems = problems }
  public var description: String { problems.map(\.description).joined(separator: "\n") }
}
