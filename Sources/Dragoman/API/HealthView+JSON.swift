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
        json.key("status")
        json.string(status)
        json.key("uptime_s")
        json.double(uptime_s)
        json.key("version")
        json.string(version)
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
            health.write(&json)
        }
        json.closeObject()
        json.key("queue")
        queue.write(&json)
        json.key("task_store")
        task_store.write(&json)
        json.closeObject()
    }
}

extension HealthView.QueueView {
    fileprivate func write(_ json: inout JSONBytes) {
        json.openObject()
        for (name, value) in [("busy", busy), ("capacity", capacity), ("completed", completed), ("depth", depth),
                              ("failed", failed), ("in_flight", in_flight), ("retried", retried), ("shared", shared),
                              ("workers", workers)] {
            json.key(name)
            json.int(value)
        }
        json.closeObject()
    }
}

extension EngineHealth {
    fileprivate func write(_ json: inout JSONBytes) {
        json.openObject()
        if let detail {
            json.key("detail")
            json.string(detail)
        }
        json.key("healthy")
        json.bool(healthy)
        json.key("restarts")
        json.int(restarts)
        json.closeObject()
    }
}

extension TaskStoreHealth {
    fileprivate func write(_ json: inout JSONBytes) {
        json.openObject()
        if let detail {
            json.key("detail")
            json.string(detail)
        }
        json.key("healthy")
        json.bool(healthy)
        json.key("tasks")
        json.openObject()
        for (status, count) in tasks.sorted(by: { $0.key < $1.key }) {
            json.key(status)
            json.int(count)
        }
        json.closeObject()
        json.closeObject()
    }
}

extension CacheHealth {
    fileprivate func write(_ json: inout JSONBytes) {
        json.openObject()
        json.key("status")
        json.string(status.rawValue)
        json.key("tiers")
        json.list(tiers) { json, tier in
            json.openObject()
            json.key("enabled")
            json.bool(tier.enabled)
            json.key("healthy")
            json.bool(tier.healthy)
            json.key("name")
            json.string(tier.name)
            if let reason = tier.reason {
                json.key("reason")
                json.string(reason)
            }
            json.closeObject()
        }
        json.closeObject()
    }
}
