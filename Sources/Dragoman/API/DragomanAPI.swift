// The HTTP face of the service: one handler per route, each parsing JSON into service calls and the answer
// back into the contract's JSON. Every ServiceError becomes an HTTPError here, the one place that maps them.
import Cache
import Engines
import Foundation
import HTTPServer
import HTTPTypes
import Jobs

public struct DragomanAPI: Sendable {
    public let service: TranslationService
    public let tasks: TaskRunner
    let startedAt: ContinuousClock.Instant

    public init(service: TranslationService, tasks: TaskRunner) {
        self.service = service
        self.tasks = tasks
        self.startedAt = .now
    }

    /// Runs a handler, rendering service errors as their HTTP error.
    static func handling(_ body: () async throws(ServiceError) -> Response) async throws(HTTPError) -> Response {
        do { return try await body() } catch { throw error.httpError }
    }

    func translate(_ request: Request) async throws -> Response {
        try await Self.handling { () async throws(ServiceError) -> Response in
            let body = try JSONBody(request.body)
            let (texts, single) = try body.texts("text")
            let source = try body.language("source", allowAuto: true)
            let target = try body.language("target", allowAuto: false)
            let output = try await service.translate(
                texts, source: source, target: target, engine: try body.optionalString("engine"))
            let view = Self.view(output, requestedSource: source, single: single)
            if let bytes = view.plainJSON() { return .json(bytes: bytes) }
            return try encode(view)
        }
    }

    static func view(_ output: TranslationOutput, requestedSource: String, single: Bool) -> TranslateResponse {
        let auto = requestedSource == "auto"
        let routed = output.routes.contains { $0 != nil }
        return TranslateResponse(
            translation: single ? .one(output.translations[0]) : .many(output.translations),
            source: single ? output.sources[0] : requestedSource, target: output.target, engine: output.engine,
            cached: single ? .one(output.cached[0]) : .many(output.cached),
            detected: auto ? (single ? .one(output.detected[0]) : .many(output.detected)) : nil,
            route: routed ? (single ? .one(output.routes[0]) : .many(output.routes)) : nil)
    }

    func detect(_ request: Request) async throws -> Response {
        try await Self.handling { () async throws(ServiceError) -> Response in
            let text = try JSONBody(request.body).string("text")
            guard !text.allSatisfy(\.isWhitespace) else { throw .emptyText(index: nil) }
            guard text.count <= service.limits.maxTextLength else {
                throw .textTooLong(index: nil, length: text.count, limit: service.limits.maxTextLength)
            }
            return try encode(await service.detect(text))
        }
    }

    func languages(_ request: Request) async throws -> Response {
        try await Self.handling { () async throws(ServiceError) -> Response in
            var engines: [String: [PairView]] = [:]
            var codes: Set<String> = []
            for (name, pairs) in await service.languages() {
                var views: [PairView] = []
                for pair in pairs {
                    let route = await (service.engines[name] as? any RoutingEngine)?.route(for: pair)
                    views.append(PairView(source: pair.source, target: pair.target, route: (route?.count ?? 0) > 2 ? route : nil))
                    codes.formUnion([pair.source, pair.target])
                }
                engines[name] = views
            }
            let sorted = codes.sorted()
            let table = sorted.map {
                LanguagesView.Code(code: $0, apertium: LanguageCodes.apertium(fromISO: $0), name: LanguageCodes.name(ofISO: $0))
            }
            return try encode(LanguagesView(engines: engines, languages: sorted, codes: table))
        }
    }
}

extension DragomanAPI {
    func encode<Value: Encodable>(_ value: Value, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:])
        throws(ServiceError) -> Response
    {
        do { return try Response.json(value, status: status, headers: headers) } catch {
            throw .storage("cannot encode the response: \(error)")
        }
    }
}
