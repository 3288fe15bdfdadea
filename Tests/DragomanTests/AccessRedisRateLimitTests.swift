// Two limiter instances sharing one limit through a real redis-server, and the Lua script checked against the
// in-process TokenBucket (its oracle) step by step under the same manual clock.
import Foundation
import TestSupport
import Testing

@testable import Dragoman

@Suite(.serialized) struct AccessRedisRateLimitTests {
    @Test func twoInstancesShareOneBudget() async throws {
        let redis = try LocalRedis()
        let time = ManualClock()
        let first = RedisRateLimiter(redis: redis, clock: time.clock)
        let second = RedisRateLimiter(redis: redis, clock: time.clock)
        let limit = RateLimit(requestsPerMinute: 4)
        var allowed = 0
        for limiter in [first, second, first, second, first, second] {
            if try await limiter.acquire(client: "key:shared", characters: 0, limit: limit).allowed { allowed += 1 }
        }
        #expect(allowed == 4)
        let refused = try await second.acquire(client: "key:shared", characters: 0, limit: limit)
        #expect(!refused.allowed && refused.retryAfterSeconds == 15)
        time.advance(15)
        #expect(try await first.acquire(client: "key:shared", characters: 0, limit: limit).allowed)
    }

    @Test func scriptAgreesWithTheLocalBucketsStepByStep() async throws {
        let redis = try LocalRedis()
        let time = ManualClock()
        let shared = RedisRateLimiter(redis: redis, clock: time.clock)
        let local = LocalRateLimiter(clock: time.clock)
        let limit = RateLimit(requestsPerMinute: 5, charactersPerMinute: 300)
        let steps: [(advance: Double, characters: Int)] = [
            (0, 100), (0, 150), (0, 100), (3, 10), (7, 60), (0, 0), (0, 0), (0, 0), (30, 400), (60, 5), (1, 1),
        ]
        for step in steps {
            time.advance(step.advance)
            let expected = await local.acquire(client: "c", characters: step.characters, limit: limit)
            let actual = try await shared.acquire(client: "c", characters: step.characters, limit: limit)
            #expect(actual == expected, "after \(time.now) s with \(step.characters) characters")
        }
    }
}

/// A redis-server on a private Unix socket (no port to collide on), spoken to with redis-cli.
final class LocalRedis: RedisScripting, Sendable {
    let folder = TemporaryDirectory("redis")
    let process: Process

    var socket: String { folder.file("redis.sock") }

    init() throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/redis-server")
        process.arguments = ["--port", "0", "--unixsocket", folder.file("redis.sock"), "--save", "", "--appendonly", "no"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<200 where !FileManager.default.fileExists(atPath: folder.file("redis.sock")) {
            usleep(10_000)
        }
    }

    /// SIGKILL, not terminate(): a child spawned from a Dispatch thread inherits that thread's blocked-signal
    /// mask, and redis-server then never sees SIGTERM (measured: it kept running and waitUntilExit hung).
    deinit {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func evaluate(script: String, keys: [String], arguments: [String]) async throws -> [String] {
        let cli = Process()
        cli.executableURL = URL(fileURLWithPath: "/usr/bin/redis-cli")
        cli.arguments = ["-s", socket, "EVAL", script, String(keys.count)] + keys + arguments
        let output = Pipe()
        cli.standardOutput = output
        try cli.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        cli.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
