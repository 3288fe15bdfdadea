// `dragoman task ID`: show a batch task, wait for it with progress, and write its results to a file.
import ArgumentParser
import Foundation

struct TaskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "task",
        abstract: "Show, wait for and save a batch task.",
        discussion: """
            --output writes the results when the task has finished: .jsonl as {"index", "translation", "error"}
            objects, .csv/.tsv as index,translation,error rows, anything else one translation per line.
            Examples:
              dragoman task 6f1c… --server http://127.0.0.1:8080
              dragoman task 6f1c… --server http://127.0.0.1:8080 --wait --output results.jsonl
            """)

    @Argument(help: "The task id (as printed by `batch --no-wait` or returned by POST /api/batch).")
    var id: String
    @Flag(help: "Wait until the task has finished, showing progress.")
    var wait = false
    @Option(help: "Write the results to this file (atomically) once the task has finished.")
    var output: String?
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let command = self
        try await CommandRunner.run { console throws(CLIFailure) in try await command.show(console) }
    }

    private func show(_ console: Console) async throws(CLIFailure) {
        let (id, wait, output) = (id, wait, output)
        let snapshot = try await connection.withAPI { api throws(CLIFailure) in
            guard wait else { return try await api.task(id) }
            let display = ProgressDisplay(label: "task", total: nil, isTerminal: console.isTerminal, write: console.error)
            let snapshots = try await TaskWaiter(api: api).wait(for: [id], display: display)
            display.finish()
            return snapshots[0]
        }
        let progress = snapshot.progress
        console.print("\(snapshot.taskID)\t\(snapshot.status)\t\(progress.done)/\(progress.total) done, \(progress.failed) failed")
        guard let output else { return }
        guard snapshot.isFinished, let results = snapshot.results else {
            throw .local("task \(id) is \(snapshot.status); nothing written (add --wait to wait for it)")
        }
        do { try AtomicFile.write(TaskResultsFile.render(results, errors: snapshot.errors ?? [], path: output), to: output) } catch {
            throw .local(error.description)
        }
        console.error("wrote \(results.count) results to \(output)\n")
    }
}

enum TaskResultsFile {
    static func render(_ results: [String?], errors: [TaskSnapshot.ItemError], path: String) -> [UInt8] {
        let messages = Dictionary(errors.map { ($0.index, "\($0.code): \($0.message)") }, uniquingKeysWith: { first, _ in first })
        switch path.split(separator: ".").last?.lowercased() {
        case "jsonl", "ndjson":
            return results.enumerated().flatMap { index, result in
                var line = "{\"index\":\(index),\"translation\":" + (result.map(JSONLTable.jsonString) ?? "null")
                if let message = messages[index] { line += ",\"error\":" + JSONLTable.jsonString(message) }
                return Array((line + "}\n").utf8)
            }
        case "csv", "tsv":
            let delimiter: UInt8 = path.lowercased().hasSuffix(".tsv") ? .tab : .comma
            var bytes: [UInt8] = []
            CSVWriter.append(["index", "translation", "error"], delimiter: delimiter, lineEnding: "\n", to: &bytes)
            for (index, result) in results.enumerated() {
                CSVWriter.append([String(index), result ?? "", messages[index] ?? ""], delimiter: delimiter, lineEnding: "\n", to: &bytes)
            }
            return bytes
        default:
            return results.flatMap { Array((($0 ?? "") + "\n").utf8) }
        }
    }
}
