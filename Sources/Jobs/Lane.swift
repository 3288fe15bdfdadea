// One priority level's waiting work: a FIFO per group and the groups in arrival order. Taking a batch takes
// the oldest group's items and moves that group to the back, so one large batch cannot starve another pair.

struct Lane<Group: Hashable, Key> {
    private var queues: [Group: [Key]] = [:]
    private var order: [Group] = []

    var isEmpty: Bool { order.isEmpty }

    mutating func push(_ key: Key, group: Group) {
        if queues[group] == nil { order.append(group) }
        queues[group, default: []].append(key)
    }

    /// Up to `limit` keys of the oldest group; a key `isSolo` says must run alone is taken by itself.
    mutating func take(limit: Int, isSolo: (Key) -> Bool) -> (group: Group, keys: [Key])? {
        guard let group = order.first, var keys = queues[group], let first = keys.first else { return nil }
        var count = 1
        if !isSolo(first) {
            while count < min(limit, keys.count), !isSolo(keys[count]) { count += 1 }
        }
        let taken = Array(keys.prefix(count))
        keys.removeFirst(count)
        order.removeFirst()
        if keys.isEmpty {
            queues[group] = nil
        } else {
            queues[group] = keys
            order.append(group)
        }
        return (group, taken)
    }
}
