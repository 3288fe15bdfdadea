// Where the server's log lines go: one buffer in front of a file descriptor (stderr by default). The access
// log writes a line per request; written one `write(2)` at a time, with a strftime each, that was a tenth of
// a cached request's cost. Lines below `notice` wait in the buffer for at most `flushInterval` (or until it
// holds `flushBytes`); `notice` and above — start-up, shutdown, warnings, errors — go out at once, with
// everything queued before them, so order is kept. A `kill -9` can lose the last interval's info lines.
import Dispatch
import Foundation
import Logging
import Synchronization

public final class LogWriter: Sendable {
    public static let standardError = LogWriter(fileDescriptor: STDERR_FILENO)

    private struct State {
        var buffer: [UInt8] = []
        /// The second `stamp` was formatted for: lines in the same second share one strftime.
        var second = time_t(-1)
        var stamp: [UInt8] = []
    }

    private let fileDescriptor: Int32
    private let flushBytes: Int
    private let state = Mutex(State())
    /// Dispatch sources are thread-safe; the timer only ever calls `flush()`.
    nonisolated(unsafe) private let timer: any DispatchSourceTimer

    public init(fileDescriptor: Int32, flushInterval: Duration = .milliseconds(100), flushBytes: Int = 32 * 1024) {
        self.fileDescriptor = fileDescriptor
        self.flushBytes = flushBytes
        let milliseconds = Int(flushInterval.components.seconds * 1000 + flushInterval.components.attoseconds / 1_000_000_000_000_000)
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "dragoman.log-writer"))
        timer.schedule(deadline: .now() + .milliseconds(milliseconds), repeating: .milliseconds(milliseconds))
        timer.setEventHandler { [weak self] in self?.flush() }
        timer.resume()
    }

    deinit {
        timer.cancel()
        flush()
    }

    /// Appends one line: `<timestamp> <line>\n`.
    func write(_ line: String, urgent: Bool) {
        state.withLock { state in
            let now = time(nil)
            if now != state.second {
                state.second = now
                state.stamp = Self.timestamp(now)
            }
            state.buffer.append(contentsOf: state.stamp)
            state.buffer.append(UInt8(ascii: " "))
            state.buffer.append(contentsOf: line.utf8)
            state.buffer.append(UInt8(ascii: "\n"))
            if urgent || state.buffer.count >= flushBytes { drain(&state.buffer) }
        }
    }

    public func flush() {
        state.withLock { drain(&$0.buffer) }
    }

    /// Writes under the lock, so two flushes cannot reorder lines.
    private func drain(_ buffer: inout [UInt8]) {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(fileDescriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    break  // a closed or broken stderr: drop the lines rather than stop the server
                }
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// The same form as swift-log's StreamLogHandler: local time, `2026-12-01T23:49:09+0000`.
    private static func timestamp(_ second: time_t) -> [UInt8] {
        var second = second
        var local = tm()
        guard localtime_r(&second, &local) != nil else { return Array("<unknown>".utf8) }
        var text = [CChar](repeating: 0, count: 64)
        let count = strftime(&text, text.count, "%Y-%m-%dT%H:%M:%S%z", &local)
        return text.prefix(count).map { UInt8(bitPattern: $0) }
    }
}
