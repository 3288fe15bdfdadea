// `dragoman serve`: loads Config/ (or --config), applies environment variables and flags, starts the
// application and serves HTTP until SIGTERM or SIGINT, then shuts down gracefully and exits 0.
import ArgumentParser
import Dragoman
import Foundation
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the translation API over HTTP.",
        discussion: """
            Values come from the configuration file, then the environment (HOST, PORT, REDIS_URL, WORKERS, \
            DATA_DIR, MODELS_DIR, PRELOAD_MODELS, LOG_LEVEL), then these flags.

            Examples:
              dragoman serve --config Config/dragoman.json
              dragoman serve --port 9000 --workers 4 --redis redis://127.0.0.1:6379/0
              dragoman serve --print-config
            """)

    @OptionGroup var options: ServeOptions

    @Flag(help: "Print the merged configuration with where each value came from, and exit.")
    var printConfig = false

    func run() async throws {
        let loaded = try options.load(environment: ProcessInfo.processInfo.environment)
        if printConfig {
            print(try loaded.describe())
            return
        }
        let logger = ServeOptions.bootstrapLogging(level: loaded.configuration.logLevel)
        defer { LogWriter.standardError.flush() }
        let application = try await Application.make(configuration: loaded.configuration, logger: logger)
        try await application.start()
        try await application.serveUntilSignalled()
        await application.shutdown()
    }
}

/// The options that shape an application, layered file ← environment ← flags.
struct ServeOptions: ParsableArguments {
    @Option(help: "Address to listen on.") var host: String?
    @Option(help: "Port to listen on.") var port: Int?
    @Option(help: "Configuration file (JSON).") var config: String?
    @Option(help: "Worker count (0 = one per core).") var workers: Int?
    @Option(help: "Redis URL for the shared cache tier, e.g. redis://127.0.0.1:6379/0.") var redis: String?
    @Option(help: "Folder for the task store and the SQLite cache.") var dataDir: String?
    @Option(help: "Folder of GGUF models for the Marian engine.") var modelsDir: String?
    @Flag(help: "Load every model at start-up instead of on first use.") var preload = false

    func load(environment: [String: String]) throws -> LoadedConfiguration {
        try LoadedConfiguration.layered(
            file: config, environment: environment,
            flags: ConfigurationFlags(host: host, port: port, workers: workers, redis: redis, dataDir: dataDir,
                                      modelsDir: modelsDir, preload: preload ? true : nil))
    }

    static func bootstrapLogging(level: String) -> Logger {
        let parsed = Logger.Level(rawValue: level.lowercased()) ?? .info
        // A log line's timestamp calls localtime(); with TZ unset glibc re-reads /etc/localtime's status each
        // time (a stat per second of log lines here, one per line before lines were batched). Naming the same zone
        // file explicitly lets glibc keep it loaded.
        if getenv("TZ") == nil { setenv("TZ", ":/etc/localtime", 0) }
        LoggingSystem.bootstrap { label in
            var handler = BufferedLogHandler(label: label)
            handler.logLevel = parsed
            return handler
        }
        return Logger(label: "dragoman")
    }
}
