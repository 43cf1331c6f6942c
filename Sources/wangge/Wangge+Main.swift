import ArgumentParser
import Foundation

extension Wangge {
  /// Runs the command line like ArgumentParser's own `main`, but prints its messages (validation
  /// errors echo the user's input, thrown errors their description) through the sanitiser.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      Foundation.exit(report(error))
    }
  }

  /// Prints ArgumentParser's message for `error` (help and version to standard output, the rest to
  /// standard error), sanitised; returns the exit status.
  static func report(_ error: any Error) -> Int32 {
    let message = fullMessage(for: error)
    let code = exitCode(for: error)
    if !message.isEmpty {
      if code == .success { print(message) } else { writeStandardError(message + "\n") }
    }
    return code.rawValue
  }
}
