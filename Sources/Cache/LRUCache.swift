// A byte-bounded least-recently-used map with per-entry expiry: the data structure behind MemoryTier.
// O(1) get, set and eviction: a dictionary from key to slot, and the slots form a doubly linked recency list
// threaded through one array by index (no per-node allocation, free slots reused).
public struct LRUCache<Key: Hashable, Value> {
    struct Slot {
        var key: Key
        var value: Value
        var cost: Int
        var expiresAt: Double
        var newer: Int
        var older: Int
    }

    public let capacity: Int
    public private(set) var totalCost = 0
    private var index: [Key: Int] = [:]
    private var slots: [Slot] = []
    private var freeSlots: [Int] = []
    private var newest = -1
    private var oldest = -1

    /// `capacity` is the budget for the sum of entry costs (bytes, for MemoryTier).
    public init(capacity: Int) {
        self.capacity = capacity
    }

    public var count: Int { index.count }

    /// The value if present and unexpired at `now`; a hit becomes the most recently used entry.
    public mutating func value(for key: Key, now: Double) -> Value? {
        guard let position = index[key] else { return nil }
        guard slots[position].expiresAt > now else {
            remove(at: position)
            return nil
        }
        moveToFront(position)
        return slots[position].value
    }

    /// Inserts or replaces; evicts least recently used entries until the budget holds. An entry larger than the
    /// whole budget is not stored (it would evict everything and then itself).
    public mutating func set(_ value: Value, for key: Key, cost: Int, expiresAt: Double) {
        if let position = index[key] { remove(at: position) }
        guard cost <= capacity else { return }
        while totalCost + cost > capacity, oldest >= 0 { remove(at: oldest) }
        let slot = Slot(key: key, value: value, cost: cost, expiresAt: expiresAt, newer: -1, older: newest)
        let position: Int
        if let free = freeSlots.popLast() {
            slots[free] = slot
            position = free
        } else {
            slots.append(slot)
            position = slots.count - 1
        }
        if newest >= 0 { slots[newest].newer = position }
        newest = position
        if oldest < 0 { oldest = position }
        index[key] = position
        totalCost += cost
    }

    public mutating func removeValue(for key: Key) {
        if let position = index[key] { remove(at: position) }
    }

    public mutating func removeAll(where shouldRemove: (Key) -> Bool) {
        for (key, position) in index where shouldRemove(key) { remove(at: position) }
    }

    public mutating func removeAll() {
        self = LRUCache(capacity: capacity)
    }

    /// Keys from most to least recently used (for tests and debugging; O(n)).
    public var keysByRecency: [Key] {
        var keys: [Key] = []
        var position = newest
        while position >= 0 {
            keys.append(slots[position].key)
            position = slots[position].older
        }
        return keys
    }

    private mutating func moveToFront(_ position: Int) {
        guard position != newest else { return }
        unlink(position)
        slots[position].older = newest
        slots[position].newer = -1
        if newest >= 0 { slots[newest].newer = position }
        newest = position
        if oldest < 0 { oldest = position }
    }

    private mutating func unlink(_ position: Int) {
        let (newer, older) = (slots[position].newer, slots[position].older)
        if newer >= 0 { slots[newer].older = older } else { newest = older }
        if older >= 0 { slots[older].newer = newer } else { oldest = newer }
    }

    private mutating func remove(at position: Int) {
        unlink(position)
        index[slots[position].key] = nil
        totalCost -= slots[position].cost
        freeSlots.append(position)
    }
}

extension LRUCache: Sendable where Key: Sendable, Value: Sendable {}
extension LRUCache.Slot: Sendable where Key: Sendable, Value: Sendable {}
