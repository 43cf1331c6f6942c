import Foundation

/// The libFuzzer entry: runs the fuzzer named by `$WANGGE_FUZZ_TARGET` on one input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  FuzzTargets.selected.run(bytes)
  return 0
}

/// libFuzzer's driver (in the runtime `-sanitize=fuzzer` links).
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The program's entry: SwiftPM links an executable's `main` to `<module>_main`, so this hands the
/// arguments to libFuzzer's driver (its own `main` is not used).
@_cdecl("wangge_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  var count = argc
  var vector = argv
  return runDriver(&count, &vector, fuzzOneInput)
}

/// The fuzzers by name, as `scripts/fuzz` and the corpus folders name them.
enum FuzzTargets {
  static let all: [String: FuzzTarget] = [
    "event-line": EventLineFuzz(),
    "event-flat": FlatEventFuzz(),
    "theme": ThemeFuzz(),
    "duration": DurationFuzz(),
    "instant": InstantFuzz(),
    "size": SizeFuzz(),
    "place-path": PlacePathFuzz(),
  ]

  static let selected: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["WANGGE_FUZZ_TARGET"] ?? ""
    guard let target = all[name] else {
      let names = all.keys.sorted().joined(separator: ", ")
      FileHandle.standardError.write(
        Data("WANGGE_FUZZ_TARGET=\"\(name)\": unknown (allowed: \(names))\n".utf8))
      exit(2)
    }
    return target
  }()
}

/// One fuzzer: feeds the bytes to a parser and checks its invariants.
protocol FuzzTarget: Sendable {
  func run(_ bytes: [UInt8])
}

/// Stops the run as a crash (libFuzzer saves the input) when an invariant does not hold.
func require(_ condition: Bool, _ message: @autoclosure () -> String) {
  guard !condition else { return }
  FileHandle.standardError.write(Data("INVARIANT FAILED: \(message())\n".utf8))
  abort()
}

/// The input as text the way the program reads it (invalid UTF-8 replaced, as `String(decoding:)` does).
func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
