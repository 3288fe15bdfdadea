// `dragoman keys add|list|revoke`: manages the API keys in the data dir's key store (keys.sqlite), the same file
// `dragoman serve` reads. A new key's secret is printed once; only its SHA-256 is stored.
import ArgumentParser
import Dragoman
import Foundation

struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Manage API keys (stored hashed in <data dir>/keys.sqlite).",
        discussion: """
            A running server sees added and revoked keys within a second; no restart is needed.

            Examples:
              dragoman keys add weblate --requests-per-minute 600
              dragoman keys add ops --admin
              dragoman keys list --data-dir data
              dragoman keys revoke <id>
            """,
        subcommands: [KeysAddCommand.self, KeysListCommand.self, KeysRevokeCommand.self])
}

struct KeyStoreOptions: ParsableArguments {
    @Option(help: "Configuration file (JSON); its data_dir and access.keys_file locate the store.") var config: String?
    @Option(help: "Folder holding keys.sqlite (env DATA_DIR; overrides the configuration).") var dataDir: String?

    /// The store `dragoman serve` would open with the same file, environment and flags.
    func open() async throws -> KeyStore {
        let configuration = try LoadedConfiguration.layered(
            file: config, environment: ProcessInfo.processInfo.environment, flags: ConfigurationFlags(dataDir: dataDir)
        ).configuration
        let path = configuration.access.keysFile
            ?? URL(fileURLWithPath: configuration.dataDir).appendingPathComponent("keys.sqlite").path
        return try await KeyStore(path: path)
    }
}

struct KeysAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a key and print its secret once.")
    @OptionGroup var store: KeyStoreOptions
    @Argument(help: "A name for the key's holder.") var name: String
    @Option(help: "Requests per minute (default: the server's key default).") var requestsPerMinute: Int?
    @Option(help: "Characters per minute.") var charactersPerMinute: Int?
    @Option(help: "Total characters the key may translate (DeepL's character_limit).") var characterQuota: Int?
    @Flag(help: "The key may perform admin operations (cache clear, key management).") var admin = false

    func run() async throws {
        let limit = RateLimit(requestsPerMinute: requestsPerMinute, charactersPerMinute: charactersPerMinute)
        let (key, secret) = try await store.open().add(
            name: name, limit: limit, characterQuota: characterQuota, isAdmin: admin)
        print("id      \(key.id)\nname    \(key.name)\nsecret  \(secret)")
        FileHandle.standardError.write(Data("The secret is shown only now; store it safely.\n".utf8))
    }
}

struct KeysListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List keys (never their secrets).")
    @OptionGroup var store: KeyStoreOptions

    func run() async throws {
        print(["ID", "NAME", "ADMIN", "REQ/MIN", "CHARS/MIN", "USED", "QUOTA", "STATE"].joined(separator: "\t"))
        for key in try await store.open().list() {
            let columns = [key.id, key.name, key.isAdmin ? "yes" : "no", text(key.limit.requestsPerMinute),
                           text(key.limit.charactersPerMinute), String(key.charactersUsed), text(key.characterQuota),
                           key.isRevoked ? "revoked" : "active"]
            print(columns.joined(separator: "\t"))
        }
    }

    private func text(_ value: Int?) -> String { value.map(String.init) ?? "-" }
}

struct KeysRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a key by its id.")
    @OptionGroup var store: KeyStoreOptions
    @Argument(help: "The key's id, as `dragoman keys list` shows it.") var id: String

    func run() async throws {
        guard try await store.open().revoke(id: id) else {
            throw ValidationError("no active key with id \(id)")
        }
        print("revoked \(id)")
    }
}
