// swift-tools-version:6.0
// The coverage-guided fuzzers (libFuzzer), kept out of the main build: `scripts/fuzz` builds this
// package with `-sanitize=fuzzer` and runs each target for a bounded time on its corpus in corpus/NAME/.
import PackageDescription

let package = Package(
  name: "WanggeFuzz",
  dependencies: [.package(name: "Wangge", path: "..")],
  targets: [
    // One binary for all fuzzers (one link instead of seven); `WANGGE_FUZZ_TARGET` chooses the parser.
    .executableTarget(
      name: "wangge-fuzz",
      dependencies: [
        .product(name: "WanggeCore", package: "Wangge"),
        .product(name: "TerminalUI", package: "Wangge"),
      ]
    )
  ]
)
