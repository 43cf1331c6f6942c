import ArgumentParser
import Foundation
import WanggeCore
import WanggeLedger
import WanggeStore

/// `wangge export KIND --scope PLACE`: a ledger of the store, as a file Excel and WPS open.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract:
      "Export households, leaders, help cases, places, units, tasks or the report under a place as .csv or .xlsx (phones masked)."
  )

  @Argument(help: "households, leaders, help, places, units, tasks or report.") var kind: String
  @Option(help: "The place to export (default: the whole store).") var scope: String?
  @Option(help: "csv (UTF-8 with BOM, opens in Excel) or xlsx.") var format: LedgerFileFormat = .csv
  @Option(help: "The file to write (default: KIND.csv or KIND.xlsx).") var out: String?
  @Flag(name: .customLong("reveal-phones"), help: "Write phones in full (default: masked, 138****5678).")
  var revealPhones = false
  @OptionGroup var store: StoreOptions
  @OptionGroup var clock: ClockOption
  @Option(help: "units, tasks, report: count tasks issued in the last N days.") var days: Int = 7

  func run() throws {
    let k = RegistryKind(rawValue: kind)
    guard k != nil || ExportTables.kinds.contains(kind) || SideExport.kinds.contains(kind) else {
      fail("unknown export \"\(kind)\": write households, leaders, help, places, units, tasks, report, volunteers or duty")
    }
    if let p = InputBounds.rangeProblem(days, 1...InputBounds.maxDays) { fail("--days: \(p)") }
    let s = try revealPhones ? store.openForWriting() : store.openForReading()
    var revealer = ""
    if revealPhones {
      // Full phones need the reveal permission, and every such export is audited (ExportReveal).
      revealer = OperatorCheck.name(s, .reveal, option: nil)
      OwnerOnly.refuse(
        s, "export --reveal-phones",
        instead:
          "reveal each with `wangge reveal --household ID --reason TEXT` (or v on the board), or export "
          + "without --reveal-phones (phones masked)")
    }
    let path = out ?? "\(kind).\(format.rawValue)"
    do {
      let place = try scope.map { try s.resolve(PlacePath(parsing: $0)) } ?? s.root()
      if SideExport.kinds.contains(kind) {
        let now = clock.clock.now()
        let table = try SideExport.table(kind, s, scope: place, at: now, reveal: revealPhones)
        if revealPhones {
          try ExportReveal.audit(s, kind: kind, scope: place, rows: table.rows.count, by: revealer, at: now)
        }
        try writeLedgerTable(table, format: format, to: path, sheet: kind)
        print("wrote \(table.rows.count) \(kind) row(s) to \(path)\(revealPhones ? "" : " (phones masked)")")
        return
      }
      guard let k else {
        let now = clock.clock.now()
        let window = Span.days(Int64(days))
        let table =
          switch kind {
          case "units": try ExportTables.units(s, scope: place, at: now, window: window, reveal: revealPhones)
          case "tasks": try ExportTables.tasks(s, scope: place, at: now, window: window)
          default: try ExportTables.report(s, scope: place, at: now, window: window)
          }
        if revealPhones, kind == "units" {
          try ExportReveal.audit(s, kind: kind, scope: place, rows: table.rows.count, by: revealer, at: now)
        }
        try writeLedgerTable(table, format: format, to: path, sheet: kind)
        let masked = kind == "units" && !revealPhones ? " (phones masked)" : ""
        print("wrote \(table.rows.count) \(kind) row(s) to \(path)\(masked)")
        return
      }
      let levels = try s.levels()
      var rows: [LedgerRow] = []
      try s.exportLedger(k, scope: place) { rows.append(LedgerRowMapping.ledger($0, reveal: revealPhones)) }
      let table = LedgerTemplates.table(LedgerRowMapping.ledgerKind(k), rows: rows, levels: levels)
      if revealPhones {
        try ExportReveal.audit(
          s, kind: kind, scope: place, rows: rows.count, by: revealer, at: clock.clock.now())
      }
      try writeLedgerTable(table, format: format, to: path, sheet: kind)
      print("wrote \(rows.count) \(kind) row(s) to \(path)\(revealPhones ? "" : " (phones masked)")")
    } catch let e as StoreError {
      fail(e.description)
    }
  }
}
