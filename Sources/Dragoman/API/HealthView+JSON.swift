// /health written straight to bytes. Load balancers and probes poll it; under a polling load JSONEncoder over
// its nested view (Codable boxing, key sorting at every level) was 38% of the server's CPU (perf). These are the
// bytes JSONEncoder writes with .sortedKeys, absent optionals left out; a test compares the two.
import Cache
import Engines
import HTTPServer

extension HealthView {
    func json() -> [UInt8] {
        var json = JSONBytes(capacity: 1024)
        json.openObject()
        json.key("components")
        components.write(&json)
        json.field("status", status)
        json.key("uptime_s")
        json.double(uptime_s)
        json.field("version", version)
        json.closeObject()
        return json.bytes
    }
}

extension HealthView.Components {
    fileprivate func write(_ json: inout JSONBytes) {
        json.openObject()
        if let cache {
            json.key("cache")
            cache.write(&json)
        }
        json.key("engines")
        json.openObject()
        for (name, health) in engines.sorted(by: { $0.key < $1.key }) {
            json.key(name)
            json.openObject()
            json.field("detail", health.detail)
            json.field("healthy", health.healthy)
            json.field("restarts", health.restarts)
            json.closeObject()
        }
        json.closeObject()
        json.key("queue")
        json.openObject()
        for (name, value) in [("busy", queue.busy), ("capacity", queue.capacity), ("completed", queue.completed),
                              ("depth", queue.depth), ("failed", queue.failed), ("in_flight", queue.in_flight),
                              ("retried", queue.retried), ("shared", queue.shared), ("workers", queue.workers)] {
            json.field(name, value)
        }
        json.closeObject()
        json.key("task_store")
        json.openObject()
        json.field("detail", task_store.detail)
        json.field("healthy", task_store.healthy)
        json.key("tasks")
        json.openObject()
        for (status, count) in task_store.tasks.sorted(by: { $0.key < $1.key }) { json.field(status, count) }
        json.closeObject()
        json.closeObject()
        json.closeObject()
    }
}

extension CacheHealth {
    fileprivate func write(_ json: inout JSONBytes) {
        json.openObject()
        json.field("status", status.rawValue)
        json.key("tiers")
        json.list(tiers) { json, tier in
            json.openObject()
            json.field("enabled", tier.enabled)
            json.field("healthy", tier.healthy)
            json.field("name", tier.name)
            json.field("reason", tier.reason)
            json.closeObject()
        }
        json.closeObject()
    }
}

extension JSONBytes {
    /// A key and its value; an absent string writes nothing, as JSONEncoder's encodeIfPresent does.
    fileprivate mutating func field(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    fileprivate mutating func field(_ name: String, _ value: Bool) {
        key(name)
        bool(value)
    }

    fileprivate mutating func field(_ name: String, _ value: Int) {
        key(name)
        int(value)
    }
}
