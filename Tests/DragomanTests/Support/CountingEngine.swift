// A real engine wrapped to count translate calls and texts: how single flight is observed from outside.
import Engines

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
