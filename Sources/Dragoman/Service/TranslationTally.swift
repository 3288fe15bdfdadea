// Texts the engines translated (cache hits excluded), by engine and pair, over the process's life. Counted where
// translations are made, so /api/translate, the compatible APIs, batch tasks and the CLI each count once and no
// layer re-reads bodies to find out; /metrics exports the totals at scrape time.
import Engines
import Synchronization

public final class TranslationTally: Sendable {
    public struct Key: Hashable, Sendable {
        public var engine: String
        public var pair: LanguagePair
    }

    public struct Count: Sendable, Equatable {
        public var texts = 0
        public var characters = 0

        public init(texts: Int = 0, characters: Int = 0) {
            self.texts = texts
            self.characters = characters
        }
    }

    private let counts = Mutex<[Key: Count]>([:])

    public init() {}

    func add(engine: String, pair: LanguagePair, texts: [String]) {
        guard !texts.isEmpty else { return }
        let characters = texts.reduce(0) { $0 + $1.count }
        counts.withLock { counts in
            counts[Key(engine: engine, pair: pair), default: Count()].texts += texts.count
            counts[Key(engine: engine, pair: pair), default: Count()].characters += characters
        }
    }

    public func snapshot() -> [Key: Count] { counts.withLock { $0 } }
}
