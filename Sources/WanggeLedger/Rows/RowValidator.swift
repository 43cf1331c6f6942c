import WanggeCore

/// Turns the raw cells of one row into a typed row, collecting every problem of the row. Keeps the
/// last good path: rows of one unit repeat it, and it is checked once.
final class RowValidator {
  let header: LedgerHeader
  let file: String
  private var lastPathCells: [String] = []
  private var lastPath = PlacePath(segments: [])
  /// The cell of each column, by `LedgerColumn.allCases` position (no hashing per cell).
  private let cellOf: [Int?]

  init(header: LedgerHeader, file: String) {
    self.header = header
    self.file = file
    cellOf = LedgerColumn.allCases.map { header.columnCells[$0] }
  }

  /// The row, or every problem found in it.
  func validate(_ raw: RawSheetRow) -> Result<LedgerRow, LedgerFileError> {
    var problems: [LedgerProblem] = []
    func cell(_ index: Int) -> String { index < raw.cells.count ? raw.cells[index] : "" }
    func headerName(_ index: Int) -> String { FastText.trimmed(header.cells[index]) }
    func take<T>(_ column: LedgerColumn, _ parse: (String) -> Result<T, CellProblem>) -> T? {
      guard let i = cellOf[column.position] else { return nil }
      switch parse(cell(i)) {
      case .success(let v): return v
      case .failure(let p):
        problems.append(
          LedgerProblem(file: file, row: raw.number, column: headerName(i), problem: p.problem, fix: p.fix))
        return nil
      }
    }
    if raw.cells.count > LedgerBounds.maxCells {
      problems.append(
        LedgerProblem(
          file: file, row: raw.number, column: "-",
          problem: "\(raw.cells.count) cells, at most \(LedgerBounds.maxCells)",
          fix: "remove the extra columns"))
      return .failure(LedgerFileError(problems))
    }
    // Rows of one unit repeat its path cells: compare them in place, build the path only when they differ.
    let path: PlacePath
    if samePathCells(raw.cells) {
      path = lastPath
    } else {
      let pathCells = header.pathCells.map(cell)
      path = self.path(pathCells, raw, &problems)
      if problems.isEmpty {
        lastPathCells = pathCells
        lastPath = path
      }
    }
    let segments = path.segments
    let row: LedgerRow?
    switch header.kind {
    case .households:
      let room = take(.room, CellValues.room)
      let head = take(.headName, CellValues.name)
      let phone = take(.phone, PhoneValue.parse)
      let people = take(.size, CellValues.people)
      var flags = VulnerabilityFlags()
      for (column, flag) in Self.flagColumns where take(column, CellValues.flag) == true {
        flags.insert(flag)
      }
      let reach = take(.reach, CellValues.reach) ?? nil
      if let room, let head, let phone, let people {
        row = .household(
          RegistryHousehold(
            path: path, room: room, headName: head, phone: phone, people: people, flags: flags, reach: reach))
      } else {
        row = nil
      }
    case .leaders:
      let name = take(.leaderName, CellValues.name)
      let phone = take(.phone, PhoneValue.parse)
      let department = take(.department, CellValues.name)
      let squad = take(.squad, CellValues.note) ?? ""
      let squadLeader = take(.squadLeader, CellValues.note) ?? ""
      let home = take(.home, CellValues.note) ?? ""
      if let name, let phone, let department {
        row = .leader(
          RegistryLeader(
            path: path, name: name, phone: phone, department: department, squad: squad,
            squadLeader: squadLeader,
            home: home))
      } else {
        row = nil
      }
    case .help:
      let room = take(.room, CellValues.room)
      let head = take(.headName, CellValues.note) ?? ""
      let mode = take(.mode, CellValues.mode)
      let helper = take(.helper, CellValues.name)
      let cadence = take(.cadence, CellValues.cadence)
      let needs = take(.needs, CellValues.note) ?? ""
      let green = take(.greenChannel, CellValues.flag) ?? false
      let last = take(.lastVisit, CellValues.instant) ?? nil
      let opened = take(.openedAt, CellValues.instant) ?? nil
      if let room, let mode, let helper, let cadence {
        row = .help(
          RegistryHelpCase(
            path: path, room: room, headName: head, mode: mode, helper: helper, cadence: cadence,
            needs: needs,
            greenChannel: green, lastVisit: last, openedAt: opened))
      } else {
        row = nil
      }
    case .volunteers, .duty: row = nil  // read by SideLedger, never here
    case .places:
      if segments.isEmpty && problems.isEmpty {
        problems.append(
          LedgerProblem(
            file: file, row: raw.number, column: "-", problem: "no place named",
            fix: "fill in the level columns"))
      }
      row = .place(PlaceRow(path: path))
    }
    if let row, problems.isEmpty { return .success(row) }
    return .failure(LedgerFileError(problems))
  }

  /// The household flag columns and the flag each sets.
  private static let flagColumns: [(LedgerColumn, VulnerabilityFlags)] = [
    (.elderlyAlone, .elderlyAlone), (.noSmartphone, .noSmartphone), (.disabledOrChronic, .disabledOrChronic),
    (.longVacant, .longVacant), (.homeIsolation, .homeIsolation),
  ]

  /// True when the row's path cells hold the same bytes as the last good path's (compared in place).
  private func samePathCells(_ cells: [String]) -> Bool {
    let pathCells = header.pathCells
    guard !lastPathCells.isEmpty, lastPathCells.count == pathCells.count else { return false }
    for k in pathCells.indices {
      let i = pathCells[k]
      guard i < cells.count, FastText.sameBytes(cells[i], lastPathCells[k]) else { return false }
    }
    return true
  }

  /// The path the level cells name (every level filled, except that a places ledger may leave trailing
  /// levels empty), adding a problem for each bad cell.
  private func path(_ cells: [String], _ raw: RawSheetRow, _ problems: inout [LedgerProblem]) -> PlacePath {
    func headerName(_ index: Int) -> String { FastText.trimmed(header.cells[index]) }
    var segments: [String] = []
    var sawEmpty = false
    for (k, i) in header.pathCells.enumerated() {
      let text = FastText.trimmed(cells[k])
      if text.isEmpty {
        if header.kind.pathReachesUnit {
          problems.append(
            LedgerProblem(
              file: file, row: raw.number, column: headerName(i), problem: "empty",
              fix: "fill in the \(headerName(i))"))
        }
        sawEmpty = true
        continue
      }
      if sawEmpty {
        if header.kind.pathReachesUnit { continue }  // the empty level is the problem already named
        problems.append(
          LedgerProblem(
            file: file, row: raw.number, column: headerName(i), problem: "filled below an empty level",
            fix: "fill in the levels above it or empty this one"))
        continue
      }
      switch CellValues.name(text) {
      case .success(let n):
        if n.unicodeScalars.contains(where: { $0 == "/" || $0 == "／" }) {
          problems.append(
            LedgerProblem(
              file: file, row: raw.number, column: headerName(i), problem: "holds a /",
              fix: "write the name without /"))
        } else {
          segments.append(n)
        }
      case .failure(let p):
        problems.append(
          LedgerProblem(file: file, row: raw.number, column: headerName(i), problem: p.problem, fix: p.fix))
      }
    }
    return PlacePath(segments: segments)
  }
}
