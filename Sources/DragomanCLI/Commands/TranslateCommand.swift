// `dragoman translate`: text from the arguments or standard input; with `--lines`, one text per line, answered
// line for line (empty lines stay empty). Texts go in lists of up to 50 per request, the API's list limit.
import ArgumentParser
import Foundation

struct TranslateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translate",
        abstract: "Translate text from the arguments or standard input.",
        discussion: """
            Examples:
              dragoman translate "Hello world" --from en --to es
              echo "Good morning" | dragoman translate --to ca
              dragoman translate --lines --from en --to es < sentences.txt > frases.txt
              dragoman translate "Bonjour" --to es --server http://127.0.0.1:8080
            """)

    @Argument(help: "The text (several words are joined with spaces). Without it, standard input is read.")
    var words: [String] = []
    @Option(help: "Source language (ISO 639-1), or auto to detect it.")
    var from = "auto"
    @Option(help: "Target language (ISO 639-1).")
    var to: String
    @Option(help: "Engine: apertium or marian (default: the server's choice for the pair).")
    var engine: String?
    @Flag(help: "Treat each input line as a separate text and answer line for line.")
    var lines = false
    @Option(help: "Texts per request.")
    var chunkSize = 50
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let command = self
        try await CommandRunner.run { console throws(CLIFailure) in try await command.translate(console) }
    }

    private func translate(_ console: Console) async throws(CLIFailure) {
        let input = words.isEmpty ? String(decoding: console.readInput(), as: UTF8.self) : words.joined(separator: " ")
        let texts = lines ? Self.lines(of: input) : [input.trimmingCharacters(in: .newlines)]
        let sent = texts.indices.filter { !texts[$0].allSatisfy(\.isWhitespace) }
        guard !sent.isEmpty else { throw .input("nothing to translate: the text is empty") }
        let (from, to, engine, size) = (from, to, engine, max(1, chunkSize))
        let translated = try await connection.withAPI { api throws(CLIFailure) in
            var results: [String] = []
            for start in stride(from: 0, to: sent.count, by: size) {
                let chunk = sent[start..<min(sent.count, start + size)].map { texts[$0] }
                results += try await api.translate(chunk, source: from, target: to, engine: engine).translation
            }
            return results
        }
        var output = Array(repeating: "", count: texts.count)
        for (index, translation) in zip(sent, translated) { output[index] = translation }
        for line in output { console.print(line) }
    }

    /// Lines without their terminators; a final newline does not add an empty last text.
    static func lines(of input: String) -> [String] {
        var lines = input.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
