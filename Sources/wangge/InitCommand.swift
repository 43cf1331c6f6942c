import ArgumentParser
import WanggeCore
import WanggeStore

/// `wangge init`: an empty store for real data (no demo data, no demo mark), ready for `wangge import`.
struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Create an empty store for a real grid: its root place and level names, ready for import.")

  @OptionGroup var store: StoreOptions
  @Option(help: "The root place (the city or district), e.g. 蛟河市.") var root: String
  @Option(help: "The level names below the root, top down, e.g. 街道/社区/居民委/小区/楼栋/单元.") var levels: String
  @Option(
    name: .customLong("root-level"),
    help: "The root's level name (default: 区 for a root ending in 区, else 市).")
  var rootLevel: String?
  @Option(help: "The level whose places run command stations (default: 小区 when it is a level, else none).")
  var station: String?

  func run() throws {
    let names = PlacePath(parsing: levels).segments
    guard names.count >= 1, Set(names).count == names.count else {
      fail("--levels \"\(levels)\": give distinct level names separated by /, e.g. 街道/社区/居民委/小区/楼栋/单元")
    }
    let rootName = root.trimmingCharacters(in: .whitespaces)
    guard !rootName.isEmpty, !rootName.contains("/"), rootName.count <= 64 else {
      fail("--root \"\(root)\": give the root place's name (1–64 characters, no /), e.g. 蛟河市")
    }
    let top = rootLevel ?? (rootName.hasSuffix("区") ? "区" : "市")
    let chain = [top] + names
    let stationName = station ?? (names.contains("小区") ? "小区" : nil)
    var stationDepth: Int? = nil
    if let stationName {
      guard let d = chain.firstIndex(of: stationName), d > 0 else {
        fail("--station \(stationName) is not one of the levels \(names.joined(separator: "/"))")
      }
      stationDepth = d
    }
    let spec = store.path
    do {
      try store.engine().initialize(
        at: spec, root: rootName, levels: LevelChain(names: chain, stationDepth: stationDepth))
    } catch StoreError.exists(_) {
      fail("\(spec) already exists; init never replaces a store (choose another --db, or remove it yourself)")
    } catch let e as StoreError {
      fail(e.description)
    }
    print("created an empty store at \(spec): \(rootName), levels \(chain.joined(separator: "/"))")
    print(
      "next: wangge template places|leaders|households|help, fill it in, then wangge import FILE --db \(spec)"
    )
  }
}
