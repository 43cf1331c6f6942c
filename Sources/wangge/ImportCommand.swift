import ArgumentParser
import Foundation
import WanggeCore
import WanggeLedger
import WanggeStore

/// `wangge import FILE…`: a station's ledgers (CSV or .xlsx) into the store, all or nothing per run.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Import ledgers (households, leaders, help cases, places) from .csv or .xlsx; all or nothing.",
    discussion: """
      Re-importing a file changes nothing; a changed row updates that row only. Any bad row: nothing is
      written, every problem is printed as FILE:ROW:COLUMN: problem (fix), exit 1.
      """)

  @Argument(help: "Ledger files (.csv in UTF-8, UTF-8 with BOM or GB18030; .xlsx).") var files: [String]
  @Option(help: "Only rows under this place (e.g. 河北街道/水映花城社区).") var scope: String?
  @Flag(help: "Print what would be added, changed and left; write nothing.") var check = false
  @Option(help: "Write the rejected rows with a 问题 column to this file (same format and encoding).")
  var errors: String?
  @Option(help: "CSV encoding: utf-8, utf-8-bom, gb18030 (default: detected).") var encoding: String?
  @Option(help: "The .xlsx sheet to read (default: the first).") var sheet: String?
  @Option(help: "Operator recorded in the audit (default: the login name).") var `operator`: String?
  @OptionGroup var clock: ClockOption
  @OptionGroup var store: StoreOptions
  func run() throws { try run(expecting: nil) }

  /// Imports the files; `expected` (from `wangge volunteer import`): every file is a ledger of it.
  func run(expecting expected: LedgerKind?) throws {
    var chosen: LedgerEncoding? = nil
    if let encoding {
      guard let e = LedgerEncoding(name: encoding) else {
        fail("--encoding \(encoding): write utf-8, utf-8-bom or gb18030")
      }
      chosen = e
    }
    for f in files where !FileManager.default.isReadableFile(atPath: f) {
      fail("\(f): no such file or not readable")
    }
    let s = try store.openForWriting()
    let at = clock.clock.now()
    do {
      let scopePath = try scope.map { try s.path(of: s.resolve(PlacePath(parsing: $0)).id) }
      let options = LedgerReadOptions(
        levels: try s.levels(), encoding: chosen, sheet: sheet, keepRejected: errors != nil)
      var results: [LedgerReadResult] = []
      var fileProblems: [LedgerProblem] = []
      // Volunteers and duty ledgers feed their desks (SideImport), planned before the registry runs.
      let (plans, sideProblems) = try SideImport.plans(
        files, expected: expected, options: options, store: s, at: at)
      let files = files.filter { f in
        !plans.contains { $0.result.file == f } && !sideProblems.contains { $0.file == f }
      }
      let sideRefused = !sideProblems.isEmpty || plans.contains { !$0.problems.isEmpty }
      let progress = ImportProgress(totalBytes: files.map(ImportProgress.size(of:)).reduce(0, +))
      let outcome =
        try files.isEmpty
        ? nil
        : s.importLedger(
          scope: scopePath, check: check, operator: OperatorName.resolve(`operator`), at: at
        ) { run in
          if sideRefused { run.refuse() }
          for f in files {
            do {
              var refusedHere: [RejectedRow] = []
              var r = try LedgerReader.read(URL(fileURLWithPath: f), file: f, options: options) { rec in
                let before = run.problems.count
                try run.add(LedgerRowMapping.registry(rec.row), file: f, rowNumber: rec.rowNumber)
                if run.problems.count > before, options.keepRejected,
                  refusedHere.count < LedgerBounds.maxProblems
                {
                  refusedHere.append(rec.rejected(run.problems[before...].map(\.ledgerProblem)))
                }
                progress.tick()
              } progress: {
                progress.read($0)
              }
              progress.fileDone(ImportProgress.size(of: f))
              r.addRejected(refusedHere)
              if !r.isClean { run.refuse() }
              results.append(r)
            } catch let e as LedgerFileError {
              progress.fileDone(ImportProgress.size(of: f))
              fileProblems += e.problems
              run.refuse()
            }
          }
        }
      progress.end()
      report(outcome, results: results, fileProblems: fileProblems + sideProblems, side: plans)
    } catch let e as StoreError {
      fail(e.description)
    }
  }

  func report(
    _ outcome: ImportOutcome?, results: [LedgerReadResult], fileProblems: [LedgerProblem],
    side: [SidePlan] = []
  ) {
    let results = results + side.map(\.result)
    var problemCount = fileProblems.count + (outcome?.problems.count ?? 0)
    for p in fileProblems { writeStandardError(p.description + "\n") }
    for r in results {
      for p in r.problems { writeStandardError(p.description + "\n") }
      problemCount += r.problems.count + r.problemsDropped
      if r.problemsDropped > 0 {
        writeStandardError("\(r.file): \(r.problemsDropped) more problem(s) not listed\n")
      }
    }
    for p in outcome?.problems ?? [] { writeStandardError(p.line + "\n") }
    var changes = side.map(\.changes).reduce(0, +)
    if let sum = outcome?.summary {
      for kind in RegistryKind.allCases {
        guard let c = sum.counts[kind] else { continue }
        print("\(kind.rawValue): \(c.added) added, \(c.changed) changed, \(c.unchanged) unchanged")
      }
      if sum.placesCreated > 0 { print("places created: \(sum.placesCreated)") }
      changes += sum.changes
    }
    for p in side {
      print("\(p.kind.rawValue): \(p.added) added, \(p.changed) changed, \(p.unchanged) unchanged")
    }
    if let errors {
      writeErrorsFiles(results.filter { !$0.rejected.isEmpty }, to: errors)
    }
    if problemCount > 0 {
      printError("\(problemCount) problem(s); nothing was written. Fix the rows named above and import again")
      Foundation.exit(1)
    }
    if check {
      print("check only: nothing was written (\(changes) change(s) would be made)")
    } else {
      SideImport.write(side)
      print("imported: \(changes) change(s)")
    }
  }

  /// One errors file per file with rejected rows: `OUT` for the first, `OUT-2.EXT`… for the others.
  func writeErrorsFiles(_ rejected: [LedgerReadResult], to out: String) {
    for (i, r) in rejected.enumerated() {
      var url = URL(fileURLWithPath: out)
      if i > 0 {
        let ext = url.pathExtension
        url = url.deletingPathExtension().appendingPathExtension("").deletingPathExtension()
        url = URL(fileURLWithPath: url.path + "-\(i + 1)" + (ext.isEmpty ? "" : "." + ext))
      }
      do {
        try LedgerErrorsWriter.write(r, to: url)
        printError("rejected rows of \(r.file) written to \(url.path) (fix them there and import that file)")
      } catch {
        printError("\(url.path): cannot write the errors file (\(error))")
      }
    }
  }
}

extension ImportProblem {
  /// The same problem as the ledger reader states its own (for an errors file).
  var ledgerProblem: LedgerProblem {
    LedgerProblem(file: file, row: row, column: column, problem: problem, fix: fix)
  }
}
