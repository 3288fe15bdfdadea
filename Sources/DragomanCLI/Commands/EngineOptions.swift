// The `serve` options that shape engines, cache and data, accepted by every command that can run in-process.
// Its own group rather than `ServeOptions`, whose --host/--port/--preload mean nothing to a one-off command;
// the layering (file ← environment ← flags) is the service's own `LoadedConfiguration`, as `serve` uses it.
import ArgumentParser
import Dragoman

struct EngineOptions: ParsableArguments, Sendable {
    @Option(help: "Configuration file (JSON).")
    var config: String?
    @Option(name: .customLong("models-dir"), help: "Folder of GGUF models (env MODELS_DIR).")
    var modelsDirectory: String?
    @Option(name: .customLong("data-dir"), help: "Folder for the task store and cache (env DATA_DIR).")
    var dataDirectory: String?
    @Option(help: "Redis URL for the shared cache tier, e.g. redis://127.0.0.1:6379/0 (env REDIS_URL).")
    var redis: String?
    @Option(help: "Translation workers (env WORKERS; 0 = one per core).")
    var workers: Int?

    func configuration(environment: [String: String]) throws(CLIFailure) -> Configuration {
        do {
            return try LoadedConfiguration.layered(
                file: config, environment: environment,
                flags: ConfigurationFlags(workers: workers, redis: redis, dataDir: dataDirectory, modelsDir: modelsDirectory)
            ).configuration
        } catch {
            throw .input("configuration: \(error)")
        }
    }
}
