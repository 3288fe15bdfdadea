// The route table: method, path pattern and handler. The same table answers in-process (the CLI, tests) and
// behind the HTTP server. Patterns take `:name` segments, captured into `request.parameters`.
import HTTPServer
import HTTPTypes

extension DragomanAPI {
    public typealias Handler = @Sendable (Request) async throws -> Response

    public var routes: [(method: HTTPRequest.Method, pattern: String, handler: Handler)] {
        [
            (.post, "/api/translate", translate),
            (.post, "/api/batch", submitBatch),
            (.get, "/api/task/:id", task),
            (.delete, "/api/task/:id", cancelTask),
            (.get, "/api/languages", languages),
            (.post, "/api/detect", detect),
            (.get, "/health", health),
            (.get, "/api/cache/stats", cacheStats),
            (.delete, "/api/cache", clearCache),
        ]
    }
}
