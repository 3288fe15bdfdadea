import Redis
import Testing

@Test func hiredisIsLinked() { #expect(RedisLibrary.version.hasPrefix("1.") || RedisLibrary.version.hasPrefix("0.")) }
