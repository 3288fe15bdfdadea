// The server's open connections, counted across all its event loops against `max_connections`.
import Synchronization

final class ConnectionCount: Sendable {
    private let open = Atomic<Int>(0)

    /// Counts one more connection unless `limit` are already open.
    func take(limit: Int) -> Bool {
        var current = open.load(ordering: .relaxed)
        while current < limit {
            let (exchanged, original) = open.compareExchange(
                expected: current, desired: current + 1, ordering: .relaxed)
            if exchanged { return true }
            current = original
        }
        return false
    }

    func release() { open.subtract(1, ordering: .relaxed) }
}
