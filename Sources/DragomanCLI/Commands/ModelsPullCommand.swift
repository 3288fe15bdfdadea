// `dragoman models pull NAME`: download a Hugging Face model directory, resumably, then convert it to GGUF.
import ArgumentParser
import Foundation
import HTTPClient

struct ModelsPullCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull",
        abstract: "Download a Hugging Face Marian model and convert it into the models folder.",
        discussion: """
            Files come from <base-url>/<name>/resolve/main/<file>. An interrupted pull resumes where it stopped
            when run again. The GGUF file is written as <models-dir>/<model>.gguf.
            Examples:
              dragoman models pull Helsinki-NLP/opus-mt-en-es
              dragoman models pull Helsinki-NLP/opus-mt-en-de --type q8_0
              dragoman models pull org/model --base-url http://mirror.local:8080 --sha256 model.safetensors=3f2a…
            """)

    @Argument(help: "The model's name on the Hub, e.g. Helsinki-NLP/opus-mt-en-es.")
    var name: String
    @Option(help: "Where models are downloaded from.")
    var baseURL = "https://huggingface.co"
    @OptionGroup var folder: ModelsFolderOption
    @Option(name: .customLong("file"), help: "Download only these files (repeatable); default: the model's Marian files.")
    var files: [String] = []
    @Option(name: .customLong("sha256"), help: "Expected checksum, FILE=HEX (repeatable).")
    var checksums: [String] = []
    @Flag(help: "Only download; do not convert.")
    var noConvert = false
    @Option(help: "Weight type for the conversion: f32, f16 or q8_0.")
    var type = "f16"
    @Option(help: "Path to convert-marian (default: Scripts/convert-marian of this project).")
    var converter: String?

    func validate() throws {
        for entry in checksums where entry.split(separator: "=").count != 2 {
            throw ValidationError("--sha256 takes FILE=HEX, got \(entry)")
        }
        guard name.split(separator: "/").allSatisfy({ !$0.isEmpty && $0 != ".." }) else {
            throw ValidationError("not a model name: \(name)")
        }
    }

    func run() async throws {
        let command = self
        try await CommandRunner.run { console throws(CLIFailure) in try await command.pull(console) }
    }

    private func pull(_ console: Console) async throws(CLIFailure) {
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        let puller = ModelPuller(client: HTTPClient(), baseURL: base, console: console)
        let download = folder.path + "/hf/" + ModelPuller.folderName(name)
        let sums = Dictionary(checksums.map { entry in
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            return (parts[0], parts[1].lowercased())
        }, uniquingKeysWith: { $1 })
        try await puller.pull(name, into: download, files: files, checksums: sums)
        guard !noConvert else { return console.print(download) }
        let output = folder.path + "/" + (name.split(separator: "/").last.map(String.init) ?? name) + ".gguf"
        try ModelConverter.locate(explicit: converter).convert(download, to: output, type: type, console: console)
        console.print(output)
    }
}
