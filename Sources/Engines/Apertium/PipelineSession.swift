// One life of a pipeline: a started chain, the texts written to it and not yet answered (in the order written), a
// thread that reads answers up to each NUL and hands them out in that order, and a watchdog that declares the chain
// hung when texts wait and nothing has come back for `timeout` seconds. Because reading never waits for writing,
// a writer blocked on a full pipe always gets unblocked: any number of texts may be in flight without deadlock.
// A session that dies (EOF, a write error, a hang) fails every waiting text once and is never reused.
import Foundation
import Synchronization

final class PipelineSession: Sendable {
    typealias Answer = Result<[UInt8], EngineError>
    typealias Waiter = CheckedContinuation<Answer, Never>

    private struct State {
        var waiters: [Waiter] = []
        var head = 0
        var alive = true
        var answered = false
        var lastProgress = ContinuousClock.now
        var count: Int { waiters.count - head }
    }

    let process: PipelineProcess
    private let state = Mutex(State())
    private let timeout: Duration
    private let watchdog = Mutex<Task<Void, Never>?>(nil)

    init(process: PipelineProcess, timeout: Duration, label: String) {
        self.process = process
        self.timeout = timeout
        let interval = max(.milliseconds(20), timeout / 4)
        let check = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                self?.checkProgress()
            }
        }
        watchdog.withLock { $0 = check }
        let reader = Thread { [self] in readAnswers() }
        reader.name = "\(label).reader"
        reader.start()
    }

    var isAlive: Bool { state.withLock { $0.alive } }

    /// Registers `waiter` for the next answer, then writes `bytes`; on a dead chain the waiter fails at once.
    func send(_ bytes: [UInt8], to waiter: Waiter) {
        let accepted = state.withLock { state -> Bool in
            guard state.alive else { return false }
            if state.count == 0 { state.lastProgress = .now }  // idle time is not a hang
            state.waiters.append(waiter)
            return true
        }
        guard accepted else { return waiter.resume(returning: .failure(Self.dead)) }
        do { try process.write(bytes) } catch { end(with: error) }
    }

    /// Kills the chain; waiting texts fail with `error`.
    func end(with error: EngineError) {
        let waiters = state.withLock { state -> ArraySlice<Waiter> in
            state.alive = false
            defer { state.waiters = []; state.head = 0 }
            return state.waiters[state.head...]
        }
        watchdog.withLock { $0?.cancel() }
        process.terminate()
        for waiter in waiters { waiter.resume(returning: .failure(error)) }
    }

    private static let dead = EngineError.failed(engine: "apertium", reason: "pipeline exited")

    private func readAnswers() {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var answer: [UInt8] = []
        while true {
            let count = buffer.withUnsafeMutableBytes { read(process.output, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            for byte in buffer[..<count] {
                if byte == 0 { deliver(answer); answer.removeAll(keepingCapacity: true) } else { answer.append(byte) }
            }
        }
        end(with: Self.dead)
    }

    private func deliver(_ answer: [UInt8]) {
        // A stage killed mid-text makes the later ones flush a truncated text and bare NULs before EOF (measured):
        // the chain is dying, so end it now rather than hand out wrong answers or accept new texts.
        guard ApertiumStreamFormat.isComplete(answer) else { return end(with: Self.dead) }
        // At EOF every stage flushes an extra NUL; with nobody waiting it answers nothing.
        let waiter = state.withLock { state -> Waiter? in
            guard state.count > 0 else { return nil }
            defer {
                state.head += 1
                if state.head > 1024 && state.head * 2 > state.waiters.count {
                    state.waiters.removeFirst(state.head)
                    state.head = 0
                }
            }
            state.lastProgress = .now
            state.answered = true
            return state.waiters[state.head]
        }
        waiter?.resume(returning: .success(answer))
    }

    /// A fresh chain first loads its transducers (seconds for the large pairs on a busy machine), so until its
    /// first answer it gets three times the deadline.
    private func checkProgress() {
        let hung = state.withLock { state in
            let limit = state.answered ? timeout : timeout * 3
            return state.alive && state.count > 0 && ContinuousClock.now - state.lastProgress > limit
        }
        if hung { end(with: .timedOut(engine: "apertium", seconds: timeout.seconds)) }
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
