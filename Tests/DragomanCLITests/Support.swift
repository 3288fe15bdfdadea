// Small helpers for CLI tests: running a program and collecting output written from other threads.
import Foundation
import Synchronization

final class LockedLines: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}

enum Subprocess {
    struct Failure: Error, CustomStringConvertible {
        let status: Int32
        let output: String
        var description: String { "exit \(status): \(output)" }
    }

    /// Runs a program to completion and returns its standard output; a non-zero exit throws with its output.
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let output = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else { throw Failure(status: process.terminationStatus, output: output) }
        return output
    }
}
