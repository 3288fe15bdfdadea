// A JSON value written as Swift literals, for building the OpenAPI document in code (so a test can walk it)
// without Foundation's untyped dictionaries.

public indirect enum OpenAPIValue: Sendable, Equatable, Encodable, ExpressibleByStringLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    case string(String)
    case bool(Bool)
    case int(Int)
    case array([OpenAPIValue])
    case object([String: OpenAPIValue])

    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(arrayLiteral elements: OpenAPIValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, OpenAPIValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    public subscript(key: String) -> OpenAPIValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    public var objectKeys: [String] {
        if case .object(let object) = self { return object.keys.sorted() }
        return []
    }
}
