// The fields of a request body, however the client sent them: a JSON object, or an
// `application/x-www-form-urlencoded` form (LibreTranslate's web form, DeepL's documented curl examples),
// where a repeated name (`text=a&text=b`) is a list. Parsed once; read by the access layer and the handlers.
import Foundation
import HTTPServer
import HTTPTypes

public struct RequestFields: Sendable {
    public enum Value: Sendable, Equatable {
        case string(String)
        case strings([String])
        case number(Double)
        case bool(Bool)
        case other
    }

    public private(set) var values: [String: Value]

    public init(_ values: [String: Value] = [:]) { self.values = values }

    /// Parses the body by its Content-Type; a body that is neither JSON nor a form gives no fields.
    public init(request: Request) throws(RequestFieldsError) {
        let type = request.headers[.contentType]?.lowercased() ?? ""
        if request.body.isEmpty {
            values = [:]
        } else if type.hasPrefix("application/x-www-form-urlencoded") {
            values = Self.form(String(decoding: request.body, as: UTF8.self))
        } else if type.hasPrefix("application/json") || type.isEmpty || request.body.first == UInt8(ascii: "{") {
            values = try Self.json(request.body)
        } else {
            throw .unsupportedContentType(type)
        }
    }

    public func string(_ name: String) -> String? {
        switch values[name] {
        case .string(let value): value
        case .strings(let values): values.first
        case .number(let value): value.rounded() == value ? String(Int(value)) : String(value)
        case .bool(let value): String(value)
        default: nil
        }
    }

    /// A string field or a list of strings, or nil when absent; `.other` (a number, an object) is not a text.
    public func texts(_ name: String) -> (texts: [String], isList: Bool)? {
        switch values[name] {
        case .string(let value): ([value], false)
        case .strings(let values): (values, true)
        default: nil
        }
    }

    public func has(_ name: String) -> Bool { values[name] != nil }

    /// Characters in every text-bearing field a translation endpoint reads, for character budgets and quotas.
    public var textCharacterCount: Int {
        ["q", "text", "texts"].compactMap { texts($0)?.texts }.joined().reduce(0) { $0 + $1.count }
    }
}

public enum RequestFieldsError: Error, Sendable, Equatable {
    case notAnObject
    case malformedJSON(String)
    case unsupportedContentType(String)

    public var message: String {
        switch self {
        case .notAnObject: "the request body must be a JSON object"
        case .malformedJSON(let detail): "the request body is not valid JSON: \(detail)"
        case .unsupportedContentType(let type): "unsupported Content-Type '\(type)': send JSON or a form"
        }
    }
}

extension RequestFields {
    static func json(_ body: [UInt8]) throws(RequestFieldsError) -> [String: Value] {
        let decoded: AnyJSON
        do {
            decoded = try JSONDecoder().decode(AnyJSON.self, from: Data(body))
        } catch {
            throw .malformedJSON(String(describing: error).prefix(200).description)
        }
        guard case .object(let dictionary) = decoded else { throw .notAnObject }
        return dictionary.mapValues(\.fieldValue)
    }

    static func form(_ body: String) -> [String: Value] {
        var result: [String: Value] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0]).replacingOccurrences(of: "[]", with: "")
            let value = parts.count > 1 ? decode(parts[1]) : ""
            switch result[name] {
            case .string(let first): result[name] = .strings([first, value])
            case .strings(let list): result[name] = .strings(list + [value])
            default: result[name] = .string(value)
            }
        }
        return result
    }

    private static func decode(_ part: Substring) -> String {
        let spaced = part.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}

/// Any JSON value, decoded without Foundation's Any-typed JSONSerialization (whose Bool/NSNumber bridging
/// differs between Darwin and Linux).
enum AnyJSON: Decodable, Sendable {
    case string(String), number(Double), bool(Bool), array([AnyJSON]), object([String: AnyJSON]), null

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([AnyJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: AnyJSON].self))
        }
    }

    var fieldValue: RequestFields.Value {
        switch self {
        case .string(let value): return .string(value)
        case .number(let value): return .number(value)
        case .bool(let value): return .bool(value)
        case .array(let items):
            let strings = items.compactMap { if case .string(let text) = $0 { text } else { nil } }
            return strings.count == items.count ? .strings(strings) : .other
        case .object, .null: return .other
        }
    }
}
