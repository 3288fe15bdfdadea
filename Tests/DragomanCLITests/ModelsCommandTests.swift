// `dragoman models pull` against a loopback server that serves a real (tiny) Hugging Face Marian directory under
// the Hub's `<name>/resolve/main/<file>` paths, then converts it with the real Scripts/convert-marian.
import Foundation
import Testing
import TestSupport
@testable import DragomanCLI

@Suite struct ModelsCommandTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../InferenceTests/Fixtures/tiny-marian").standardizedFileURL
    let folder = TemporaryDirectory("models")
    let server: LoopbackFileServer
    let files = ["config.json", "generation_config.json", "model.safetensors", "source.spm", "target.spm",
                 "tokenizer_config.json", "vocab.json"]

    init() throws {
        let served = folder.url.appendingPathComponent("hub/org/tiny-marian/resolve/main")
        try FileManager.default.createDirectory(at: served, withIntermediateDirectories: true)
        for file in files {
            try FileManager.default.copyItem(at: Self.fixture.appendingPathComponent(file), to: served.appendingPathComponent(file))
        }
        server = try LoopbackFileServer(root: folder.file("hub"))
    }

    var models: String { folder.file("models") }

    @Test func pullDownloadsEveryFileAndConverts() async throws {
        let result = await dragoman(["models", "pull", "org/tiny-marian", "--base-url", server.baseURL, "--models-dir", models])
        #expect(result.status == 0, "\(result.stderr)")
        let gguf = try Data(contentsOf: URL(fileURLWithPath: models + "/tiny-marian.gguf"))
        #expect(gguf.prefix(4) == Data("GGUF".utf8))
        for file in files {
            let pulled = try Data(contentsOf: URL(fileURLWithPath: models + "/hf/org--tiny-marian/" + file))
            #expect(pulled == (try Data(contentsOf: Self.fixture.appendingPathComponent(file))), "\(file)")
        }
        #expect(server.requests.contains { $0.path == "/api/models/org/tiny-marian" })  // asked for a listing first
        #expect(!server.requests.contains { $0.path.hasSuffix("pytorch_model.bin") })
        let listed = await dragoman(["models", "list", "--models-dir", models])
        #expect(listed.stdout.hasPrefix("tiny-marian.gguf\t"))
    }

    @Test func interruptedPullResumesWithARangeRequest() async throws {
        let weights = "/org/tiny-marian/resolve/main/model.safetensors"
        server.truncateNext(weights, afterBytes: 100_000)
        let first = await dragoman(["models", "pull", "org/tiny-marian", "--base-url", server.baseURL, "--models-dir", models, "--no-convert"])
        #expect(first.status == 3)
        #expect(first.stderr.contains("cannot reach the server") || first.stderr.contains("model.safetensors"))
        let second = await dragoman(["models", "pull", "org/tiny-marian", "--base-url", server.baseURL, "--models-dir", models, "--no-convert"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("model.safetensors: resumed at 100.0 kB"))
        #expect(server.requests.last { $0.path == weights }?.range == "bytes=100000-")
        let pulled = try Data(contentsOf: URL(fileURLWithPath: models + "/hf/org--tiny-marian/model.safetensors"))
        #expect(pulled == (try Data(contentsOf: Self.fixture.appendingPathComponent("model.safetensors"))))
    }

    @Test func wrongChecksumFailsAndKeepsNothing() async throws {
        let result = await dragoman([
            "models", "pull", "org/tiny-marian", "--base-url", server.baseURL, "--models-dir", models, "--no-convert",
            "--sha256", "config.json=" + String(repeating: "ab", count: 32),
        ])
        #expect(result.status == 3)
        #expect(result.stderr.contains("SHA-256 mismatch"))
        #expect(!FileManager.default.fileExists(atPath: models + "/hf/org--tiny-marian/config.json"))
    }

    @Test func unknownModelIsAServerError() async throws {
        let result = await dragoman(["models", "pull", "org/none", "--base-url", server.baseURL, "--models-dir", models])
        #expect(result.status == 3)
        #expect(result.stderr.contains("404"))
    }

    @Test func usageErrorsExitWithOne() async throws {
        let result = await dragoman(["models", "pull", "x", "--sha256", "nohash"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("--sha256 takes FILE=HEX"))
    }

    @Test func helpHasExamples() async throws {
        let result = await dragoman(["models", "pull", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Examples:"))
    }
}
