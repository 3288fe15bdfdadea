// Where Redis is and how to log in: `redis://[[user]:password@]host[:port][/db]` or `unix:///path[?db=N]`,
// the forms REDIS_URL takes (IANA "redis" scheme). The password never appears in `description`.
import Foundation

public struct RedisURL: Sendable, Hashable, CustomStringConvertible {
    public enum Endpoint: Sendable, Hashable {
        case tcp(host: String, port: Int)
        case unix(path: String)
    }

    public var endpoint: Endpoint
    public var username: String?
    public var password: String?
    public var database: Int

    public init(endpoint: Endpoint, username: String? = nil, password: String? = nil, database: Int = 0) {
        self.endpoint = endpoint
        self.username = username
        self.password = password
        self.database = database
    }

    public init(_ string: String) throws(RedisURLError) {
        guard !string.isEmpty else {
            throw RedisURLError(input: string, reason: "Redis is enabled but no URL is set (REDIS_URL or redis.url)")
        }
        guard let components = URLComponents(string: string), let scheme = components.scheme?.lowercased() else {
            throw RedisURLError(input: string, reason: "not a URL; expected redis://host:port/db or unix:///path")
        }
        switch scheme {
        case "redis": try self.init(tcp: components, input: string)
        case "unix": try self.init(unix: components, input: string)
        case "rediss": throw RedisURLError(input: string, reason: "TLS (rediss://) is not supported by this build")
        default: throw RedisURLError(input: string, reason: "unknown scheme '\(scheme)'; use redis:// or unix://")
        }
    }

    private init(tcp components: URLComponents, input: String) throws(RedisURLError) {
        guard let host = components.host, !host.isEmpty else {
            throw RedisURLError(input: input, reason: "missing host")
        }
        let port = components.port ?? 6379
        guard (1...65535).contains(port) else { throw RedisURLError(input: input, reason: "port out of range") }
        let path = components.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        let database = try Self.database(path.isEmpty ? nil : path, input: input)
        let user = components.user.flatMap { $0.isEmpty ? nil : $0.removingPercentEncoding }
        let password = components.password?.removingPercentEncoding
        self.init(endpoint: .tcp(host: host, port: port), username: user, password: password, database: database)
    }

    private init(unix components: URLComponents, input: String) throws(RedisURLError) {
        guard components.path.hasPrefix("/"), components.path.count > 1 else {
            throw RedisURLError(input: input, reason: "expected an absolute socket path, as in unix:///run/redis.sock")
        }
        let db = components.queryItems?.first { $0.name == "db" }?.value
        let password = components.queryItems?.first { $0.name == "password" }?.value
        let database = try Self.database(db, input: input)
        self.init(endpoint: .unix(path: components.path), password: password, database: database)
    }

    private static func database(_ text: String?, input: String) throws(RedisURLError) -> Int {
        guard let text else { return 0 }
        guard let number = Int(text), number >= 0 else {
            throw RedisURLError(input: input, reason: "database '\(text)' is not a non-negative integer")
        }
        return number
    }

    public var description: String {
        let login = password == nil ? "" : "\(username ?? ""):***@"
        switch endpoint {
        case .tcp(let host, let port):
            let shownHost = host.contains(":") ? "[\(host)]" : host
            return "redis://\(login)\(shownHost):\(port)/\(database)"
        case .unix(let path):
            return "unix://\(path)" + (database == 0 ? "" : "?db=\(database)")
        }
    }
}

/// A REDIS_URL that cannot be used, with the reason. The input is kept with any password masked.
public struct RedisURLError: Error, CustomStringConvertible, Sendable, Equatable {
    public let input: String
    public let reason: String

    init(input: String, reason: String) {
        self.input = input.replacing(/:[^:@\/]*@/, with: ":***@")
        self.reason = reason
    }

    public var description: String { "invalid Redis URL '\(input)': \(reason)" }
}
