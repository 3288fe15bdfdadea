// Which peer address is the client. `X-Forwarded-For` is believed only when the socket peer is a configured proxy
// (an address or a CIDR block), and then read right to left, skipping our own proxies: the first address a trusted
// hop did not add itself is the client (RFC 7239 §7.4 on why leftmost values cannot be trusted).
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

public struct TrustedProxies: Sendable {
    struct Block: Sendable {
        let bytes: [UInt8]
        let prefixBits: Int
    }

    private let blocks: [Block]

    /// `entries` like `"127.0.0.1"`, `"10.0.0.0/8"`, `"::1"`, `"fd00::/8"`; unparsable entries are reported.
    public init(_ entries: [String]) throws(AccessError) {
        blocks = try entries.map { (entry) throws(AccessError) in
            let parts = entry.split(separator: "/", maxSplits: 1).map(String.init)
            guard let bytes = parts.first.flatMap(Self.addressBytes) else {
                throw AccessError.invalidConfiguration("trusted proxy '\(entry)' is not an IP address or CIDR block")
            }
            let bits = parts.count == 2 ? Int(parts[1]) : bytes.count * 8
            guard let bits, (0...bytes.count * 8).contains(bits) else {
                throw AccessError.invalidConfiguration("trusted proxy '\(entry)' has a bad prefix length")
            }
            return Block(bytes: bytes, prefixBits: bits)
        }
    }

    public static let none = try! TrustedProxies([])

    public func trusts(_ address: String) -> Bool {
        guard let bytes = Self.addressBytes(address) else { return false }
        return blocks.contains { $0.matches(bytes) }
    }

    /// The client's address for a request that arrived from `peer` carrying `forwardedFor` (the header's value).
    public func clientAddress(peer: String, forwardedFor: String?) -> String {
        guard trusts(peer), let forwardedFor else { return peer }
        let hops = forwardedFor.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        for hop in hops.reversed() where !trusts(hop) {
            return Self.addressBytes(hop) == nil ? peer : hop
        }
        return hops.first ?? peer
    }

    /// 4 bytes for IPv4, 16 for IPv6 (IPv4-mapped IPv6 folded to IPv4), via inet_pton.
    static func addressBytes(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        let mappedPrefix: [UInt8] = Array(repeating: 0, count: 10) + [0xff, 0xff]
        return Array(bytes.prefix(12)) == mappedPrefix ? Array(bytes.suffix(4)) : bytes
    }
}

extension TrustedProxies.Block {
    func matches(_ address: [UInt8]) -> Bool {
        guard address.count == bytes.count else { return false }
        var remaining = prefixBits
        for (a, b) in zip(address, bytes) where remaining > 0 {
            let mask: UInt8 = remaining >= 8 ? 0xff : ~(0xff >> UInt8(remaining))
            if a & mask != b & mask { return false }
            remaining -= 8
        }
        return true
    }
}
