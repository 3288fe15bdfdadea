// How one operation is written down: JSON (and form) request bodies, the success schema, and the error shape of
// the API it belongs to as the `default` response, so every status a client can see is described.

extension OpenAPIDocument {
    static let authorization = headerParameter("Authorization")

    static func op(
        _ method: String, _ path: String, _ summary: String, json: String? = nil, form: Bool = false,
        ok: String? = nil, okSchema: OpenAPIValue? = nil, okStatus: String = "200", text: Bool = false,
        errors: String? = nil, parameters: [OpenAPIValue] = []
    ) -> Operation {
        var body: [String: OpenAPIValue] = ["summary": .string(summary), "operationId": .string(operationID(method, path))]
        if let json {
            var content: [String: OpenAPIValue] = ["application/json": ["schema": OpenAPISchemas.ref(json)]]
            if form { content["application/x-www-form-urlencoded"] = ["schema": OpenAPISchemas.ref(json)] }
            body["requestBody"] = ["required": true, "content": .object(content)]
        }
        var responses: [String: OpenAPIValue] = [:]
        if text {
            responses[okStatus] = ["description": "OK", "content": ["text/plain": ["schema": OpenAPISchemas.string]]]
        } else if let schema = okSchema ?? ok.map(OpenAPISchemas.ref) {
            responses[okStatus] = ["description": "OK", "content": ["application/json": ["schema": schema]]]
        }
        if let errors {
            responses["default"] = ["description": "Error",
                                    "content": ["application/json": ["schema": OpenAPISchemas.ref(errors)]]]
        }
        body["responses"] = .object(responses)
        if !parameters.isEmpty { body["parameters"] = .array(parameters) }
        return Operation(method: method, path: path, body: .object(body))
    }

    static func pathParameter(_ name: String) -> OpenAPIValue {
        ["name": .string(name), "in": "path", "required": true, "schema": OpenAPISchemas.string]
    }

    static func queryParameter(_ name: String, values: [String] = []) -> OpenAPIValue {
        var schema: [String: OpenAPIValue] = ["type": "string"]
        if !values.isEmpty { schema["enum"] = .array(values.map { .string($0) }) }
        return ["name": .string(name), "in": "query", "required": false, "schema": .object(schema)]
    }

    static func headerParameter(_ name: String) -> OpenAPIValue {
        ["name": .string(name), "in": "header", "required": false, "schema": OpenAPISchemas.string]
    }

    private static func operationID(_ method: String, _ path: String) -> String {
        let words = path.split(whereSeparator: { "/{}._-".contains($0) }).map { $0.prefix(1).uppercased() + $0.dropFirst() }
        return method.lowercased() + words.joined()
    }
}
