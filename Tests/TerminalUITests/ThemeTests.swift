import Foundation
import Testing

@testable import TerminalUI

struct ThemeTests {
  @Test func embeddedThemesEqualTheFiles() throws {
    for name in BuiltinThemes.names {
      let file = repositoryRoot.appendingPathComponent("themes/\(name).toml")
      let text = try String(contentsOf: file, encoding: .utf8)
      #expect(
        BuiltinThemes.source(named: name) == text, "themes/\(name).toml differs: run scripts/embed-themes.py")
    }
  }

  @Test func everyBuiltinThemeParsesAndDocumentsEveryKey() throws {
    for name in BuiltinThemes.names {
      let source = try #require(BuiltinThemes.source(named: name))
      let theme = try ThemeParser.parse(source, file: "\(name).toml")
      #expect(theme.name == name)
      let header = source.split(separator: "\n").prefix { $0.hasPrefix("#") }.joined(separator: "\n")
      for key in ThemeParser.topKeys + ThemeParser.roleKeys + Role.allCases.map(\.rawValue) {
        #expect(header.contains(key), "\(name): the top comment does not document \(key)")
      }
    }
  }

  @Test func monoHasNoColourAtAll() throws {
    let mono = try #require(ThemeLoader.builtin("mono"))
    #expect(!mono.usesColor)
    #expect(mono.roles.values.allSatisfy { $0.fg == nil && $0.bg == nil })
    #expect(mono.style(.selection).attributes.contains(.reverse))
    #expect(ThemeLoader.defaultTheme.usesColor)
  }

  @Test func highContrastPairsReachSevenToOne() throws {
    let theme = try #require(ThemeLoader.builtin("high-contrast"))
    for role in Role.allCases {
      let fg = try #require(theme.foreground(role), "\(role) has no fg")
      let bg = try #require(theme.background(role), "\(role) has no bg")
      let ratio = try #require(ColorMath.contrast(fg, bg))
      #expect(ratio >= 7, "\(role): \(ratio):1")
    }
  }

  @Test func contrastRatioMatchesWCAG() {
    #expect(abs(ColorMath.contrast(.rgb(0, 0, 0), .rgb(255, 255, 255))! - 21) < 0.01)
    #expect(abs(ColorMath.contrast(.rgb(119, 119, 119), .rgb(255, 255, 255))! - 4.48) < 0.01)
    #expect(ColorMath.contrast(.terminalDefault, .rgb(0, 0, 0)) == nil)
  }

  @Test func problemsNameFileLineKeyAndWhatIsAllowed() {
    let text = """
      # comment
      name = "broken"

      [text]
      fg = "#12345"

      [selection]
      bg = "blue"
      attrs = ["bold", "blink"]
      shadow = "#000000"

      [sparkles]
      fg = "red"
      """
    do {
      _ = try ThemeParser.parse(text, file: "broken.toml")
      Issue.record("expected problems")
    } catch {
      let messages = error.problems.map(\.description)
      #expect(messages.count == 4, "\(messages)")
      #expect(
        messages.contains {
          $0.hasPrefix("broken.toml:5: text.fg: \"#12345\" is not a colour (allowed: \"#rrggbb\"")
        })
      #expect(
        messages.contains {
          $0.hasPrefix(
            "broken.toml:9: selection.attrs: \"blink\" is not an attribute (allowed: bold, dim, underline, reverse, italic)"
          )
        })
      #expect(
        messages.contains { $0 == "broken.toml:10: selection.shadow: unknown key (allowed: fg, bg, attrs)" })
      #expect(
        messages.contains {
          $0.hasPrefix("broken.toml:12: sparkles: unknown role (allowed: name, description, [background]")
        })
    }
  }

  @Test func syntaxErrorsCarryTheLine() {
    do {
      _ = try ThemeParser.parse("name = \"x\"\n\n[text]\nfg = #ffffff\n", file: "bad.toml")
      Issue.record("expected a syntax problem")
    } catch {
      #expect(error.problems.first?.line == 4)
      #expect(error.problems.first?.description.hasPrefix("bad.toml:4: syntax: ") == true)
    }
  }

  @Test func colourFormsParse() throws {
    let theme = try ThemeParser.parse(
      "[text]\nfg = 208\nbg = \"bright-blue\"\n[muted]\nfg = \"default\"\n[accent]\nfg = \"#FF8800\"\n",
      file: "t.toml")
    #expect(theme.style(.text).fg == .indexed(208))
    #expect(theme.style(.text).bg == .indexed(12))
    #expect(theme.style(.muted).fg == .terminalDefault)
    #expect(theme.style(.accent).fg == .rgb(255, 136, 0))
  }

  @Test func loaderFallsBackToDefaultAndReports() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "wangge-theme-\(UUID().uuidString)")
    let themes = directory.appendingPathComponent("wangge/themes")
    try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try "name = \"ocean\"\n[text]\nfg = \"#00aaff\"\n".write(
      to: themes.appendingPathComponent("ocean.toml"), atomically: true, encoding: .utf8)
    try "[text]\nfg = \"purple\"\n".write(
      to: themes.appendingPathComponent("bad.toml"), atomically: true, encoding: .utf8)
    let env = ["XDG_CONFIG_HOME": directory.path]

    let user = ThemeLoader.load(option: "ocean", environment: env)
    #expect(user.theme.name == "ocean" && user.messages.isEmpty)

    let fromEnv = ThemeLoader.load(option: nil, environment: env.merging(["WANGGE_THEME": "light"]) { $1 })
    #expect(fromEnv.theme.name == "light")

    let bad = ThemeLoader.load(option: "bad", environment: env)
    #expect(bad.theme.name == "default")
    #expect(
      bad.messages.first?.hasSuffix(
        "bad.toml:2: text.fg: \"purple\" is not a colour (allowed: \"#rrggbb\", \"default\", 0-255, black … bright-white)"
      ) == true)

    let missing = ThemeLoader.load(option: "/nonexistent/x.toml", environment: env)
    #expect(missing.theme.name == "default")
    #expect(missing.messages.first?.hasPrefix("/nonexistent/x.toml:1: file: cannot be read") == true)

    let unknown = ThemeLoader.load(option: "nope", environment: env)
    #expect(unknown.theme.name == "default")
    #expect(
      unknown.messages.first?.contains("allowed: default, light, high-contrast, mono, bad, ocean") == true)
  }

  @Test func resolvingRolesInheritsFromTextAndBackground() throws {
    let theme = ThemeLoader.defaultTheme
    var cell = Cell("x", fg: .role(.good), bg: .role(.selection))
    let resolved = theme.resolve(cell)
    #expect(resolved.fg == theme.style(.good).fg)
    #expect(resolved.bg == theme.style(.selection).bg)
    cell = Cell("x", fg: .role(.border), bg: .role(.background), attributes: .underline)
    #expect(theme.resolve(cell).bg == theme.style(.background).bg)
    #expect(theme.resolve(cell).attributes == .underline)
    let mono = try #require(ThemeLoader.builtin("mono"))
    #expect(mono.resolve(Cell("x", fg: .role(.selection), bg: .role(.selection))).attributes == .reverse)
  }
}
