import Redis
import Testing

@Suite struct RedisURLTests {
    @Test func parsesHostPortPasswordAndDatabase() throws {
        let url = try RedisURL("redis://:s%40cret@cache.local:6380/3")
        #expect(url.endpoint == .tcp(host: "cache.local", port: 6380))
        #expect(url.password == "s@cret")
        #expect(url.username == nil)
        #expect(url.database == 3)
    }

    @Test func defaultsPortAndDatabase() throws {
        let url = try RedisURL("redis://localhost")
        #expect(url.endpoint == .tcp(host: "localhost", port: 6379))
        #expect(url.database == 0)
        #expect(url.password == nil)
    }

    @Test func parsesUserAndPassword() throws {
        let url = try RedisURL("redis://app:pw@10.0.0.5:6379/0")
        #expect(url.username == "app")
        #expect(url.password == "pw")
    }

    @Test func parsesUnixSocketWithDatabase() throws {
        let url = try RedisURL("unix:///run/redis/redis.sock?db=2")
        #expect(url.endpoint == .unix(path: "/run/redis/redis.sock"))
        #expect(url.database == 2)
    }

    @Test(arguments: [
        ("", "no URL"), ("localhost:6379", "unknown scheme"), ("http://x", "unknown scheme"),
        ("redis://", "missing host"), ("redis://h:6379/x", "not a non-negative integer"),
        ("rediss://h", "TLS"), ("unix://", "absolute socket path"),
    ])
    func rejectsBadURLsWithAReason(input: String, reason: String) {
        #expect {
            try RedisURL(input)
        } throws: { error in
            (error as? RedisURLError)?.reason.contains(reason) == true
        }
    }

    @Test func neverShowsThePassword() throws {
        let url = try RedisURL("redis://:topsecret@h:1/0")
        #expect(!url.description.contains("topsecret"))
        let error = #expect(throws: RedisURLError.self) { try RedisURL("redis://:topsecret@h:1/zz") }
        #expect(error?.description.contains("topsecret") == false)
    }
}
