import Redis
import TestSupport
import Testing

@Suite(.serialized) struct RedisConnectionTests {
    let server: RedisServer

    init() throws { server = try RedisServer() }

    @Test func setsAndGetsBinarySafeValues() throws {
        let connection = try server.connect()
        let value: [UInt8] = [0, 1, 13, 10, 255, 36]
        #expect(try connection.command([Array("SET".utf8), Array("k".utf8), value]) == .status("OK"))
        #expect(try connection.command(["GET", "k"]) == .string(value))
        #expect(try connection.command(["GET", "missing"]) == .null)
        #expect(try connection.command(["INCRBY", "n", "5"]) == .integer(5))
    }

    @Test func pipelinesRepliesInOrder() throws {
        let connection = try server.connect()
        let commands = (0..<100).map { [Array("SET".utf8), Array("p\($0)".utf8), Array("v\($0)".utf8)] }
        let replies = try connection.pipeline(commands)
        #expect(replies.count == 100 && replies.allSatisfy { $0 == .status("OK") })
        let values = try connection.command(["MGET", "p0", "nope", "p99"])
        #expect(values == .array([.string(Array("v0".utf8)), .null, .string(Array("v99".utf8))]))
    }

    @Test func errorRepliesAreValuesNotThrows() throws {
        let connection = try server.connect()
        _ = try connection.command(["SET", "s", "x"])
        let reply = try connection.command(["LPUSH", "s", "y"])
        #expect(reply.isError && reply.text?.hasPrefix("WRONGTYPE") == true)
    }

    @Test func refusedConnectionCarriesOperationCodeAndMessage() throws {
        let port = try RedisServer.freePort()
        let url = RedisURL(endpoint: .tcp(host: "127.0.0.1", port: port))
        let error = #expect(throws: RedisError.self) {
            try RedisConnection(url: url, connectTimeout: .milliseconds(50), commandTimeout: .milliseconds(50))
        }
        #expect(error?.kind == .connection)
        #expect(error?.code != 0)
        #expect(error?.operation.contains("\(port)") == true)
        #expect(error?.message.lowercased().contains("refused") == true)
    }

    @Test func brokenConnectionThrowsAfterTheServerDies() throws {
        let connection = try server.connect()
        server.kill()
        #expect(throws: RedisError.self) { try connection.command(["PING"]) }
    }
}

@Suite struct RedisAuthTests {
    @Test func authenticatesAndSelectsFromTheURL() throws {
        let server = try RedisServer(password: "pw")
        var url = server.url
        url.database = 2
        let connection = try RedisConnection(url: url, connectTimeout: .seconds(1), commandTimeout: .seconds(1))
        _ = try connection.command(["SET", "in-db-2", "1"])
        let admin = try server.connect()
        #expect(try admin.command(["EXISTS", "in-db-2"]) == .integer(0))
        _ = try admin.command(["SELECT", "2"])
        #expect(try admin.command(["EXISTS", "in-db-2"]) == .integer(1))
    }

    @Test func wrongPasswordIsAServerError() throws {
        let server = try RedisServer(password: "pw")
        var url = server.url
        url.password = "wrong"
        let error = #expect(throws: RedisError.self) {
            try RedisConnection(url: url, connectTimeout: .seconds(1), commandTimeout: .seconds(1))
        }
        #expect(error?.kind == .server)
        #expect(error?.operation == "AUTH")
    }
}

@Suite struct RedisUnixSocketTests {
    @Test func connectsThroughAUnixSocketURL() throws {
        let server = try RedisServer(unixSocket: true)
        let url = try RedisURL("unix://\(try #require(server.unixSocket))?db=1")
        let connection = try RedisConnection(url: url, connectTimeout: .seconds(1), commandTimeout: .seconds(1))
        #expect(try connection.command(["SET", "via-socket", "1"]) == .status("OK"))
        let admin = try server.connect()
        _ = try admin.command(["SELECT", "1"])
        #expect(try admin.command(["GET", "via-socket"]) == .string(Array("1".utf8)))
    }
}
