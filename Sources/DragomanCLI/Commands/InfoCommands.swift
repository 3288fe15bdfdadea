// The small read-only commands: languages, detect, health and cache statistics. They print what the API
// answers (JSON pretty-printed with sorted keys, or a short table), in-process or from `--server`.
import ArgumentParser
import Foundation

struct LanguagesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "languages",
        abstract: "List the language pairs each engine can translate.",
        discussion: """
            Examples:
              dragoman languages
              dragoman languages --server http://127.0.0.1:8080
            """)

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let connection = connection
        try await CommandRunner.run { console throws(CLIFailure) in
            console.print(PrettyJSON.format(try await connection.withAPI { api throws(CLIFailure) in try await api.json(.get, "/api/languages") }))
        }
    }
}

struct DetectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect",
        abstract: "Guess the language of a text (best first, with confidence).",
        discussion: """
            Examples:
              dragoman detect "Bon dia a tothom"
              echo "¿Dónde está la estación?" | dragoman detect
            """)

    @Argument(help: "The text; without it, standard input is read.")
    var words: [String] = []
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let (words, connection) = (words, connection)
        try await CommandRunner.run { console throws(CLIFailure) in
            let text = words.isEmpty ? String(decoding: console.readInput(), as: UTF8.self) : words.joined(separator: " ")
            guard !text.allSatisfy(\.isWhitespace) else { throw .input("nothing to detect: the text is empty") }
            let guesses = try await connection.withAPI { api throws(CLIFailure) in try await api.detect(text) }
            for guess in guesses { console.print("\(guess.language)\t\(String(format: "%.2f", guess.confidence))") }
        }
    }
}

struct HealthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "health",
        abstract: "Show a server's health; exits 3 when it is down or unreachable.",
        discussion: """
            Examples:
              dragoman health --server http://127.0.0.1:8080
            """)

    @Option(help: "URL of the Dragoman server to check.")
    var server: String

    func run() async throws {
        let server = server
        try await CommandRunner.run { console throws(CLIFailure) in
            let api = DragomanAPI(transport: RemoteTransport(baseURL: server))
            console.print(PrettyJSON.format(try await api.json(.get, "/health")))
        }
    }
}

struct CacheCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Show cache statistics or clear the translation cache.",
        discussion: """
            Examples:
              dragoman cache stats --server http://127.0.0.1:8080
              dragoman cache clear --server http://127.0.0.1:8080 --admin-key "$DRAGOMAN_ADMIN_KEY"
              dragoman cache clear --from en --to es --data-dir /var/lib/dragoman
            """)

    enum Action: String, ExpressibleByArgument, CaseIterable { case stats, clear }

    @Argument(help: "stats or clear.")
    var action: Action
    @Option(help: "With clear: only this source language's entries (needs --to).")
    var from: String?
    @Option(help: "With clear: only this target language's entries (needs --from).")
    var to: String?
    @Option(help: "Admin key, when the server requires one for clearing (env DRAGOMAN_ADMIN_KEY).")
    var adminKey: String?
    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        if (from == nil) != (to == nil) { throw ValidationError("--from and --to go together") }
    }

    func run() async throws {
        let (action, connection, from, to) = (action, connection, from, to)
        let key = adminKey ?? ProcessInfo.processInfo.environment["DRAGOMAN_ADMIN_KEY"]
        try await CommandRunner.run { console throws(CLIFailure) in
            let body = try await connection.withAPI { api throws(CLIFailure) in
                var api = api
                api.adminKey = key
                return action == .stats
                    ? try await api.json(.get, "/api/cache/stats") : try await api.clearCache(source: from, target: to)
            }
            console.print(PrettyJSON.format(body))
        }
    }
}

enum PrettyJSON {
    static func format(_ bytes: [UInt8]) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]),
              let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
        else { return String(decoding: bytes, as: UTF8.self) }
        return String(decoding: data, as: UTF8.self)
    }
}
