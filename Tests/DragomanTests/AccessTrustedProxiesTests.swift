// X-Forwarded-For is believed only from configured proxies, and read from the right.
import Testing

@testable import Dragoman

@Suite struct AccessTrustedProxiesTests {
    let proxies = try! TrustedProxies(["10.0.0.0/8", "::1", "192.168.1.5"])

    @Test func untrustedPeerIsTheClientWhateverTheHeaderSays() {
        #expect(proxies.clientAddress(peer: "203.0.113.9", forwardedFor: "1.2.3.4") == "203.0.113.9")
    }

    @Test func trustedPeerYieldsTheRightmostUntrustedHop() {
        #expect(proxies.clientAddress(peer: "10.1.2.3", forwardedFor: "6.6.6.6, 198.51.100.7, 10.9.9.9")
            == "198.51.100.7")
        #expect(proxies.clientAddress(peer: "::1", forwardedFor: "198.51.100.7") == "198.51.100.7")
        #expect(proxies.clientAddress(peer: "::ffff:192.168.1.5", forwardedFor: "198.51.100.8") == "198.51.100.8")
    }

    @Test func garbageHopFallsBackToThePeer() {
        #expect(proxies.clientAddress(peer: "10.0.0.1", forwardedFor: "not-an-ip") == "10.0.0.1")
    }

    @Test func cidrMatching() {
        #expect(proxies.trusts("10.255.0.1"))
        #expect(!proxies.trusts("11.0.0.1"))
        #expect(!proxies.trusts("192.168.1.6"))
    }

    @Test func badEntriesAreRejectedWithTheEntry() {
        #expect(throws: AccessError.invalidConfiguration("trusted proxy '10.0.0.0/40' has a bad prefix length")) {
            try TrustedProxies(["10.0.0.0/40"])
        }
        #expect(throws: AccessError.self) { try TrustedProxies(["proxy.local"]) }
    }
}
