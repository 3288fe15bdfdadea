// The Date header (RFC 9110 section 5.6.7, IMF-fixdate), formatted with gmtime_r once per second and shared by
// every response of that second: formatting per request costs more than the rest of a /health answer.
import Glibc
import Synchronization

final class HTTPDate: Sendable {
    static let shared = HTTPDate()
    private let cache = Mutex<(second: Int, bytes: [UInt8])>((-1, []))

    /// The current date's bytes, for example `Sun, 06 Nov 1994 08:49:37 GMT`.
    func current() -> [UInt8] {
        let now = time(nil)
        return cache.withLock { cache in
            if cache.second != now {
                cache = (now, Self.format(now))
            }
            return cache.bytes
        }
    }

    static func format(_ seconds: Int) -> [UInt8] {
        var clock = time_t(seconds)
        var parts = tm()
        gmtime_r(&clock, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let text = "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
        return Array(text.utf8)
    }
}
