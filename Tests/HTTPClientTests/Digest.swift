// The oracle for download checksums: swift-crypto's SHA-256 over the bytes the test served.
import Crypto

func sha256Hex(_ bytes: [UInt8]) -> String {
    SHA256.hash(data: bytes).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
}
