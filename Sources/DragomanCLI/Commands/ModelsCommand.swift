// `dragoman models list|convert|pull`: the Marian GGUF files in the models folder, converting a Hugging Face
// directory, and fetching one from the Hub (or a mirror) and converting it.
import ArgumentParser
import Foundation
import HTTPClient

struct ModelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "List, convert and download Marian (OPUS-MT) models.",
        discussion: """
            Examples:
              dragoman models list --models-dir models
              dragoman models convert ~/opus-mt-en-de models/opus-mt-en-de.gguf --type f16
              dragoman models pull Helsinki-NLP/opus-mt-en-de
            """,
        subcommands: [ModelsListCommand.self, ModelsConvertCommand.self, ModelsPullCommand.self])
}

struct ModelsFolderOption: ParsableArguments {
    @Option(name: .customLong("models-dir"), help: "Folder of GGUF models (default: $MODELS_DIR or ./models).")
    var modelsDirectory: String?

    var path: String { modelsDirectory ?? ProcessInfo.processInfo.environment["MODELS_DIR"] ?? "models" }
}

struct ModelsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the GGUF model files the Marian engine will load.",
        discussion: """
            Examples:
              dragoman models list
              dragoman models list --models-dir /srv/dragoman/models
            """)

    @OptionGroup var folder: ModelsFolderOption

    func run() async throws {
        let path = folder.path
        try await CommandRunner.run { console throws(CLIFailure) in
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".gguf") }.sorted()
            if names.isEmpty { console.error("no .gguf models in \(path)\n") }
            for name in names {
                let size = (try? FileManager.default.attributesOfItem(atPath: path + "/" + name))?[.size] as? Int ?? 0
                console.print("\(name)\t\(ProgressFormat.bytes(Int64(size)))")
            }
        }
    }
}

struct ModelsConvertCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a Hugging Face Marian model directory into one GGUF file.",
        discussion: """
            Runs Scripts/convert-marian with the project's .venv Python.
            Examples:
              dragoman models convert ~/opus-mt-en-es models/opus-mt-en-es.gguf
              dragoman models convert ~/opus-mt-en-es models/en-es-q8.gguf --type q8_0
            """)

    @Argument(help: "The Hugging Face model directory (config.json, model.safetensors, *.spm, vocab.json).")
    var directory: String
    @Argument(help: "The GGUF file to write.")
    var output: String
    @Option(help: "Weight type: f32, f16 or q8_0.")
    var type = "f16"
    @Option(help: "Path to convert-marian (default: Scripts/convert-marian of this project).")
    var converter: String?

    func run() async throws {
        let (directory, output, type, converter) = (directory, output, type, converter)
        try await CommandRunner.run { console throws(CLIFailure) in
            guard FileManager.default.fileExists(atPath: directory + "/config.json") else {
                throw .input("\(directory): not a Hugging Face model directory (no config.json)")
            }
            try ModelConverter.locate(explicit: converter).convert(directory, to: output, type: type, console: console)
        }
    }
}
