// Real Apertium for CLI tests against the real service, until the persistent-pipeline engine lands: one
// `apertium -u <mode>` process per engine call, one text per line (so test texts here are single lines).
// `GatedEngine` holds every call until opened: a stalled engine, which a healthy one never is on demand.
import Engines
import Foundation
import Synchronization

struct ApertiumProcessEngine: TranslationEngine {
    let name = "apertium"
    static let modes = [LanguagePair(source: "en", target: "es"): "eng-spa", LanguagePair(source: "en", target: "ca"): "eng-cat"]

    func pairs() async -> [LanguagePair] { Array(Self.modes.keys) }
    func version(for pair: LanguagePair) async -> String { "cli-test" }
    func health() async -> EngineHealth { EngineHealth(healthy: true) }

    func translate(_ texts: [String], pair: LanguagePair) async throws(EngineError) -> [String] {
        guard let mode = Self.modes[pair] else { throw .unsupportedPair(pair) }
        let output: String
        do { output = try await Self.run(mode, input: texts.joined(separator: "\n") + "\n") } catch {
            throw .failed(engine: name, reason: "\(error)")
        }
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).prefix(texts.count).map(String.init)
        guard lines.count == texts.count else { throw .failed(engine: name, reason: "short output") }
        return lines
    }

    private static func run(_ mode: String, input: String) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    let process = Process()
                    process.executableURL = URL(fileURLWithPath: "/usr/bin/apertium")
                    process.arguments = ["-u", mode]
                    let (stdin, stdout) = (Pipe(), Pipe())
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

final class Gate: Sendable {
    private let state = Mutex<(open: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    func wait() async {
        await withCheckedContinuation { continuation in
            let resumeNow = state.withLock { state in
                if state.open { return true }
                state.waiters.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    func open() {
        let waiters = state.withLock { state in
            state.open = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}

struct GatedEngine: TranslationEngine {
    let inner: any TranslationEngine
    let gate: Gate
    var name: String { inner.name }

    func pairs() async -> [LanguagePair] { await inner.pairs() }
    func version(for pair: LanguagePair) async -> String { await inner.version(for: pair) }
    func health() async -> EngineHealth { await inner.health() }
    func translate(_ texts: [String], pair: LanguagePair) async throws(EngineError) -> [String] {
        await gate.wait()
        return try await inner.translate(texts, pair: pair)
    }
}
