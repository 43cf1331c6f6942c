// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Wangge",
  products: [
    .executable(name: "wangge", targets: ["wangge"]),
    // For the fuzzers in Fuzz/ (a separate package, built only by scripts/fuzz).
    .library(name: "WanggeCore", targets: ["WanggeCore"]),
    .library(name: "TerminalUI", targets: ["TerminalUI"]),
  ],
  dependencies: [
    // SQLite access with WAL, migrations and prepared statements (the default store).
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    // Commands as types: `wangge demo`, `report`, `ingest`, `verify`, ...
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    // Theme files (`themes/*.toml`): TOML keeps the comments people write beside colours.
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    // Ledger CSV files (台账), streamed row by row with quoted fields and CRLF as Excel and WPS write them.
    .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
    // Ledger .xlsx files: the ZIP container (no XLSX reader package resolves here; the sheet XML is read
    // with FoundationXML).
    .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
  ],
  targets: [
    .target(name: "WanggeCore"),
    .target(
      name: "WanggeStore",
      dependencies: [
        "WanggeCore", .product(name: "GRDB", package: "GRDB.swift"),
        // The SQLite C API that GRDB links, for the demo generator's bulk inserts.
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ]
    ),
    .systemLibrary(
      name: "CNCurses",
      pkgConfig: "ncursesw",
      providers: [.apt(["libncurses-dev"])]
    ),
    .target(
      name: "TerminalUI",
      dependencies: ["CNCurses", .product(name: "TOMLKit", package: "TOMLKit")]
    ),
    .target(name: "WanggeBoard", dependencies: ["WanggeCore", "WanggeStore", "TerminalUI"]),
    .executableTarget(
      name: "wangge",
      dependencies: [
        "WanggeCore", "WanggeStore", "TerminalUI", "WanggeBoard",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "WanggeCoreTests", dependencies: ["WanggeCore"]),
    .testTarget(name: "WanggeStoreTests", dependencies: ["WanggeStore", "WanggeCore"]),
    // Commands run in process (their output captured): what reaches the terminal is sanitised.
    .testTarget(
      name: "WanggeCLITests",
      dependencies: ["wangge", "TerminalUI", .product(name: "GRDB", package: "GRDB.swift")]),
    // Snapshot comparison shared by the test targets that render screens.
    .target(name: "SnapshotSupport", dependencies: ["TerminalUI"], path: "Tests/SnapshotSupport"),
    .testTarget(
      name: "TerminalUITests", dependencies: ["TerminalUI", "SnapshotSupport"], exclude: ["__Snapshots__"]),
    .testTarget(
      name: "WanggeBoardTests",
      dependencies: ["WanggeBoard", "WanggeStore", "WanggeCore", "TerminalUI", "SnapshotSupport"],
      exclude: ["__Snapshots__"]),
    // Ledgers (台账) in and out: CSV and .xlsx into typed, validated rows; errors, export and template writers.
    .target(
      name: "WanggeLedger",
      dependencies: [
        "WanggeCore", .product(name: "CSV", package: "CSV.swift"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]
    ),
    .testTarget(
      name: "WanggeLedgerTests", dependencies: ["WanggeLedger", "WanggeCore"], exclude: ["Fixtures"]),
  ]
)
