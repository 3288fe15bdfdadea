// Small helpers for the live-server tests: a one-shot signal handlers can wait on, and a bounded poll.
import Foundation
import HTTPServer

actor Signal {
    private var fired = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func fire() {
        fired = true
        waiters.forEach { $0.resume() }
        waiters.removeAll()
    }

    func wait() async {
        if fired { return }
        await withCheckedContinuation { waiters.append($0) }
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
}

/// Retries `condition` every 10 ms, up to 10 s; for state the test cannot be told about directly.
func eventually(_ what: String, _ condition: @Sendable () async throws -> Bool) async throws {
    for _ in 0..<1000 {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(10))
    }
    throw TestFailure(description: "never happened: \(what)")
}
