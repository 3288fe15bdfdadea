// GET /openapi.json: the OpenAPI 3.1 document of every endpoint, built in code so OpenAPITests can check that the
// routes the server registers and the paths documented here are the same set.

public enum OpenAPIDocument {
    public struct Operation: Sendable {
        public let method: String
        public let path: String
        let body: OpenAPIValue
    }

    /// Every documented operation: method (upper case) and path template (`/api/task/{id}`).
    public static let operations: [Operation] = dragomanOperations + compatibleOperations + operationsOperations

    public static func document(version: String) -> OpenAPIValue {
        var paths: [String: OpenAPIValue] = [:]
        for operation in operations {
            var methods: [String: OpenAPIValue] = [:]
            if case .object(let existing) = paths[operation.path] { methods = existing }
            methods[operation.method.lowercased()] = operation.body
            paths[operation.path] = .object(methods)
        }
        return [
            "openapi": "3.1.0",
            "info": ["title": "Dragoman", "version": .string(version),
                     "description": "Self-hosted machine translation: Dragoman's API plus LibreTranslate- and DeepL-compatible endpoints."],
            "paths": .object(paths),
            "components": ["schemas": .object(OpenAPISchemas.all)],
        ]
    }

    static let dragomanOperations: [Operation] = [
        op("POST", "/api/translate", "Translate one text or a list", json: "TranslateRequest",
           ok: "TranslateResponse", errors: "Error"),
        op("POST", "/api/batch", "Queue a durable batch task", json: "BatchRequest",
           ok: "BatchAccepted", okStatus: "202", errors: "Error"),
        op("GET", "/api/task/{id}", "A task's status and results", ok: "Task", errors: "Error",
           parameters: [pathParameter("id"), queryParameter("partial")]),
        op("DELETE", "/api/task/{id}", "Cancel a task that has not finished", ok: "Task", errors: "Error",
           parameters: [pathParameter("id")]),
        op("GET", "/api/languages", "Available pairs per engine", ok: "AnyObject", errors: "Error"),
        op("POST", "/api/detect", "Detect a text's language", json: "DetectRequest",
           okSchema: OpenAPISchemas.array(OpenAPISchemas.ref("Guess")), errors: "Error"),
        op("GET", "/api/cache/stats", "Cache hits, misses and entries per tier", ok: "AnyObject", errors: "Error"),
        op("DELETE", "/api/cache", "Clear the cache (admin key when one is configured)", ok: "AnyObject",
           errors: "Error", parameters: [queryParameter("source"), queryParameter("target"), headerParameter("X-Admin-Key")]),
    ]

    static let compatibleOperations: [Operation] = [
        op("POST", "/translate", "LibreTranslate: translate", json: "LibreTranslateRequest", form: true,
           ok: "LibreTranslateResponse", errors: "LibreTranslateError"),
        op("POST", "/detect", "LibreTranslate: detect", json: "LibreTranslateDetectRequest", form: true,
           okSchema: OpenAPISchemas.array(OpenAPISchemas.ref("LibreTranslateDetected")), errors: "LibreTranslateError"),
        op("GET", "/languages", "LibreTranslate: languages",
           okSchema: OpenAPISchemas.array(OpenAPISchemas.ref("LibreTranslateLanguage")), errors: "LibreTranslateError"),
        op("GET", "/frontend/settings", "LibreTranslate: frontend settings", ok: "LibreTranslateSettings",
           errors: "LibreTranslateError"),
        op("POST", "/v2/translate", "DeepL v2: translate", json: "DeepLTranslateRequest", form: true,
           ok: "DeepLTranslateResponse", errors: "DeepLError", parameters: [authorization]),
        op("GET", "/v2/languages", "DeepL v2: languages",
           okSchema: OpenAPISchemas.array(OpenAPISchemas.ref("DeepLLanguage")), errors: "DeepLError",
           parameters: [queryParameter("type", values: ["source", "target"]), authorization]),
        op("POST", "/v2/languages", "DeepL v2: languages",
           okSchema: OpenAPISchemas.array(OpenAPISchemas.ref("DeepLLanguage")), errors: "DeepLError",
           parameters: [queryParameter("type", values: ["source", "target"]), authorization]),
        op("GET", "/v2/usage", "DeepL v2: usage of the key", ok: "DeepLUsage", errors: "DeepLError",
           parameters: [authorization]),
        op("POST", "/v2/usage", "DeepL v2: usage of the key", ok: "DeepLUsage", errors: "DeepLError",
           parameters: [authorization]),
    ]

    static let operationsOperations: [Operation] = [
        op("GET", "/health", "Liveness and component status", ok: "Health", errors: "Health"),
        op("GET", "/ready", "Readiness: 200 once engines and the task store are up, else 503", ok: "Ready",
           errors: "Ready"),
        op("GET", "/metrics", "Prometheus metrics", text: true),
        op("GET", "/openapi.json", "This document", ok: "AnyObject"),
    ]
}
