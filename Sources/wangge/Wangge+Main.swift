import ArgumentParser
import Foundation
import TerminalUI

extension Wangge {
  /// Runs the command line like ArgumentParser's own `main`, but prints its messages (validation
  /// errors echo the user's input, thrown errors their description) through the sanitiser.
  static func main() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    let chinese = ChineseCommandLine.isChinese(
      arguments: arguments, environment: ProcessInfo.processInfo.environment)
    CommandLineLanguage.chinese = chinese
    if chinese, let help = ChineseCommandLine.help(arguments: arguments) {
      print(Sanitiser.block(help))
      Foundation.exit(0)
    }
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
    let english = fullMessage(for: error)
    let message = CommandLineLanguage.chinese ? ChineseCommandLine.translate(english) : english
    let code = exitCode(for: error)
    if !message.isEmpty {
      if code == .success { print(message) } else { writeStandardError(message + "\n") }
    }
    return code.rawValue
  }
}

/// Whether this run speaks Chinese on the command line (set once in `main`, before any command runs).
enum CommandLineLanguage {
  nonisolated(unsafe) static var chinese = false
}
