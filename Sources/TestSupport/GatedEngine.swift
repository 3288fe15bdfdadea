// `GatedEngine` holds every call of a real engine until its gate opens: a stalled engine, which a healthy one
// never is on demand, so a test can interrupt a batch while it waits and resume it deterministically, or let
// identical requests pile up behind one call to see single flight.
import Engines
import Synchronization

public final class Gate: Sendable {
    private let state = Mutex<(open: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    public init() {}

    public func wait() async {
        await withCheckedContinuation { continuation in
            let resumeNow = state.withLock { state in
                if state.open { return true }
                state.waiters.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    public func open() {
        let waiters = state.withLock { state in
            state.open = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}

public struct GatedEngine: TranslationEngine {
    public let inner: any TranslationEngine
    public let gate: Gate
    public var name: String { inner.name }

    public init(inner: any TranslationEngine, gate: Gate) {
        self.inner = inner
        self.gate = gate
    }

    public func pairs() async -> [LanguagePair] { await inner.pairs() }
    public func version(for pair: LanguagePair) async -> String { await inner.version(for: pair) }
    public func health() async -> EngineHealth { await inner.health() }
    public func translate(_ texts: [String], pair: LanguagePair) async throws(EngineError) -> [String] {
        await gate.wait()
        return try await inner.translate(texts, pair: pair)
    }
}
