// A persistent pipeline for one direction: the mode's own program chain in null-flush mode, started on first use
// and restarted when it dies or hangs. Measured on this machine: 2.2 ms per sentence through one persistent chain
// against 149 ms per sentence with a process per sentence, identical output. Writes block when the chain is busy,
// so the actor runs on its own dispatch thread, never on the cooperative pool; answers come back on the session's
// reader thread, so callers may send many texts back to back (pipelining) and the chain, not the caller, sets the pace.
import Executors
import Foundation
import Logging
import Synchronization

actor ApertiumPipeline {
    private let executor: DispatchQueueExecutor
    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    let mode: ApertiumMode
    private let arguments: [String]
    private let timeout: Duration
    private let label: String
    private let logger: Logger
    private var chain: String?
    private var session: PipelineSession?
    /// Chain starts; atomic so /health and /metrics read restarts without queueing behind a busy pipeline.
    private let starts = Atomic<Int>(0)
    private let waiting = Atomic<Int>(0)

    init(mode: ApertiumMode, index: Int, configuration: ApertiumConfiguration, logger: Logger) {
        self.mode = mode
        label = "apertium.\(mode.name).\(index)"
        executor = DispatchQueueExecutor(label: label)
        // $1 is lt-proc's generation mode: -n drops the `*`, `@` and `#` marks, -g keeps them; $2 the tagger's options.
        arguments = [configuration.mark_unknown ? "-g" : "-n", ""]
        timeout = .milliseconds(Int(configuration.timeout_seconds * 1000))
        self.logger = logger
    }

    /// Texts sent and not yet answered, read without waiting for the actor to pick the least busy pipeline.
    nonisolated var load: Int { waiting.load(ordering: .relaxed) }

    /// Times the chain was started again after its first start.
    nonisolated var restarts: Int { max(0, starts.load(ordering: .relaxed) - 1) }

    var isRunning: Bool { session?.isAlive ?? false }

    /// The chain's answer for one encoded, NUL-terminated text. The write runs on the pipeline's thread; the
    /// answer resumes the caller straight from the session's reader thread, rather than through this actor,
    /// which has nothing left to do for it: a thread switch less per text.
    nonisolated func send(_ bytes: [UInt8]) async -> PipelineSession.Answer {
        waiting.add(1, ordering: .relaxed)
        defer { waiting.subtract(1, ordering: .relaxed) }
        return await withCheckedContinuation { waiter in
            executor.queue.async { self.assumeIsolated { $0.write(bytes, answering: waiter) } }
        }
    }

    private func write(_ bytes: [UInt8], answering waiter: PipelineSession.Waiter) {
        do { try currentSession().send(bytes, to: waiter) } catch { waiter.resume(returning: .failure(error)) }
    }

    /// The running chain's process-group id (the shell's pid), for tests that kill a stage; nil when not running.
    var processGroup: pid_t? { session?.isAlive == true ? session?.process.pid : nil }

    func shutdown() {
        session?.end(with: .failed(engine: "apertium", reason: "engine shut down"))
        session = nil
    }

    private func currentSession() throws(EngineError) -> PipelineSession {
        if let session, session.isAlive { return session }
        let process = try PipelineProcess(command: try chainCommand(), arguments: arguments)
        let started = PipelineSession(process: process, timeout: timeout, label: label)
        if starts.load(ordering: .relaxed) > 0 {
            logger.warning("restarted apertium pipeline", metadata: ["pipeline": "\(label)"])
        }
        starts.add(1, ordering: .relaxed)
        session = started
        return started
    }

    /// The null-flush chain, as `apertium-wblank-mode -z` prints it for the mode file (what `apertium -z` runs).
    private func chainCommand() throws(EngineError) -> String {
        if let chain { return chain }
        let tool = Process()
        tool.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tool.arguments = ["apertium-wblank-mode", "-z", mode.file]
        let output = Pipe()
        tool.standardOutput = output
        tool.standardError = FileHandle.nullDevice
        do { try tool.run() } catch {
            throw .failed(engine: "apertium", reason: "apertium-wblank-mode -z \(mode.file): \(error)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        tool.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard tool.terminationStatus == 0, !text.isEmpty else {
            throw .failed(engine: "apertium", reason: "apertium-wblank-mode -z \(mode.file) exited \(tool.terminationStatus)")
        }
        chain = text
        return text
    }
}
