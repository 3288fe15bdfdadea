// Input limits the service enforces before anything is queued. Configurable under "limits" in Config/.

public struct ServiceLimits: Sendable, Codable, Equatable {
    /// Texts in one POST /api/translate.
    public var maxTextsPerRequest = 50
    /// Characters (Unicode scalars as Swift counts Characters) in one text.
    public var maxTextLength = 5_000
    /// Texts in one POST /api/batch task.
    public var maxTextsPerBatch = 10_000

    public init() {}

    enum CodingKeys: String, CodingKey {
        case maxTextsPerRequest = "max_texts_per_request"
        case maxTextLength = "max_text_length"
        case maxTextsPerBatch = "max_texts_per_batch"
    }

    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = ServiceLimits()
        maxTextsPerRequest = try values.decodeIfPresent(Int.self, forKey: .maxTextsPerRequest) ?? defaults.maxTextsPerRequest
        maxTextLength = try values.decodeIfPresent(Int.self, forKey: .maxTextLength) ?? defaults.maxTextLength
        maxTextsPerBatch = try values.decodeIfPresent(Int.self, forKey: .maxTextsPerBatch) ?? defaults.maxTextsPerBatch
    }
}
