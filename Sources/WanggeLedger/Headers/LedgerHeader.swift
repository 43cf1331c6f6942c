import WanggeCore

/// A ledger's header row understood: which cell holds which level of the place path and which column,
/// what kind of ledger it is, and which headers were not understood (ignored).
public struct LedgerHeader: Hashable, Sendable {
  /// The header cells as the file writes them.
  public var cells: [String]
  /// The spreadsheet row of the header (1 unless title rows sit above it).
  public var rowNumber: Int
  /// The kind of ledger.
  public var kind: LedgerKind
  /// The depth (in the store's level chain) of the first path column; the path columns are consecutive.
  public var firstLevelDepth: Int
  /// The cell index of each path column, top level first.
  public var pathCells: [Int]
  /// The cell index of each column found.
  public var columnCells: [LedgerColumn: Int]
  /// Headers that name nothing Wangge knows; their cells are ignored.
  public var ignored: [String]
  /// True when the headers are written in English (the errors file then adds `problem`, not `问题`).
  public var isEnglish: Bool

  /// The level names of the path columns.
  public func levelNames(in levels: LevelChain) -> [String] {
    (0..<pathCells.count).map { levels.name(at: firstLevelDepth + $0) }
  }

  /// Understands `cells` (row `rowNumber` of `file`) against `levels`, or lists every problem.
  static func read(cells: [String], rowNumber: Int, file: String, levels: LevelChain) -> Result<
    LedgerHeader, LedgerFileError
  > {
    let levelLookup = LevelHeaders(levels: levels)
    var pathByDepth: [Int: Int] = [:]
    var columns: [LedgerColumn: Int] = [:]
    var ignored: [String] = []
    var english = 0
    var chinese = 0
    var problems: [LedgerProblem] = []
    func problem(_ column: String, _ what: String, _ fix: String) {
      problems.append(LedgerProblem(file: file, row: rowNumber, column: column, problem: what, fix: fix))
    }
    for (i, raw) in cells.enumerated() {
      let header = raw.trimmingCharacters(in: .whitespaces)
      if header.isEmpty { continue }
      if header.unicodeScalars.contains(where: { $0.value > 0x7F }) { chinese += 1 } else { english += 1 }
      if let depth = levelLookup.depth(of: header) {
        if pathByDepth[depth] != nil {
          problem(header, "the level \(levels.name(at: depth)) has two columns", "keep one of them")
        }
        pathByDepth[depth] = i
      } else if let column = LedgerColumn.named(header) {
        if let earlier = columns[column], earlier != i {
          problem(header, "\(column.chinese) has two columns", "keep one of them")
        }
        columns[column] = i
      } else {
        ignored.append(header)
      }
    }
    let depths = pathByDepth.keys.sorted()
    guard
      let kind = LedgerKind.told(by: Set(columns.keys), hasPath: !depths.isEmpty)
    else {
      problem(
        "-", "the header row names no ledger Wangge knows",
        "households need \(names(LedgerKind.households.required)), leaders \(names(LedgerKind.leaders.required)), "
          + "help cases \(names(LedgerKind.help.required)), places only the level columns "
          + levels.names.dropFirst().joined(separator: "/"))
      return .failure(LedgerFileError(problems))
    }
    // 姓名 in a household file is the head's name.
    if kind == .households, columns[.headName] == nil, let name = columns[.leaderName] {
      columns[.headName] = name
      columns[.leaderName] = nil
    }
    for column in Set(columns.keys).subtracting(kind.accepted).sorted(by: { $0.rawValue < $1.rawValue }) {
      ignored.append(cells[columns[column]!].trimmingCharacters(in: .whitespaces))
      columns[column] = nil
    }
    for column in kind.required where columns[column] == nil {
      problem(
        "-", "no \(column.chinese) column", "add a column headed \(column.chinese) (or \(column.english))")
    }
    if depths.isEmpty {
      problem(
        "-", "no place path columns",
        "add the level columns \(levels.names.dropFirst().joined(separator: ", ")) (the root may be left out)"
      )
    } else {
      if let gap = (depths.first!...depths.last!).first(where: { pathByDepth[$0] == nil }) {
        problem(
          "-", "no \(levels.name(at: gap)) column between the path columns",
          "add a column headed \(levels.name(at: gap))")
      }
      if kind.pathReachesUnit, depths.last! != levels.unitDepth {
        problem(
          "-",
          "the path stops at \(levels.name(at: depths.last!)), a \(kind.rawValue) ledger needs it down to the unit",
          "add the columns down to \(levels.name(at: levels.unitDepth))")
      }
    }
    guard problems.isEmpty else { return .failure(LedgerFileError(problems)) }
    return .success(
      LedgerHeader(
        cells: cells, rowNumber: rowNumber, kind: kind, firstLevelDepth: depths.first!,
        pathCells: depths.map { pathByDepth[$0]! }, columnCells: columns, ignored: ignored,
        isEnglish: english > chinese))
  }

  /// How many cells of `cells` name a column or a level: a header row names at least two.
  static func score(_ cells: [String], levels: LevelChain) -> Int {
    let levelLookup = LevelHeaders(levels: levels)
    return cells.filter { levelLookup.depth(of: $0) != nil || LedgerColumn.named($0) != nil }.count
  }

  private static func names(_ columns: [LedgerColumn]) -> String {
    columns.map(\.chinese).joined(separator: "/")
  }
}

/// The headers that name a level of the place path: the level's own name (`街道`), a common English word
/// for it (`street`), or either with 名称/name (`街道名称`).
struct LevelHeaders {
  private var table: [String: Int] = [:]

  init(levels: LevelChain) {
    for (depth, name) in levels.names.enumerated() where depth > 0 {
      let n = HeaderText.normalise(name)
      for v in [n, n + "名称", n + "名", n + "name"] where table[v] == nil { table[v] = depth }
      if let english = Self.english[name] {
        for v in [english, english + "name"] where table[v] == nil { table[v] = depth }
      }
    }
    // 楼号/楼栋号 for 楼栋, 单元号 for 单元, 居委会 for 居民委: the spellings stations use.
    for (alias, level) in Self.aliases {
      if let depth = levels.names.firstIndex(of: level), depth > 0, table[alias] == nil {
        table[alias] = depth
      }
    }
  }

  func depth(of header: String) -> Int? { table[HeaderText.normalise(header)] }

  static let english: [String: String] = [
    "市": "city", "区": "district", "县": "county", "街道": "street", "镇": "town", "乡": "township",
    "社区": "community", "村": "village", "居民委": "committee", "居委会": "committee", "小区": "compound",
    "楼栋": "building", "单元": "unit", "网格": "grid",
  ]
  static let aliases: [(String, String)] = [
    ("楼号", "楼栋"), ("楼栋号", "楼栋"), ("楼", "楼栋"), ("栋", "楼栋"), ("单元号", "单元"), ("居委会", "居民委"),
    ("居委", "居民委"), ("街道办", "街道"), ("街道办事处", "街道"), ("社区名称", "社区"), ("小区名称", "小区"),
  ]
}
