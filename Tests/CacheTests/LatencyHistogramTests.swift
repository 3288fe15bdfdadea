import Cache
import Testing

@Suite struct LatencyHistogramTests {
    @Test func quantilesFallInTheRightBucket() {
        var histogram = LatencyHistogram()
        #expect(histogram.quantile(0.5) == 0)
        for _ in 0..<98 { histogram.record(micros: 10) }
        histogram.record(micros: 1_000)
        histogram.record(micros: 1_000)
        let p50 = histogram.quantile(0.5)
        #expect(p50 >= 10 && p50 <= 10 * 1.2)
        let p99 = histogram.quantile(0.99)
        #expect(p99 >= 1_000 && p99 <= 1_000 * 1.2)
    }

    @Test func extremesAreClampedNotLost() {
        var histogram = LatencyHistogram()
        histogram.record(micros: 0)
        histogram.record(micros: 1e12)
        #expect(histogram.total == 2)
        #expect(histogram.quantile(1) > 1e8)
    }
}
