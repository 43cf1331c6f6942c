import ArgumentParser
import Foundation
import TerminalUI

/// `wangge gallery`: every terminal widget with Chinese and English sample data.
struct GalleryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gallery",
    abstract: "Show every terminal widget with sample data (q quits, Tab changes page).")

  @Option(
    name: .long,
    help: "Theme name (default, light, high-contrast, mono, or a user theme) or path to a .toml file.")
  var theme: String?

  @Option(name: .long, help: "Language of the screen: zh or en.")
  var lang: Language = .zh

  @Flag(name: .long, help: "Draw East Asian ambiguous characters (①, “”, ─, …) two columns wide.")
  var ambiguousWide = false

  @Flag(name: .long, help: "Print one frame as text instead of running in the terminal.")
  var snapshot = false

  @Option(
    name: .long, help: "Frame size for --snapshot, as WIDTHxHEIGHT.",
    transform: OptionValue.size(example: "100x30"))
  var size = Size(width: 100, height: 30)

  @Option(name: .long, help: "Page to show with --snapshot (1-3).")
  var page: Int = 1

  func validate() throws {
    guard (1...Gallery.pageCount).contains(page) else {
      throw ValidationError("--page: \(page) is out of range (allowed: 1-\(Gallery.pageCount))")
    }
  }

  func run() throws {
    DisplayWidth.ambiguousIsWide = ambiguousWide
    let language = lang
    let loaded = ThemeLoader.load(option: theme)
    for message in loaded.messages {
      writeStandardError(message + "\n")
    }
    let themeName = loaded.theme.name
    if snapshot {
      var gallery = Gallery(language: language, themeName: themeName)
      gallery.page = page - 1
      var buffer = Buffer(size: size)
      _ = gallery.render(into: &buffer, now: 0)
      print(buffer.text)
      return
    }
    let backend: NcursesBackend
    do {
      backend = try NcursesBackend(theme: loaded.theme)
    } catch {
      throw ValidationError(error.description)
    }
    defer { backend.shutdown() }
    var gallery = Gallery(
      language: language, themeName: themeName, colorInfo: colorInfo(backend.colorLevel, language))
    let start = ProcessInfo.processInfo.systemUptime
    EventLoop.run(backend: backend) { buffer in
      gallery.render(into: &buffer, now: ProcessInfo.processInfo.systemUptime - start)
    } handle: { key in
      gallery.handle(key, now: ProcessInfo.processInfo.systemUptime - start)
    }
  }

  func colorInfo(_ level: ColorLevel, _ language: Language) -> String {
    let zh = language == .zh
    switch level {
    case .none: return zh ? "无颜色" : "no colour"
    case .ansi8: return zh ? "8 色" : "8 colours"
    case .ansi16: return zh ? "16 色" : "16 colours"
    case .indexed256: return zh ? "256 色" : "256 colours"
    case .trueColor: return zh ? "真彩色" : "true colour"
    }
  }
}
