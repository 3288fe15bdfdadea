// LibreTranslate's public API (POST /translate, POST /detect, GET /languages, GET /frontend/settings) with its
// parameter names and JSON shapes, so its clients (libretranslatepy, Weblate, Mastodon, browser add-ons) work
// unchanged. Bodies may be JSON or forms; errors become `{"error": "…"}` in CompatibilityErrorMiddleware.
import Engines
import HTTPServer

public struct LibreTranslateAPI: Sendable {
    let backend: any CompatibilityBackend
    let settings: LibreTranslateSettings

    public init(backend: any CompatibilityBackend, settings: LibreTranslateSettings) {
        self.backend = backend
        self.settings = settings
    }

    public func translate(_ request: Request) async throws -> Response {
        let fields = try CompatibilityRequest.fields(of: request)
        guard let (texts, isList) = fields.texts("q") else { throw CompatibilityRequest.missing("q") }
        guard let source = fields.string("source"), !source.isEmpty else { throw CompatibilityRequest.missing("source") }
        guard let target = fields.string("target"), !target.isEmpty else { throw CompatibilityRequest.missing("target") }
        try CompatibilityRequest.check(texts, limits: backend.limits, status: .badRequest)
        let format = fields.string("format") ?? "text"
        guard format == "text" || format == "html" else {
            throw HTTPError(.badRequest, code: "invalid_format", message: "Invalid request: format must be text or html")
        }
        try await checkLanguages(source: source, target: target)
        let items = try await CompatibleTranslator(backend: backend)
            .translate(texts, source: source == "auto" ? nil : source, target: target, html: format == "html")
        return try Response.json(LibreTranslateResponse(items: items, isList: isList, alternatives: fields.has("alternatives")))
    }

    public func detect(_ request: Request) async throws -> Response {
        let fields = try CompatibilityRequest.fields(of: request)
        guard let text = fields.texts("q")?.texts.joined(separator: "\n") else { throw CompatibilityRequest.missing("q") }
        let guesses = try await backend.detect(text).map {
            LibreTranslateResponse.Detected(confidence: ($0.confidence * 100).rounded(), language: $0.language)
        }
        return try Response.json(guesses)
    }

    public func languages(_ request: Request) async throws -> Response {
        let pairs = await backend.languagePairs()
        let targets = Dictionary(grouping: pairs, by: \.source).mapValues { Set($0.map(\.target)) }
        let codes = Set(pairs.flatMap { [$0.source, $0.target] }).sorted()
        return try Response.json(codes.map { code in
            // Like LibreTranslate, a language lists itself among its targets (translating into itself is identity).
            LibreTranslateLanguage(code: code, name: backend.languageName(code),
                                   targets: (targets[code, default: []].union([code])).sorted())
        })
    }

    public func frontendSettings(_ request: Request) async throws -> Response {
        let pairs = await backend.languagePairs()
        let source = settings.defaultSource
        let target = settings.defaultTarget ?? pairs.first?.target ?? "es"
        let apiKeys = await settings.apiKeys()
        return try Response.json(LibreTranslateFrontendSettings(
            charLimit: backend.limits.maxCharacters, frontendTimeout: 500, apiKeys: apiKeys,
            keyRequired: settings.keyRequired, suggestions: false, filesTranslation: false,
            supportedFilesFormat: [],
            language: .init(
                source: .init(code: source, name: source == "auto" ? "Auto Detect" : backend.languageName(source)),
                target: .init(code: target, name: backend.languageName(target)))))
    }

    private func checkLanguages(source: String, target: String) async throws {
        let pairs = await backend.languagePairs()
        let sources = Set(pairs.map(\.source))
        let targets = Set(pairs.map(\.target))
        if source != "auto" && !sources.contains(source) {
            throw HTTPError(.badRequest, code: "unsupported_language", message: "\(source) is not supported")
        }
        if !targets.contains(target) {
            throw HTTPError(.badRequest, code: "unsupported_language", message: "\(target) is not supported")
        }
    }
}

/// What /frontend/settings reports about keys and defaults.
public struct LibreTranslateSettings: Sendable {
    /// Whether the server uses API keys, asked per request: keys stored after start count too.
    public var apiKeys: @Sendable () async -> Bool
    public var keyRequired: Bool
    public var defaultSource: String
    public var defaultTarget: String?

    public init(
        apiKeys: @escaping @Sendable () async -> Bool = { false }, keyRequired: Bool = false,
        defaultSource: String = "auto", defaultTarget: String? = nil
    ) {
        self.apiKeys = apiKeys
        self.keyRequired = keyRequired
        self.defaultSource = defaultSource
        self.defaultTarget = defaultTarget
    }
}
