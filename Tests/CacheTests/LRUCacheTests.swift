import Cache
import TestSupport
import Testing

/// The simplest correct byte-bounded LRU: an array in recency order. O(n), which a test can afford.
private struct OracleLRU {
    let capacity: Int
    var entries: [(key: Int, value: Int, cost: Int, expiresAt: Double)] = []  // most recent first

    mutating func get(_ key: Int, now: Double) -> Int? {
        guard let position = entries.firstIndex(where: { $0.key == key }) else { return nil }
        let entry = entries.remove(at: position)
        guard entry.expiresAt > now else { return nil }
        entries.insert(entry, at: 0)
        return entry.value
    }

    mutating func set(_ key: Int, _ value: Int, cost: Int, expiresAt: Double) {
        entries.removeAll { $0.key == key }
        guard cost <= capacity else { return }
        while entries.reduce(0, { $0 + $1.cost }) + cost > capacity { entries.removeLast() }
        entries.insert((key, value, cost, expiresAt), at: 0)
    }
}

@Suite struct LRUCacheTests {
    @Test(arguments: [1, 2, 3, 42])
    func matchesADictionaryOracleUnderRandomOperations(seed: UInt64) {
        var random = SeededGenerator(state: seed)
        var cache = LRUCache<Int, Int>(capacity: 200)
        var oracle = OracleLRU(capacity: 200)
        var now = 0.0
        for step in 0..<20_000 {
            let key = Int.random(in: 0..<64, using: &random)
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<5:
                #expect(cache.value(for: key, now: now) == oracle.get(key, now: now), "step \(step)")
            case 5..<9:
                let cost = Int.random(in: 1...40, using: &random)
                let expiresAt = now + Double.random(in: 1...50, using: &random)
                cache.set(step, for: key, cost: cost, expiresAt: expiresAt)
                oracle.set(key, step, cost: cost, expiresAt: expiresAt)
            default:
                now += 1
            }
            #expect(cache.totalCost <= 200)
        }
        let live = oracle.entries.map(\.key)
        #expect(cache.keysByRecency.filter(live.contains) == live)
    }

    @Test func evictsTheLeastRecentlyUsedFirst() {
        var cache = LRUCache<String, Int>(capacity: 3)
        for (name, number) in [("a", 1), ("b", 2), ("c", 3)] { cache.set(number, for: name, cost: 1, expiresAt: 10) }
        #expect(cache.value(for: "a", now: 0) == 1)
        cache.set(4, for: "d", cost: 1, expiresAt: 10)
        #expect(cache.keysByRecency == ["d", "a", "c"])
        #expect(cache.value(for: "b", now: 0) == nil)
    }

    @Test func neverStoresAnEntryLargerThanTheBudget() {
        var cache = LRUCache<String, Int>(capacity: 10)
        cache.set(1, for: "small", cost: 5, expiresAt: 10)
        cache.set(2, for: "huge", cost: 11, expiresAt: 10)
        #expect(cache.value(for: "huge", now: 0) == nil)
        #expect(cache.value(for: "small", now: 0) == 1)
    }

    @Test func expiredEntriesAreMissesAndFreeTheirBytes() {
        var cache = LRUCache<String, Int>(capacity: 10)
        cache.set(1, for: "a", cost: 4, expiresAt: 5)
        #expect(cache.value(for: "a", now: 4.9) == 1)
        #expect(cache.value(for: "a", now: 5) == nil)
        #expect(cache.totalCost == 0 && cache.count == 0)
    }
}
