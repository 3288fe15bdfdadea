// The `serve` options that shape engines, cache and data, accepted by every command that can run in-process.
import ArgumentParser

struct EngineOptions: ParsableArguments, Sendable {
    @Option(help: "Configuration file (default: Config/dragoman.json when present).")
    var config: String?
    @Option(name: .customLong("models-dir"), help: "Folder of GGUF models (env MODELS_DIR).")
    var modelsDirectory: String?
    @Option(name: .customLong("data-dir"), help: "Folder for the task store and cache (env DATA_DIR).")
    var dataDirectory: String?
    @Option(help: "Redis URL for the shared cache tier, e.g. redis://127.0.0.1:6379 (env REDIS_URL).")
    var redis: String?
    @Option(help: "Translation workers (env WORKERS; default: one per core).")
    var workers: Int?
}
