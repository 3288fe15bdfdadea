import Redis
import TestSupport
import Testing

@Suite struct RedisClientTests {
    @Test func reconnectsByItselfAfterAnOutage() async throws {
        let server = try RedisServer()
        // Generous timeouts: a loaded test machine can stall a loopback reply past 50 ms.
        let options = RedisClient.Options(
            connectTimeout: .seconds(2), commandTimeout: .seconds(2), initialBackoff: .milliseconds(20))
        let client = RedisClient(url: server.url, options: options)
        #expect(try await client.command(["SET", "a", "1"]) == .status("OK"))
        server.kill()
        await #expect(throws: RedisError.self) { try await client.command(["GET", "a"]) }
        #expect(await client.isHealthy == false)
        try server.restart()
        var answered = false
        for _ in 0..<500 where !answered {
            answered = (try? await client.command(["PING"])) == .status("PONG")
            if !answered { try await Task.sleep(for: .milliseconds(10)) }
        }
        #expect(answered)
        #expect(await client.isHealthy)
    }

    @Test func aConnectionClosedByARestartWhileIdleIsReplacedWithoutAFailedCommand() async throws {
        let server = try RedisServer()
        let options = RedisClient.Options(connectTimeout: .seconds(2), commandTimeout: .seconds(2))
        let client = RedisClient(url: server.url, options: options)
        #expect(try await client.command(["SET", "a", "1"]) == .status("OK"))
        try server.restart()  // the client's kept connection now meets EOF on its next use
        #expect(try await client.command(["SET", "a", "2"]) == .status("OK"))
        #expect(await client.connectAttempts == 2)
        #expect(await client.isHealthy)
    }

    @Test func doesNotTryToConnectInsideTheBackoffWindow() async throws {
        let port = try RedisServer.freePort()
        let url = RedisURL(endpoint: .tcp(host: "127.0.0.1", port: port))
        let client = RedisClient(url: url, options: .init(initialBackoff: .seconds(60)))
        for _ in 0..<100 { _ = try? await client.command(["PING"]) }
        #expect(await client.connectAttempts == 1)
        let error = await #expect(throws: RedisError.self) { try await client.command(["PING"]) }
        #expect(error?.kind == .unavailable)
        #expect(await client.lastError?.kind == .connection)
    }

    @Test func aServerThatNeverAnswersTimesOut() async throws {
        let hole = try BlackHoleListener()
        let url = RedisURL(endpoint: .tcp(host: "127.0.0.1", port: hole.port))
        let client = RedisClient(url: url)
        let error = await #expect(throws: RedisError.self) { try await client.command(["GET", "k"]) }
        #expect(error?.kind == .connection)
        #expect(error?.code != 0)
        #expect(error?.message.contains("command timeout") == true)
        #expect(await client.isHealthy == false)
    }
}
