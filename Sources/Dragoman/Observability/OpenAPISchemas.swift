// The request and response schemas of every endpoint, as OpenAPI 3.1 (JSON Schema 2020-12) components.
// Field names are the contract clients code against (issue 3 for /api/*, LibreTranslate's and DeepL's docs).

enum OpenAPISchemas {
    static func ref(_ name: String) -> OpenAPIValue { ["$ref": .string("#/components/schemas/\(name)")] }
    static let string: OpenAPIValue = ["type": "string"]
    static let integer: OpenAPIValue = ["type": "integer"]
    static let number: OpenAPIValue = ["type": "number"]
    static let boolean: OpenAPIValue = ["type": "boolean"]
    static func array(_ items: OpenAPIValue) -> OpenAPIValue { ["type": "array", "items": items] }
    static func oneOf(_ choices: OpenAPIValue...) -> OpenAPIValue { ["oneOf": .array(choices)] }
    static func object(_ properties: [String: OpenAPIValue], required: [String] = []) -> OpenAPIValue {
        ["type": "object", "properties": .object(properties), "required": .array(required.map { .string($0) })]
    }
    static let textOrTexts = oneOf(["type": "string"], array(["type": "string"]))

    static let all: [String: OpenAPIValue] = dragoman.merging(compatible) { first, _ in first }

    static let dragoman: [String: OpenAPIValue] = [
        "Error": object(["error": object(["code": string, "message": string], required: ["code", "message"])],
                        required: ["error"]),
        "Guess": object(["language": string, "confidence": number], required: ["language", "confidence"]),
        "TranslateRequest": object(
            ["text": textOrTexts, "source": string, "target": string, "engine": string],
            required: ["text", "target"]),
        "TranslateResponse": object(
            ["translation": textOrTexts, "source": string, "target": string, "engine": string,
             "cached": oneOf(boolean, array(boolean)), "detected": oneOf(ref("Guess"), array(ref("Guess"))),
             "route": array(string)],
            required: ["translation", "target"]),
        "BatchRequest": object(
            ["texts": array(string), "source": string, "target": string, "engine": string],
            required: ["texts", "target"]),
        "BatchAccepted": object(["task_id": string, "status": string, "total": integer],
                                required: ["task_id", "status", "total"]),
        "Task": object(
            ["task_id": string,
             "status": ["type": "string", "enum": ["queued", "running", "completed", "failed", "cancelled"]],
             "progress": object(["done": integer, "failed": integer, "total": integer]),
             "created_at": string, "updated_at": string,
             "results": array(["type": ["string", "null"]]),
             "errors": array(object(["index": integer, "code": string, "message": string]))],
            required: ["task_id", "status", "progress"]),
        "DetectRequest": object(["text": string], required: ["text"]),
        "Health": object(["status": ["type": "string", "enum": ["ok", "degraded", "down"]],
                          "version": string, "uptime_s": number, "components": ["type": "object"]],
                         required: ["status"]),
        "Ready": object(["ready": boolean, "reasons": array(string)], required: ["ready", "reasons"]),
        "AnyObject": ["type": "object"],
    ]

    static let compatible: [String: OpenAPIValue] = [
        "LibreTranslateError": object(["error": string], required: ["error"]),
        "LibreTranslateRequest": object(
            ["q": textOrTexts, "source": string, "target": string,
             "format": ["type": "string", "enum": ["text", "html"]], "api_key": string,
             "alternatives": integer],
            required: ["q", "source", "target"]),
        "LibreTranslateDetected": object(["confidence": number, "language": string], required: ["confidence", "language"]),
        "LibreTranslateResponse": object(
            ["translatedText": textOrTexts,
             "detectedLanguage": oneOf(ref("LibreTranslateDetected"), array(ref("LibreTranslateDetected"))),
             "alternatives": oneOf(array(string), array(array(string)))],
            required: ["translatedText"]),
        "LibreTranslateDetectRequest": object(["q": textOrTexts, "api_key": string], required: ["q"]),
        "LibreTranslateLanguage": object(["code": string, "name": string, "targets": array(string)],
                                         required: ["code", "name", "targets"]),
        "LibreTranslateSettings": object(
            ["charLimit": integer, "frontendTimeout": integer, "apiKeys": boolean, "keyRequired": boolean,
             "suggestions": boolean, "filesTranslation": boolean, "supportedFilesFormat": array(string),
             "language": object(["source": ref("LibreTranslateLanguageEntry"), "target": ref("LibreTranslateLanguageEntry")])],
            required: ["charLimit", "apiKeys", "keyRequired", "language"]),
        "LibreTranslateLanguageEntry": object(["code": string, "name": string], required: ["code", "name"]),
        "DeepLError": object(["message": string], required: ["message"]),
        "DeepLTranslateRequest": object(
            ["text": array(string), "target_lang": string, "source_lang": string,
             "tag_handling": ["type": "string", "enum": ["html", "xml"]]],
            required: ["text", "target_lang"]),
        "DeepLTranslateResponse": object(
            ["translations": array(object(["detected_source_language": string, "text": string],
                                          required: ["detected_source_language", "text"]))],
            required: ["translations"]),
        "DeepLLanguage": object(["language": string, "name": string, "supports_formality": boolean],
                                required: ["language", "name"]),
        "DeepLUsage": object(["character_count": integer, "character_limit": integer],
                             required: ["character_count", "character_limit"]),
    ]
}
