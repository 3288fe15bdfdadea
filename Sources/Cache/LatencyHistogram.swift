// A fixed-size latency histogram for p50/p99 in stats: 4 buckets per power of two from 1/16 µs to ~17 minutes.
// Recording is one log2 and one increment, so every cache call can afford it; quantiles are accurate to ±9%
// (a bucket's width), which is what an operator needs from a stats endpoint.
import Foundation

public struct LatencyHistogram: Sendable {
    static let bucketsPerOctave = 4.0
    static let smallestMicros = 1.0 / 16
    static let bucketCount = 128

    private var counts = [Int](repeating: 0, count: bucketCount)
    public private(set) var total = 0

    public init() {}

    public mutating func record(micros: Double) {
        let position =
            micros <= Self.smallestMicros ? 0 : Int(log2(micros / Self.smallestMicros) * Self.bucketsPerOctave)
        counts[min(max(position, 0), Self.bucketCount - 1)] += 1
        total += 1
    }

    /// The upper edge of the bucket holding the `fraction` quantile, in µs; 0 when nothing was recorded.
    public func quantile(_ fraction: Double) -> Double {
        guard total > 0 else { return 0 }
        let rank = max(1, Int((Double(total) * fraction).rounded(.up)))
        var seen = 0
        for (position, count) in counts.enumerated() {
            seen += count
            if seen >= rank { return Self.upperEdge(position) }
        }
        return Self.upperEdge(Self.bucketCount - 1)
    }

    static func upperEdge(_ position: Int) -> Double {
        let micros = smallestMicros * pow(2, Double(position + 1) / bucketsPerOctave)
        return (micros * 100).rounded() / 100
    }
}
