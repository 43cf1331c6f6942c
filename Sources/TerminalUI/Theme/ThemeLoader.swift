import Foundation

/// Finds and loads a theme by name or path, falling back to the default theme on any problem.
///
/// Order: the `--theme` value, else `$WANGGE_THEME`, else `default`. A value containing `/` or
/// ending in `.toml` is a path; otherwise a name, looked up first in the user theme folder
/// (`$XDG_CONFIG_HOME/wangge/themes/`, else `~/.config/wangge/themes/`), then among the built-ins.
public enum ThemeLoader {
  /// A loaded theme and the messages to show on stderr (empty when all went well).
  public struct Outcome: Sendable {
    public var theme: Theme
    public var messages: [String]
  }

  /// The default theme, parsed from the embedded text.
  public static var defaultTheme: Theme { builtin("default")! }

  /// A built-in theme by name (parsed from the embedded text).
  public static func builtin(_ name: String) -> Theme? {
    guard let source = BuiltinThemes.source(named: name) else { return nil }
    return try? ThemeParser.parse(source, file: "themes/\(name).toml")
  }

  /// The folder holding the user's own themes.
  public static func userThemeDirectory(environment: [String: String]) -> String {
    if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/wangge/themes" }
    let home = environment["HOME"] ?? NSHomeDirectory()
    return home + "/.config/wangge/themes"
  }

  /// Loads the theme chosen by `option` (from `--theme`) or the environment. Never throws.
  public static func load(
    option: String?, environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> Outcome {
    let choice = option ?? environment["WANGGE_THEME"].flatMap { $0.isEmpty ? nil : $0 } ?? "default"
    if choice.contains("/") || choice.hasSuffix(".toml") {
      return loadFile(at: choice)
    }
    let userPath = userThemeDirectory(environment: environment) + "/\(choice).toml"
    if FileManager.default.fileExists(atPath: userPath) {
      return loadFile(at: userPath)
    }
    if let theme = builtin(choice) {
      return Outcome(theme: theme, messages: [])
    }
    let known = BuiltinThemes.names + userThemeNames(environment: environment)
    let message =
      "--theme: unknown theme \"\(choice)\" (allowed: \(known.joined(separator: ", ")), or a path to a .toml file); using default"
    return Outcome(theme: defaultTheme, messages: [message])
  }

  /// Loads a theme file; on any problem, the default theme and the problems as messages.
  public static func loadFile(at path: String) -> Outcome {
    guard let data = FileManager.default.contents(atPath: path) else {
      return Outcome(
        theme: defaultTheme,
        messages: ["\(path):1: file: cannot be read (does it exist?); using the default theme"])
    }
    guard let text = String(data: data, encoding: .utf8) else {
      return Outcome(
        theme: defaultTheme, messages: ["\(path):1: file: is not UTF-8 text; using the default theme"])
    }
    do {
      return Outcome(theme: try ThemeParser.parse(text, file: path), messages: [])
    } catch {
      return Outcome(
        theme: defaultTheme,
        messages: error.problems.map(\.description) + ["\(path): using the default theme instead"])
    }
  }

  /// Names of the `.toml` files in the user theme folder.
  public static func userThemeNames(environment: [String: String]) -> [String] {
    let dir = userThemeDirectory(environment: environment)
    let files = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
    return files.filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }.sorted()
  }
}
