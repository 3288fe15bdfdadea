// `GatedEngine` holds every call of a real engine until its gate opens: a stalled engine, which a healthy one
// never is on demand, so a test can interrupt a batch while it waits and resume it deterministically.
import Engines
import Synchronization

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
