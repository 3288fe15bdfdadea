// `dragoman batch`: read the file, send its non-empty texts as server tasks (at most `chunkSize` texts each, fewer
// when the server's count or body limit says so), wait with progress, then write the input back out with a
// translation column, atomically. Empty cells are not sent (the API refuses empty text) and come back empty.
// Works the same over HTTP and in-process.
import Foundation

struct BatchSettings: Equatable {
    var source: String
    var target: String
    var engine: String?
    var column: String
    var format: TableFormat
    var chunkSize: Int
}

struct BatchRunner {
    let api: DragomanAPI
    let console: Console
    var pollInterval: Duration = .milliseconds(250)

    /// Submits (or finds the resume file's tasks for) `input`; returns the task ids when `wait` is false.
    @discardableResult
    func run(input: String, output: String, settings: BatchSettings, wait: Bool) async throws(CLIFailure) -> [String] {
        let document: BatchDocument
        do { document = try BatchDocument.read(path: input, format: settings.format, column: settings.column) } catch {
            throw error.failure(path: input)
        }
        let texts = document.texts
        let items = texts.indices.filter { !texts[$0].allSatisfy(\.isWhitespace) }
        let planPath = BatchPlan.path(forOutput: output)
        let plan = try await submit(
            items.map { texts[$0] }, items: items, lines: document.lines, settings: settings, planPath: planPath)
        let ids = plan.chunks.map(\.taskID)
        guard wait else { return ids }
        let started = ContinuousClock.now
        let display = ProgressDisplay(label: "batch", total: Int64(items.count), isTerminal: console.isTerminal, write: console.error)
        let snapshots: [TaskSnapshot]
        do { snapshots = try await TaskWaiter(api: api, interval: pollInterval).wait(for: ids, display: display) } catch .server(404, "task_not_found", let message, _) {
            display.finish()
            throw .local("\(message ?? "a task is gone") at \(api.transport.location) (expired, or another data folder); delete \(planPath) to submit the file again")
        }
        display.finish()
        let (translations, failures) = try assemble(snapshots, plan: plan, items: items, document: document)
        try write(document.rendered(translations: translations), to: output)
        try? FileManager.default.removeItem(atPath: planPath)
        report(rows: texts.count, sent: items.count, since: started, output: output)
        if !failures.isEmpty { throw .failedItems(count: failures.count, details: failures) }
        return ids
    }

    private func submit(
        _ texts: [String], items: [Int], lines: [Int], settings: BatchSettings, planPath: String
    ) async throws(CLIFailure) -> BatchPlan {
        let fresh = BatchPlan(
            location: api.transport.location, source: settings.source, target: settings.target,
            engine: settings.engine, column: settings.column, fingerprint: BatchPlan.fingerprint(texts))
        var plan = fresh
        if let saved = BatchPlan.load(planPath), saved.matches(fresh) {
            plan = saved
            console.error("resuming task(s) \(saved.chunks.map(\.taskID).joined(separator: ", ")) from \(planPath)\n")
        }
        var chunkSize = max(1, settings.chunkSize)
        while plan.submitted < texts.count {
            let slice = Array(texts[plan.submitted..<min(texts.count, plan.submitted + chunkSize)])
            do {
                let accepted = try await api.submitBatch(slice, source: settings.source, target: settings.target, engine: settings.engine)
                plan.chunks.append(.init(taskID: accepted.taskID, start: plan.submitted, count: slice.count))
                try plan.save(planPath)
            } catch .server(413, "too_many_texts", let message, _) where chunkSize > 1 {
                chunkSize = Self.limit(in: message) ?? chunkSize / 2
            } catch .server(413, "payload_too_large", _, _) where slice.count > 1 {
                // Long rows: the texts fit the count limit but not the server's body limit; halve until they do.
                chunkSize = slice.count / 2
            } catch .server(let status, let code?, let message?, _) where (400..<500).contains(status) {
                throw Self.itemFailure(code, message, offset: plan.submitted, items: items, lines: lines) ?? .server(status: status, code: code, message: message, body: "")
            }
        }
        return plan
    }

    /// The server's limit from its too_many_texts message ("12000 texts; the limit is 10000").
    static func limit(in message: String?) -> Int? {
        message.flatMap { $0.components(separatedBy: "the limit is ").last }.flatMap { Int($0.prefix { $0.isNumber }) }
    }

    /// A refusal that names one text ("text 12 is empty", "text 3 is 6000 characters…") becomes an input
    /// error naming the file's line, since the fix is in the file.
    static func itemFailure(_ code: String, _ message: String, offset: Int, items: [Int], lines: [Int]) -> CLIFailure? {
        guard message.hasPrefix("text "), let index = Int(message.dropFirst(5).prefix { $0.isNumber }),
              offset + index < items.count else { return nil }
        return .input("line \(lines[items[offset + index]]): \(code): \(message)")
    }

    private func assemble(
        _ snapshots: [TaskSnapshot], plan: BatchPlan, items: [Int], document: BatchDocument
    ) throws(CLIFailure) -> ([String], [String]) {
        var translations = Array(repeating: "", count: document.texts.count)
        var failures: [String] = []
        let lines = document.lines
        for (chunk, snapshot) in zip(plan.chunks, snapshots) {
            guard let results = snapshot.results, results.count == chunk.count else {
                throw .server(status: 200, code: nil, message: "task \(chunk.taskID) ended \(snapshot.status) without results", body: "")
            }
            for (offset, result) in results.enumerated() {
                translations[items[chunk.start + offset]] = result ?? ""
            }
            for error in snapshot.errors ?? [] where error.index < chunk.count {
                failures.append("line \(lines[items[chunk.start + error.index]]): \(error.code): \(error.message)")
            }
        }
        return (translations, failures)
    }

    private func write(_ bytes: [UInt8], to output: String) throws(CLIFailure) {
        do { try AtomicFile.write(bytes, to: output) } catch { throw .local(error.description) }
    }

    private func report(rows: Int, sent: Int, since start: ContinuousClock.Instant, output: String) {
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = seconds > 0 ? Int(Double(sent) / seconds) : sent
        console.error("wrote \(ProgressFormat.grouped(Int64(rows))) rows to \(output) (\(ProgressFormat.grouped(Int64(rate))) rows/s)\n")
    }
}
