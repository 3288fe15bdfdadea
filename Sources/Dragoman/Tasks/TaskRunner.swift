// Runs stored batch tasks through the translation service: reads unfinished items in chunks, keeps a few chunks
// in the queue at once (so a 10,000-text task never floods the queue that interactive requests share), and
// records each chunk's results in one transaction as it completes. At start-up it resumes every unfinished task.
import Foundation
import Logging

public actor TaskRunner {
    public struct Settings: Sendable {
        /// Items per chunk handed to the queue and recorded in one transaction.
        public var chunkSize = 32
        /// Chunks of one task in the queue at once.
        public var chunksInFlight = 4
        public init(chunkSize: Int = 32, chunksInFlight: Int = 4) {
            self.chunkSize = max(1, chunkSize)
            self.chunksInFlight = max(1, chunksInFlight)
        }
    }

    public let store: TaskStore
    let service: TranslationService
    let settings: Settings
    let logger: Logger
    var running: [String: Task<Void, Never>] = [:]
    var cancelled: Set<String> = []
    var stopping = false
    var purgeTask: Task<Void, Never>?

    public init(store: TaskStore, service: TranslationService, settings: Settings = .init(), logger: Logger) {
        self.store = store
        self.service = service
        self.settings = settings
        self.logger = logger
    }

    /// Starts running a stored task in the background.
    public func start(_ record: TaskRecord) {
        guard !stopping, running[record.id] == nil else { return }
        running[record.id] = Task { await self.run(record) }
    }

    /// Resumes every task accepted and not finished, from its first unfinished item.
    public func resumeUnfinished() async throws {
        for record in try await store.unfinished() {
            logger.info("resuming task", metadata: ["task": "\(record.id)", "done": "\(record.done + record.failed)/\(record.total)"])
            start(record)
        }
    }

    /// Cancels a task that has not finished; its chunks in flight finish but nothing new starts.
    public func cancel(_ id: String) async throws -> Bool {
        guard try await store.cancel(id) else { return false }
        cancelled.insert(id)
        return true
    }

    /// Stops starting new chunks and waits until the chunks in flight are recorded; unfinished tasks stay
    /// queued or running in the store and resume at the next start.
    public func shutdown() async {
        stopping = true
        stopPurging()
        let tasks = running.values
        for task in tasks { await task.value }
    }

    public var activeTasks: Int { running.count }

    func shouldStop(_ id: String) -> Bool { stopping || cancelled.contains(id) }

    func finished(_ id: String) {
        running[id] = nil
        cancelled.remove(id)
    }
}
