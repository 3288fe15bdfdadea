// `dragoman batch INPUT OUTPUT`: translate one column of a CSV/TSV file (or one field of a JSONL file) through
// the batch task API, with progress, resumable after Ctrl-C, writing the output only when everything is done.
import ArgumentParser
import Foundation

struct BatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Translate a column of a CSV, TSV or JSONL file into a new file.",
        discussion: """
            OUTPUT keeps every input column, in order, and adds translated_<column> (JSONL: a field).
            Rows stay in input order. Empty cells are not sent and stay empty. Progress goes to standard error.
            Interrupted (Ctrl-C)? The tasks keep running; run the same command again to pick them up.
            Examples:
              dragoman batch reviews.csv reviews.es.csv --from en --to es --text-column text
              dragoman batch data.jsonl out.jsonl --to ca --text-field body
              dragoman batch big.tsv out.tsv --to es --server http://127.0.0.1:8080
              dragoman batch big.csv out.csv --to es --server http://127.0.0.1:8080 --no-wait
            """)

    @Argument(help: "Input file: .csv, .tsv or .jsonl (or say --format).")
    var input: String
    @Argument(help: "Output file, written whole when the batch is done.")
    var output: String
    @Option(help: "Source language (ISO 639-1), or auto.")
    var from = "auto"
    @Option(help: "Target language (ISO 639-1).")
    var to: String
    @Option(help: "Engine: apertium or marian.")
    var engine: String?
    @Option(help: "CSV/TSV column holding the text.")
    var textColumn: String?
    @Option(help: "JSONL field holding the text.")
    var textField: String?
    @Option(help: "Input format: csv, tsv or jsonl (default: from the file name).")
    var format: TableFormat?
    @Option(help: "Texts per server task (the server's limit is 10,000 by default; smaller if it says so).")
    var chunkSize = 10_000
    @Flag(help: "Submit the tasks, print their ids and exit without waiting.")
    var noWait = false
    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        if textColumn != nil && textField != nil { throw ValidationError("give --text-column or --text-field, not both") }
        if chunkSize < 1 { throw ValidationError("--chunk-size must be at least 1") }
    }

    var settings: BatchSettings {
        BatchSettings(
            source: from, target: to, engine: engine, column: textColumn ?? textField ?? "text",
            format: format ?? TableFormat(path: input), chunkSize: chunkSize)
    }

    func run() async throws {
        let command = self
        try await CommandRunner.run { console throws(CLIFailure) in try await command.batch(console) }
    }

    private func batch(_ console: Console) async throws(CLIFailure) {
        let (input, output, settings, wait) = (input, output, settings, !noWait)
        do {
            let ids = try await connection.withAPI { api throws(CLIFailure) in
                try await BatchRunner(api: api, console: console).run(input: input, output: output, settings: settings, wait: wait)
            }
            if !wait {
                for id in ids { console.print(id) }
                console.error("submitted \(ids.count) task(s); run the same command without --no-wait to collect them into \(output)\n")
            }
        } catch .interrupted {
            throw .interrupted(resumeHint())
        }
    }

    private func resumeHint() -> String {
        let place = connection.server.map { "on \($0)" } ?? "in the data folder (they resume when Dragoman next starts with it)"
        return "interrupted; the submitted tasks keep running \(place).\nResume with: " + Self.shellCommand(CommandLine.arguments)
    }

    static func shellCommand(_ arguments: [String]) -> String {
        let program = arguments.first.map { ($0 as NSString).lastPathComponent } ?? "dragoman"
        return ([program] + arguments.dropFirst().map { argument in
            argument.allSatisfy { $0.isLetter || $0.isNumber || "-_./:=@,".contains($0) }
                ? argument : "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }).joined(separator: " ")
    }
}
