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
    // PostgreSQL's own C client (libpq): synchronous, COPY, LISTEN/NOTIFY, the PG* conventions.
    .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
    .target(name: "WanggePostgres", dependencies: ["WanggeCore", "WanggeStore", "CLibPQ"]),
    // Runs against the server in WANGGE_TEST_POSTGRES (scripts/test starts a throw-away cluster).
    // (GRDB: the read-side tests load an SQLite demo store into PostgreSQL and compare answers.)
    .testTarget(
      name: "WanggePostgresTests",
      dependencies: ["WanggePostgres", "WanggeStore", "WanggeCore", .product(name: "GRDB", package: "GRDB.swift")]),
  ]
)
