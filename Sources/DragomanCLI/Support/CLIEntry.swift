// Parsing and running a command line, shared by the executable's `main` and by tests that run commands
// in-process. ArgumentParser reports usage errors with EX_USAGE (64); Dragoman's contract says 1.
import ArgumentParser
import Dragoman
import Foundation

enum CLIEntry {
    /// The process entry point: runs the command line and exits with its status.
    static func main(_ root: any ParsableCommand.Type) async -> Never {
        exit(await run(root, Array(CommandLine.arguments.dropFirst())))
    }

    /// Parses `arguments` against `root`, runs the command and returns the exit status it ends with.
    static func run(_ root: any ParsableCommand.Type, _ arguments: [String]) async -> Int32 {
        do {
            var command = try root.parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch {
            return report(error, root: root)
        }
    }

    /// Help and version go to standard output with status 0; errors go to standard error.
    private static func report(_ error: any Error, root: any ParsableCommand.Type) -> Int32 {
        let code = root.exitCode(for: error).rawValue
        let console = Console.current
        if let exit = error as? ExitCode { return exit.rawValue }
        // A configuration file, environment variable or flag value that does not work is an input error (2).
        if let configuration = error as? ConfigurationError {
            console.error("configuration: \(configuration)\n")
            return 2
        }
        let message = root.fullMessage(for: error)
        if code == 0 {
            console.print(message)
            return 0
        }
        if !message.isEmpty { console.error(message + "\n") }
        return code == ExitCode.validationFailure.rawValue ? 1 : code
    }
}
