// Why a model file could not be loaded, with the evidence (path, key, tensor, expected vs found) a
// person needs to fix the file or the converter without a debugger.

public enum ModelLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotOpen(path: String, errno: Int32)
    case notGGUF(path: String)
    case wrongArchitecture(path: String, found: String)
    case missingKey(String)
    case wrongKeyType(key: String, expected: String)
    case invalidValue(key: String, reason: String)
    case missingTensor(String)
    case unexpectedTensor(String)
    case wrongTensorType(tensor: String, found: String, allowed: [String])
    case wrongTensorShape(tensor: String, found: [Int], expected: [Int])
    case truncated(tensor: String, needsBytes: Int, fileBytes: Int)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let errno): "cannot open \(path) (errno \(errno))"
        case .notGGUF(let path): "\(path) is not a readable GGUF file"
        case .wrongArchitecture(let path, let found): "\(path) holds a '\(found)' model, not 'marian'"
        case .missingKey(let key): "metadata key \(key) is missing"
        case .wrongKeyType(let key, let expected): "metadata key \(key) is not of type \(expected)"
        case .invalidValue(let key, let reason): "metadata key \(key): \(reason)"
        case .missingTensor(let name): "tensor \(name) is missing"
        case .unexpectedTensor(let name): "tensor \(name) is not part of a Marian model"
        case .wrongTensorType(let name, let found, let allowed):
            "tensor \(name) has type \(found); allowed: \(allowed.joined(separator: ", "))"
        case .wrongTensorShape(let name, let found, let expected): "tensor \(name) has shape \(found), expected \(expected)"
        case .truncated(let name, let needs, let size): "tensor \(name) needs \(needs) bytes but the file has \(size)"
        }
    }
}
