// What a translation call answers, item by item, before the API shapes it into JSON (a single text or a list).
import Engines

/// One item on its way through the service: its text, its resolved pair and, for "auto", what was detected.
struct PlannedItem: Sendable {
    var text: String
    var pair: LanguagePair
    var detection: Detection?
    var route: [String]?
}

/// A translated item and whether the cache answered it.
struct TranslatedItem: Sendable {
    var translation: String
    var cached: Bool
}

public struct TranslationOutput: Sendable, Equatable {
    public var engine: String
    public var target: String
    public var translations: [String] = []
    public var cached: [Bool] = []
    /// The source each item was translated from (the detected one for "auto").
    public var sources: [String] = []
    /// Per item, only when the request said "auto".
    public var detected: [Detection?] = []
    /// Per item, only for pairs that go through a third language.
    public var routes: [[String]?] = []

    init(engine: String, target: String) {
        self.engine = engine
        self.target = target
    }

    mutating func append(_ item: PlannedItem, _ translated: TranslatedItem) {
        translations.append(translated.translation)
        cached.append(translated.cached)
        sources.append(item.pair.source)
        detected.append(item.detection)
        routes.append(item.route)
    }
}
