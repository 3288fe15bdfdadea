// Shows progress on standard error while a batch or download runs. On a terminal it redraws one line in place
// (at most 10 times a second); otherwise — a pipe, a log file, CI — it prints a plain line every few seconds, so
// logs stay readable. Updates may come from any thread (libcurl's progress callback, the batch loop).
import Foundation
import Synchronization

final class ProgressDisplay: Sendable {
    private struct State {
        var snapshot: ProgressSnapshot
        var lastDrawn: ContinuousClock.Instant?
        var finished = false
    }

    private let label: String
    private let format: ProgressFormat
    private let isTerminal: Bool
    private let plainInterval: Duration
    private let write: @Sendable (String) -> Void
    private let start = ContinuousClock.now
    private let state: Mutex<State>

    init(
        label: String, total: Int64?, unit: ProgressFormat.Unit = .rows,
        isTerminal: Bool = isatty(STDERR_FILENO) == 1, plainInterval: Duration = .seconds(5),
        write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }
    ) {
        self.label = label
        self.format = ProgressFormat(unit: unit)
        self.isTerminal = isTerminal
        self.plainInterval = plainInterval
        self.write = write
        state = Mutex(State(snapshot: ProgressSnapshot(done: 0, total: total, elapsed: .zero)))
    }

    func update(done: Int64, total: Int64? = nil, failed: Int64 = 0) {
        let now = ContinuousClock.now
        let text: String? = state.withLock { state in
            guard !state.finished else { return nil }
            state.snapshot = ProgressSnapshot(
                done: done, total: total ?? state.snapshot.total, failed: failed, elapsed: now - start)
            let interval = isTerminal ? Duration.milliseconds(100) : plainInterval
            if let last = state.lastDrawn, now - last < interval { return nil }
            state.lastDrawn = now
            return render(state.snapshot)
        }
        text.map(write)
    }

    /// Draws the final state once and ends the line.
    func finish() {
        let now = ContinuousClock.now
        let text: String? = state.withLock { state in
            guard !state.finished else { return nil }
            state.finished = true
            state.snapshot.elapsed = now - start
            return render(state.snapshot) + (isTerminal ? "\n" : "")
        }
        text.map(write)
    }

    private func render(_ snapshot: ProgressSnapshot) -> String {
        // \r returns to the line start and ESC[K clears what a longer previous line left behind.
        isTerminal ? "\r\u{1B}[K\(label) \(format.bar(snapshot))" : "\(label): \(format.plainCounts(snapshot))\n"
    }
}
