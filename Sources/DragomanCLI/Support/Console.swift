// Where a command's output goes. Commands never print directly: tests run them in-process with a Console that
// collects stdout and stderr, and feed standard input from a string. Bound per task with @TaskLocal.
import Foundation
import Synchronization

struct Console: Sendable {
    var write: @Sendable (String) -> Void
    var error: @Sendable (String) -> Void
    var readInput: @Sendable () -> [UInt8]
    /// Whether standard error is a terminal, which decides between a progress bar and plain lines.
    var isTerminal: Bool

    @TaskLocal static var current = Console.standard

    static let standard = Console(
        write: { FileHandle.standardOutput.write(Data($0.utf8)) },
        error: { FileHandle.standardError.write(Data($0.utf8)) },
        readInput: { [UInt8](FileHandle.standardInput.readDataToEndOfFile()) },
        isTerminal: isatty(STDERR_FILENO) == 1)

    func print(_ line: String) { write(line + "\n") }
}

/// A console that keeps what was written, for tests and for capturing output in-process.
final class CapturedConsole: Sendable {
    private let output = Mutex(("", ""))
    let input: [UInt8]

    init(input: String = "") { self.input = Array(input.utf8) }

    var stdout: String { output.withLock { $0.0 } }
    var stderr: String { output.withLock { $0.1 } }

    var console: Console {
        Console(
            write: { text in self.output.withLock { $0.0 += text } },
            error: { text in self.output.withLock { $0.1 += text } },
            readInput: { self.input },
            isTerminal: false)
    }
}
