// A stand-in engine for these tests until the persistent-pipeline Apertium engine lands: real Apertium, run
// as `apertium -u <mode>` once per batch with one text per line. Slow (a process per call) but real output.
import Engines
import Foundation

struct CommandLineApertium: TranslationEngine {
    let name = "apertium"
    static let modes: [LanguagePair: String] = [
        LanguagePair(source: "en", target: "es"): "eng-spa", LanguagePair(source: "es", target: "en"): "spa-eng",
        LanguagePair(source: "en", target: "ca"): "eng-cat", LanguagePair(source: "es", target: "pt"): "es-pt",
    ]

    func pairs() async -> [LanguagePair] { Array(Self.modes.keys) }
    func version(for pair: LanguagePair) async -> String { "test-cli" }
    func health() async -> EngineHealth { EngineHealth(healthy: true) }

    func translate(_ texts: [String], pair: LanguagePair) async throws(EngineError) -> [String] {
        guard let mode = Self.modes[pair] else { throw .unsupportedPair(pair) }
        do {
            let output = try await Self.run(["apertium", "-u", mode], input: texts.joined(separator: "\n") + "\n")
            let lines = output.split(separator: "\n", omittingEmptySubsequences: false).prefix(texts.count)
            guard lines.count == texts.count else { throw EngineError.failed(engine: name, reason: "short output") }
            return lines.map { String($0) }
        } catch let error as EngineError { throw error } catch {
            throw .failed(engine: name, reason: "\(error)")
        }
    }

    static func run(_ arguments: [String], input: String) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    let process = Process()
                    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                    process.arguments = arguments
                    let stdin = Pipe(), stdout = Pipe()
                    process.standardInput = stdin
                    process.standardOutput = stdout
                    try process.run()
                    stdin.fileHandleForWriting.write(Data(input.utf8))
                    try stdin.fileHandleForWriting.close()
                    let data = stdout.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    continuation.resume(returning: String(decoding: data, as: UTF8.self))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }
}

/// Wraps a real engine to count translate calls and texts: how single flight is observed from outside.
actor CallCounter {
    var calls = 0
    var texts: [String] = []
    func record(_ batch: [String]) {
        calls += 1
        texts += batch
    }
}

struct CountingEngine: TranslationEngine {
    let inner: any TranslationEngine
    let counter = CallCounter()
    var name: String { inner.name }

    func pairs() async -> [LanguagePair] { await inner.pairs() }
    func version(for pair: LanguagePair) async -> String { await inner.version(for: pair) }
    func health() async -> EngineHealth { await inner.health() }
    func translate(_ texts: [String], pair: LanguagePair) async throws(EngineError) -> [String] {
        await counter.record(texts)
        return try await inner.translate(texts, pair: pair)
    }
}
