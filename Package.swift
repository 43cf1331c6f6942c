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
    // The store contract: protocols, rows and pages, errors, the factory; it knows no engine.
    .target(name: "WanggeStore", dependencies: ["WanggeCore"]),
    // The contract on SQLite (the embedded default engine).
    .target(
      name: "WanggeSQLite",
      dependencies: [
        "WanggeCore", "WanggeStore", .product(name: "GRDB", package: "GRDB.swift"),
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
        "WanggeCore", "WanggeStore", "WanggeSQLite", "WanggePostgres", "TerminalUI", "WanggeBoard",
        "WanggeLedger",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Benchmarks that measure either engine's internals (scripts/bench), not in `wangge`'s command list.
    .executableTarget(
      name: "wangge-bench",
      dependencies: [
        "WanggeCore", "WanggeStore", "WanggeSQLite", "WanggePostgres", "TerminalUI", "WanggeBoard",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "Benchmarks/wangge-bench"
    ),
    .testTarget(name: "WanggeCoreTests", dependencies: ["WanggeCore"]),
    // The SQLite engine's own tests (internals: bulk paths, migrations, files).
    .testTarget(
      name: "WanggeSQLiteTests",
      dependencies: [
        "WanggeSQLite", "WanggeStore", "WanggeCore", .product(name: "GRDB", package: "GRDB.swift"),
      ]),
    // The conformance suite: every store test written once against the contract, run per engine.
    .testTarget(
      name: "StoreConformanceTests",
      dependencies: [
        "WanggeStore", "WanggeSQLite", "WanggePostgres", "WanggeCore", .product(name: "GRDB", package: "GRDB.swift"),
      ]),
    // Commands run in process (their output captured): what reaches the terminal is sanitised; the
    // gallery (an example in the executable) as screens.
    .testTarget(
      name: "WanggeCLITests",
      dependencies: [
        "wangge", "TerminalUI", "SnapshotSupport", .product(name: "GRDB", package: "GRDB.swift"),
      ],
      exclude: ["Gallery/__Snapshots__"]),
    // Snapshot comparison shared by the test targets that render screens.
    .target(name: "SnapshotSupport", dependencies: ["TerminalUI"], path: "Tests/SnapshotSupport"),
    .testTarget(
      name: "TerminalUITests", dependencies: ["TerminalUI", "SnapshotSupport"]),
    .testTarget(
      name: "WanggeBoardTests",
      dependencies: [
        "WanggeBoard", "WanggeStore", "WanggeSQLite", "WanggeCore", "TerminalUI", "SnapshotSupport",
        .product(name: "GRDB", package: "GRDB.swift"),
      ],
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
    // PostgreSQL's own C client (libpq): synchronous, COPY, LISTEN/NOTIFY, the PG* conventions.
    .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
    .target(name: "WanggePostgres", dependencies: ["WanggeCore", "WanggeStore", "CLibPQ"]),
    // Runs against the server in WANGGE_TEST_POSTGRES (scripts/test starts a throw-away cluster).
    // (WanggeSQLite and GRDB: the read-side tests load an SQLite demo store into PostgreSQL and
    // compare the engines' answers.)
    .testTarget(
      name: "WanggePostgresTests",
      dependencies: [
        "WanggePostgres", "WanggeStore", "WanggeSQLite", "WanggeCore", .product(name: "GRDB", package: "GRDB.swift"),
      ]),
  ]
)
