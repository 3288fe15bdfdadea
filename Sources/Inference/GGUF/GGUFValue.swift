// A GGUF metadata value copied out of gguf.h into a Swift value, so nothing holds C memory after loading.

public enum GGUFValue: Sendable, Equatable {
    case int(Int)
    case float(Double)
    case bool(Bool)
    case string(String)
    case ints([Int])
    case floats([Float])
    case strings([String])
    case bytes([UInt8])

    var intValue: Int? { if case .int(let v) = self { v } else { nil } }
    var floatValue: Double? {
        switch self {
        case .float(let v): v
        case .int(let v): Double(v)
        default: nil
        }
    }
    var boolValue: Bool? {
        switch self {
        case .bool(let v): v
        case .int(let v): v != 0
        default: nil
        }
    }
    var stringValue: String? { if case .string(let v) = self { v } else { nil } }
}

/// Typed access to a file's metadata with errors that name the key.
public struct GGUFMetadata: Sendable {
    public let values: [String: GGUFValue]

    public func int(_ key: String) throws(ModelLoadError) -> Int {
        guard let value = values[key] else { throw .missingKey(key) }
        guard let int = value.intValue else { throw .wrongKeyType(key: key, expected: "integer") }
        return int
    }

    public func float(_ key: String) throws(ModelLoadError) -> Double {
        guard let value = values[key] else { throw .missingKey(key) }
        guard let float = value.floatValue else { throw .wrongKeyType(key: key, expected: "float") }
        return float
    }

    public func bool(_ key: String) throws(ModelLoadError) -> Bool {
        guard let value = values[key] else { throw .missingKey(key) }
        guard let bool = value.boolValue else { throw .wrongKeyType(key: key, expected: "bool") }
        return bool
    }

    public func string(_ key: String) throws(ModelLoadError) -> String {
        guard let value = values[key] else { throw .missingKey(key) }
        guard let string = value.stringValue else { throw .wrongKeyType(key: key, expected: "string") }
        return string
    }

    public func ints(_ key: String) -> [Int]? {
        switch values[key] {
        case .ints(let v): v
        case .int(let v): [v]
        case .bytes(let v): v.map(Int.init)
        default: nil
        }
    }

    public func strings(_ key: String) -> [String]? { if case .strings(let v) = values[key] { v } else { nil } }
    public func floats(_ key: String) -> [Float]? { if case .floats(let v) = values[key] { v } else { nil } }
    public func bytes(_ key: String) -> [UInt8]? { if case .bytes(let v) = values[key] { v } else { nil } }
}
