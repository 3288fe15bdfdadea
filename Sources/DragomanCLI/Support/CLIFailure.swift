// Why a command failed, and the exit code that says so to scripts: 1 usage, 2 input (the message names the file
// and line), 3 server unreachable or server error (the message shows the server's JSON error), 130 interrupted.
import ArgumentParser

enum CLIFailure: Error, Equatable, CustomStringConvertible {
    case usage(String)
    case input(String)
    case unreachable(url: String, String)
    case server(status: Int, code: String?, message: String?, body: String)
    case failedItems(count: Int, details: [String])
    case interrupted(String)
    case local(String)

    var exitCode: Int32 {
        switch self {
        case .usage: 1
        case .input: 2
        case .unreachable, .server, .failedItems, .local: 3
        case .interrupted: 130
        }
    }

    var description: String {
        switch self {
        case .usage(let message), .input(let message), .interrupted(let message), .local(let message): message
        case .unreachable(let url, let message): "cannot reach the server at \(url): \(message)"
        case .server(let status, let code, let message, let body):
            "the server answered \(status)" + (code.map { " \($0)" } ?? "") + (message.map { ": \($0)" } ?? "")
                + "\n  \(body.trimmingCharacters(in: .whitespacesAndNewlines))"
        case .failedItems(let count, let details):
            "\(count) item(s) failed:\n" + details.prefix(20).map { "  \($0)" }.joined(separator: "\n")
                + (details.count > 20 ? "\n  … and \(details.count - 20) more" : "")
        }
    }

    /// Prints the message on standard error and turns the failure into ArgumentParser's exit.
    func exit(_ console: Console) -> ExitCode {
        console.error("error: \(description)\n")
        return ExitCode(exitCode)
    }
}

extension TableError {
    func failure(path: String) -> CLIFailure {
        if case .unreadable = self { return .input(description) }
        return .input("\(path): \(description)")
    }
}
