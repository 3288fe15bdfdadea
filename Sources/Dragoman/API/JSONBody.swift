// Reads a request's JSON object field by field, so each mistake gets its own stable code: invalid_json for
// bytes that are not a JSON object, missing_field, invalid_field for a wrong type, empty_text for "".
import Engines
import Foundation

struct JSONBody {
    let fields: [String: Any]

    init(_ bytes: [UInt8]) throws(ServiceError) {
        guard !bytes.isEmpty else { throw .invalidJSON("the request body is empty; a JSON object is expected") }
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: Data(bytes)) } catch {
            throw .invalidJSON("the request body is not valid JSON")
        }
        guard let fields = object as? [String: Any] else { throw .invalidJSON("the request body must be a JSON object") }
        self.fields = fields
    }

    func string(_ name: String) throws(ServiceError) -> String {
        guard let value = try optionalString(name) else { throw .missingField(name) }
        return value
    }

    func optionalString(_ name: String) throws(ServiceError) -> String? {
        guard let value = fields[name], !(value is NSNull) else { return nil }
        guard let string = value as? String else { throw .invalidField(name, "must be a string") }
        return string
    }

    /// A string or a list of strings; `single` says which the client sent, so the answer mirrors it.
    func texts(_ name: String) throws(ServiceError) -> (texts: [String], single: Bool) {
        guard let value = fields[name], !(value is NSNull) else { throw .missingField(name) }
        if let text = value as? String { return ([text], true) }
        guard let list = value as? [Any] else { throw .invalidField(name, "must be a string or a list of strings") }
        var texts: [String] = []
        for item in list {
            guard let text = item as? String else { throw .invalidField(name, "must contain only strings") }
            texts.append(text)
        }
        return (texts, false)
    }

    /// A two- or three-letter language code, or "auto" where allowed. Apertium's codes ("eng", "spa", as
    /// Apertium-APy clients send them) come back as the ISO 639-1 codes the service speaks ("en", "es").
    func language(_ name: String, allowAuto: Bool) throws(ServiceError) -> String {
        let given = try string(name)
        // On bytes, not Characters: every request has two of these, and a code is ASCII or invalid.
        let lowered = given.utf8.map { $0 | (UInt8(ascii: "A")...UInt8(ascii: "Z") ~= $0 ? 0x20 : 0) }
        let code = String(decoding: lowered, as: UTF8.self)
        if allowAuto && code == "auto" { return code }
        guard (2...3).contains(lowered.count), lowered.allSatisfy({ (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) })
        else {
            throw .invalidField(name, "must be a language code such as \"en\"\(allowAuto ? " or \"auto\"" : "")")
        }
        return LanguageCodes.iso(fromApertium: code)
    }
}
