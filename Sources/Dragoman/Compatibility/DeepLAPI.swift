// DeepL's API v2 (POST /v2/translate, GET /v2/languages, GET /v2/usage) as its official clients call it, so they
// work against Dragoman by changing the server URL. Language codes are DeepL's upper-case ones (ES, EN-GB, PT-BR),
// mapped to ours; errors become `{"message": "…"}` with DeepL's statuses in CompatibilityErrorMiddleware.
import Engines
import HTTPServer
import HTTPTypes

public struct DeepLAPI: Sendable {
    let backend: any CompatibilityBackend
    let access: AccessControl?

    public init(backend: any CompatibilityBackend, access: AccessControl?) {
        self.backend = backend
        self.access = access
    }

    public func translate(_ request: Request) async throws -> Response {
        let fields = try CompatibilityRequest.fields(of: request)
        guard let texts = fields.texts("text")?.texts, !texts.isEmpty else {
            throw HTTPError(.badRequest, code: "missing_parameter", message: "Parameter 'text' not specified.")
        }
        try CompatibilityRequest.check(texts, limits: backend.limits, status: .contentTooLarge)
        let pairs = await backend.languagePairs()
        guard let target = fields.string("target_lang").flatMap(DeepLLanguageCodes.ours(from:)),
            pairs.contains(where: { $0.target == target })
        else {
            throw HTTPError(.badRequest, code: "unsupported_language", message: "Value for 'target_lang' not supported.")
        }
        let source = try fields.string("source_lang").map { code in
            guard let ours = DeepLLanguageCodes.ours(from: code), pairs.contains(where: { $0.source == ours }) else {
                throw HTTPError(.badRequest, code: "unsupported_language", message: "Value for 'source_lang' not supported.")
            }
            return ours
        }
        let html = fields.string("tag_handling")?.lowercased() == "html"
        let items = try await CompatibleTranslator(backend: backend)
            .translate(texts, source: source, target: target, html: html)
        return try Response.json(DeepLTranslations(translations: items.map {
            .init(detected_source_language: DeepLLanguageCodes.theirs(source: $0.source), text: $0.text)
        }))
    }

    public func languages(_ request: Request) async throws -> Response {
        let pairs = await backend.languagePairs()
        // GET sends `type` in the query; DeepL's POST form sends it in the body.
        let body = (try? RequestFields(request: request)) ?? RequestFields()
        let type = (request.query["type"] ?? body.string("type") ?? "source").lowercased()
        let isTarget = type == "target"
        guard isTarget || type == "source" else {
            throw HTTPError(.badRequest, code: "invalid_parameter", message: "Value for 'type' not supported.")
        }
        let codes = Set(pairs.map { isTarget ? $0.target : $0.source }).sorted()
        let entries = codes.flatMap { code in
            (isTarget ? DeepLLanguageCodes.theirs(target: code) : [DeepLLanguageCodes.theirs(source: code)]).map {
                DeepLLanguage(language: $0, name: backend.languageName(code), supports_formality: isTarget ? false : nil)
            }
        }
        return try Response.json(entries)
    }

    /// Characters used and allowed for the presented key; without keys there is no quota to report.
    public func usage(_ request: Request) async throws -> Response {
        let fields = (try? RequestFields(request: request)) ?? RequestFields()
        let secret = PresentedKey.find(in: request, body: fields)
        let key = try await secret.flatMapAsync { try await access?.store?.key(forSecret: $0) }
        return try Response.json(DeepLUsage(
            character_count: key?.charactersUsed ?? 0,
            character_limit: key?.characterQuota ?? DeepLUsage.unlimited))
    }
}

struct DeepLTranslations: Encodable {
    struct Translation: Encodable {
        var detected_source_language: String
        var text: String
    }
    var translations: [Translation]
}

struct DeepLLanguage: Encodable {
    var language: String
    var name: String
    /// Present for target languages only, as DeepL sends it.
    var supports_formality: Bool?
}

struct DeepLUsage: Encodable {
    /// DeepL has no "unlimited"; clients compare count to limit, so a key without a quota reports a limit no
    /// one reaches (10^12 characters).
    static let unlimited = 1_000_000_000_000
    var character_count: Int
    var character_limit: Int
}

extension Optional {
    fileprivate func flatMapAsync<U>(_ transform: (Wrapped) async throws -> U?) async rethrows -> U? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
