// A real engine with a hook before each call. Gated, it holds every call until its gate opens: a stalled engine,
// which a healthy one never is on demand, so a test can interrupt a batch while it waits and resume it
// deterministically, or let identical requests pile up behind one call to see single flight. The hook can also
// fail one text (a fault a real engine cannot be made to give) or count calls.
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

/// A real engine with a hook run before each of its translate calls: a gate to wait at, a text to fail, a call
/// to count. Everything else is the real engine's.
public struct InterceptingEngine: TranslationEngine {
    public typealias Hook = @Sendable ([String], LanguagePair) async throws(EngineError) -> Void
    public let inner: any TranslationEngine
    let before: Hook
    public var name: String { inner.name }

    public init(inner: any TranslationEngine, before: @escaping Hook) {
        self.inner = inner
        self.before = before
    }

    /// Every call waits until `gate` opens.
    public static func gated(_ inner: any TranslationEngine, by gate: Gate) -> InterceptingEngine {
        InterceptingEngine(inner: inner) { _, _ in await gate.wait() }
    }

    public func pairs() async -> [LanguagePair] { await inner.pairs() }
    public func version(for pair: LanguagePair) async -> String { await inner.version(for: pair) }
    public func health() async -> EngineHealth { await inner.health() }
    public func translate(_ texts: [String], pair: LanguagePair) async throws(EngineError) -> [String] {
        try await before(texts, pair)
        return try await inner.translate(texts, pair: pair)
    }
}
