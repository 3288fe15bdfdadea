// A byte-level JSON writer for the responses on the hot path. A cached /api/translate answer is ~120 bytes, and
// Foundation's JSONEncoder (Codable boxing, then writing) was 11% of the server's CPU under load (perf).
// It writes what `Response.json` (JSONEncoder with .sortedKeys, .withoutEscapingSlashes) writes for strings,
// booleans, integers, finite doubles and lists of them; callers give keys in sorted order. Anything richer stays
// with JSONEncoder.
public struct JSONBytes: Sendable {
    public private(set) var bytes: [UInt8] = []
    /// One entry per open object or array: whether a value was written in it (so the next one needs a comma).
    private var filled: [Bool] = []

    public init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    public mutating func openObject() { value(UInt8(ascii: "{")); filled.append(false) }
    public mutating func closeObject() { filled.removeLast(); bytes.append(UInt8(ascii: "}")) }
    public mutating func openArray() { value(UInt8(ascii: "[")); filled.append(false) }
    public mutating func closeArray() { filled.removeLast(); bytes.append(UInt8(ascii: "]")) }

    /// An array of `values`, each written by `write`.
    public mutating func list<Value>(_ values: [Value], _ write: (inout JSONBytes, Value) -> Void) {
        openArray()
        for value in values { write(&self, value) }
        closeArray()
    }

    /// The key of the next value in the current object.
    public mutating func key(_ name: String) {
        string(name)
        bytes.append(UInt8(ascii: ":"))
        filled[filled.count - 1] = false  // the value that follows takes no comma
    }

    public mutating func bool(_ flag: Bool) { separate(); bytes.append(contentsOf: flag ? Self.true : Self.false) }

    public mutating func int(_ number: Int) { separate(); bytes.append(contentsOf: String(number).utf8) }

    /// JSONEncoder's form: the shortest round-trip digits, with an integral value written without ".0" (3, not
    /// 3.0). Finite values only, as JSONEncoder refuses the others.
    public mutating func double(_ number: Double) {
        precondition(number.isFinite, "JSON has no \(number)")
        separate()
        let text = number.description
        bytes.append(contentsOf: text.hasSuffix(".0") ? text.dropLast(2).utf8 : text[...].utf8)
    }

    public mutating func string(_ text: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x00..<0x20:
                bytes.append(contentsOf: Array("\\u00".utf8))
                bytes.append(Self.hex[Int(byte >> 4)])
                bytes.append(Self.hex[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func value(_ opening: UInt8) {
        separate()
        bytes.append(opening)
    }

    /// A comma before every value but the first of its container.
    private mutating func separate() {
        guard let last = filled.last else { return }
        if last { bytes.append(UInt8(ascii: ",")) }
        filled[filled.count - 1] = true
    }

    private static let `true` = Array("true".utf8)
    private static let `false` = Array("false".utf8)
    private static let hex = Array("0123456789abcdef".utf8)
}
