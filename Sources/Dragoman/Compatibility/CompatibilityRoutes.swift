// The compatible endpoints as a route table the service's router registers, so this folder needs nothing from
// the router but its Responder protocol.
import HTTPServer
import HTTPTypes

public enum CompatibilityRoutes {
    public static func all(libreTranslate: LibreTranslateAPI, deepL: DeepLAPI) -> [RouteEntry] {
        [
            route(.post, "/translate", libreTranslate.translate),
            route(.post, "/detect", libreTranslate.detect),
            route(.get, "/languages", libreTranslate.languages),
            route(.get, "/frontend/settings", libreTranslate.frontendSettings),
            route(.post, "/v2/translate", deepL.translate),
            route(.get, "/v2/languages", deepL.languages),
            route(.get, "/v2/usage", deepL.usage),
            // DeepL's clients may POST to /v2/usage and /v2/languages (its docs show both verbs).
            route(.post, "/v2/usage", deepL.usage),
            route(.post, "/v2/languages", deepL.languages),
        ]
    }

    private static func route(
        _ method: HTTPRequest.Method, _ path: String, _ handler: @escaping @Sendable (Request) async throws -> Response
    ) -> RouteEntry {
        RouteEntry(method: method, path: path, responder: ClosureResponder(handler))
    }
}
