// Input limits the service enforces before anything is queued. Configurable under "limits" in Config/.

public struct ServiceLimits: Sendable, Codable, Equatable {
    /// Texts in one POST /api/translate.
    public var maxTextsPerRequest = 50
    /// Characters (Unicode scalars as Swift counts Characters) in one text.
    public var maxTextLength = 5_000
    /// Texts in one POST /api/batch task.
    public var maxTextsPerBatch = 10_000
    /// Bytes in one POST /api/batch body, in place of the server's general body limit: 10,000 texts must fit
    /// (10,000 sentences of 100–300 bytes are 1–3 MiB of JSON; the general limit is 1 MiB).
    public var maxBatchBodyBytes = 32 * 1024 * 1024

    public init() {}

    enum CodingKeys: String, CodingKey {
        case maxTextsPerRequest = "max_texts_per_request"
        case maxTextLength = "max_text_length"
        case maxTextsPerBatch = "max_texts_per_batch"
        case maxBatchBodyBytes = "max_batch_body_bytes"
    }

    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = ServiceLimits()
        maxTextsPerRequest = try values.decodeIfPresent(Int.self, forKey: .maxTextsPerRequest) ?? defaults.maxTextsPerRequest
        maxTextLength = try values.decodeIfPresent(Int.self, forKey: .maxTextLength) ?? defaults.maxTextLength
        maxTextsPerBatch = try values.decodeIfPresent(Int.self, forKey: .maxTextsPerBatch) ?? defaults.maxTextsPerBatch
        maxBatchBodyBytes = try values.decodeIfPresent(Int.self, forKey: .maxBatchBodyBytes) ?? defaults.maxBatchBodyBytes
    }
}
