// Texts the engines translated (cache hits excluded), by engine and pair, over the process's life. Counted where
// translations are made, so /api/translate, the compatible APIs, batch tasks and the CLI each count once and no
// layer re-reads bodies to find out; /metrics exports the totals at scrape time.
import Engines
import Synchronization

/// Texts and characters one engine translated for one pair.
public struct TranslationCount: Sendable, Equatable {
    public var engine: String
    /// "en-es".
    public var pair: String
    public var texts: Int
    public var characters: Int

    public init(engine: String, pair: String, texts: Int = 0, characters: Int = 0) {
        self.engine = engine
        self.pair = pair
        self.texts = texts
        self.characters = characters
    }
}

public final class TranslationTally: Sendable {
    private struct Key: Hashable {
        var engine: String
        var pair: LanguagePair
    }

    private let counts = Mutex<[Key: TranslationCount]>([:])

    public init() {}

    func add(engine: String, pair: LanguagePair, texts: [String]) {
        guard !texts.isEmpty else { return }
        let characters = texts.reduce(0) { $0 + $1.count }
        counts.withLock { counts in
            let key = Key(engine: engine, pair: pair)
            var count = counts[key] ?? TranslationCount(engine: engine, pair: pair.description)
            count.texts += texts.count
            count.characters += characters
            counts[key] = count
        }
    }

    public func snapshot() -> [TranslationCount] { counts.withLock { Array($0.values) } }
}
