import WanggeCore

/// Turns the raw cells of one row into a typed row, collecting every problem of the row.
struct RowValidator {
  let header: LedgerHeader
  let file: String

  /// The row, or every problem found in it.
  func validate(_ raw: RawSheetRow) -> Result<LedgerRow, LedgerFileError> {
    var problems: [LedgerProblem] = []
    func cell(_ index: Int) -> String { index < raw.cells.count ? raw.cells[index] : "" }
    func headerName(_ index: Int) -> String { header.cells[index].trimmingCharacters(in: .whitespaces) }
    func take<T>(_ column: LedgerColumn, _ parse: (String) -> Result<T, CellProblem>) -> T? {
      guard let i = header.columnCells[column] else { return nil }
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
    // The path: every level column filled, except that a places ledger may leave trailing levels empty.
    var segments: [String] = []
    var sawEmpty = false
    for i in header.pathCells {
      let text = cell(i).trimmingCharacters(in: .whitespaces)
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
        if n.contains("/") || n.contains("／") {
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
    let path = PlacePath(segments: segments)
    let row: LedgerRow?
    switch header.kind {
    case .households:
      let room = take(.room, CellValues.room)
      let head = take(.headName, CellValues.name)
      let phone = take(.phone, PhoneValue.parse)
      let people = take(.size, CellValues.people)
      var flags = VulnerabilityFlags()
      let flagColumns: [(LedgerColumn, VulnerabilityFlags)] = [
        (.elderlyAlone, .elderlyAlone), (.noSmartphone, .noSmartphone),
        (.disabledOrChronic, .disabledOrChronic),
        (.longVacant, .longVacant), (.homeIsolation, .homeIsolation),
      ]
      for (column, flag) in flagColumns where take(column, CellValues.flag) == true { flags.insert(flag) }
      let reach = take(.reach, CellValues.reach) ?? nil
      if let room, let head, let phone, let people {
        row = .household(
          HouseholdRow(
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
          LeaderRow(
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
          HelpCaseRow(
            path: path, room: room, headName: head, mode: mode, helper: helper, cadence: cadence,
            needs: needs,
            greenChannel: green, lastVisit: last, openedAt: opened))
      } else {
        row = nil
      }
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
}
