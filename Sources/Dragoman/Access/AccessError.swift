// Errors of the access layer. Request-time refusals become HTTPErrors in AccessControl; these are for setup.
public enum AccessError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidConfiguration(String)

    public var description: String {
        switch self {
        case .invalidConfiguration(let reason): "access configuration: \(reason)"
        }
    }
}
