// LibreTranslate's JSON shapes, field names as its clients read them.

struct LibreTranslateResponse: Encodable {
    struct Detected: Encodable, Equatable {
        var confidence: Double
        var language: String
    }

    enum Texts: Encodable {
        case one(String)
        case many([String])

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .one(let text): try container.encode(text)
            case .many(let texts): try container.encode(texts)
            }
        }
    }

    enum Detection: Encodable {
        case one(Detected)
        case many([Detected])

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .one(let value): try container.encode(value)
            case .many(let values): try container.encode(values)
            }
        }
    }

    var translatedText: Texts
    var detectedLanguage: Detection?
    /// We have no alternative translations; present (as `[]`, per item for a list) only when asked for.
    var alternatives: [[String]]?
    var singleAlternatives: [String]?

    init(items: [CompatibleTranslator.Item], isList: Bool, alternatives: Bool) {
        translatedText = isList ? .many(items.map(\.text)) : .one(items.first?.text ?? "")
        let detected = items.compactMap { item in
            item.detected.map { Detected(confidence: ($0.confidence * 100).rounded(), language: $0.language) }
        }
        if detected.count == items.count && !items.isEmpty {
            detectedLanguage = isList ? .many(detected) : .one(detected[0])
        }
        if alternatives {
            if isList { self.alternatives = items.map { _ in [] } } else { singleAlternatives = [] }
        }
    }

    enum CodingKeys: String, CodingKey { case translatedText, detectedLanguage, alternatives }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(translatedText, forKey: .translatedText)
        try container.encodeIfPresent(detectedLanguage, forKey: .detectedLanguage)
        if let alternatives { try container.encode(alternatives, forKey: .alternatives) }
        if let singleAlternatives { try container.encode(singleAlternatives, forKey: .alternatives) }
    }
}

struct LibreTranslateLanguage: Encodable {
    var code: String
    var name: String
    var targets: [String]
}

struct LibreTranslateFrontendSettings: Encodable {
    struct Language: Encodable {
        struct Entry: Encodable {
            var code: String
            var name: String
        }
        var source: Entry
        var target: Entry
    }

    var charLimit: Int
    var frontendTimeout: Int
    var apiKeys: Bool
    var keyRequired: Bool
    var suggestions: Bool
    var filesTranslation: Bool
    var supportedFilesFormat: [String]
    var language: Language
}
