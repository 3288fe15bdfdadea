// Batch tasks over HTTP: accept (202 once durably stored), look up (results when finished or ?partial=1), cancel.
import Foundation
import HTTPServer
import HTTPTypes

extension DragomanAPI {
    func submitBatch(_ request: Request) async throws -> Response {
        try await Self.handling { () async throws(ServiceError) -> Response in
            let body = try JSONBody(request.body)
            guard body.fields["texts"] != nil else { throw .missingField("texts") }
            let (texts, single) = try body.texts("texts")
            guard !single else { throw .invalidField("texts", "must be a list of strings") }
            let source = try body.language("source", allowAuto: true)
            let target = try body.language("target", allowAuto: false)
            let record = try await submitBatch(
                texts, source: source, target: target, engine: try body.optionalString("engine"))
            return try encode(
                TaskAccepted(task_id: record.id, status: record.status.rawValue, total: record.total),
                status: .accepted, headers: [.location: "/api/task/\(record.id)"])
        }
    }

    /// Validates, stores durably, and starts a task; the in-process entry point the CLI uses too.
    public func submitBatch(_ texts: [String], source: String, target: String, engine name: String?)
        async throws(ServiceError) -> TaskRecord
    {
        try service.validate(texts, limit: service.limits.maxTextsPerBatch)
        let engine = try service.engine(named: name)
        if source != "auto" {
            _ = try await service.plan([texts[0]], source: source, target: target, engine: engine)
        }
        let record: TaskRecord
        do {
            record = try await tasks.store.create(texts: texts, engine: engine.name, source: source, target: target)
        } catch {
            throw .storage("cannot store the task: \(error)")
        }
        await tasks.start(record)
        return record
    }

    func task(_ request: Request) async throws -> Response {
        try await Self.handling { () async throws(ServiceError) -> Response in
            let id = request.parameters["id"] ?? ""
            let partial = ["1", "true", "yes"].contains(request.query["partial"] ?? "")
            let view = try await taskView(id, partial: partial)
            // Ten thousand results take milliseconds to encode: not on the event loop that runs this handler.
            guard (view.results?.count ?? 0) > 500 else { return try encode(view) }
            return try await offTheLoop { () throws(ServiceError) -> Response in try encode(view) }
        }
    }

    func taskView(_ id: String, partial: Bool) async throws(ServiceError) -> TaskView {
        let record: TaskRecord
        var items: [TaskItem] = []
        do {
            guard let found = try await tasks.store.task(id) else { throw ServiceError.taskNotFound(id) }
            record = found
            if record.status.isFinished || partial {
                items = try await tasks.store.items(of: id)
            } else if record.failed > 0 {
                items = try await tasks.store.failedItems(of: id)
            }
        } catch let error as ServiceError { throw error } catch { throw .storage("cannot read the task: \(error)") }
        let showResults = record.status.isFinished || partial
        let errors = items.compactMap { item in
            item.error.map { TaskView.ItemErrorView(index: item.index, code: $0.code, message: $0.message) }
        }
        return TaskView(
            task_id: record.id, status: record.status.rawValue, engine: record.engine, source: record.source,
            target: record.target, progress: .init(done: record.done, failed: record.failed, total: record.total),
            created_at: record.createdAt.iso8601, updated_at: record.updatedAt.iso8601,
            results: showResults ? items.map(\.translation) : nil, errors: errors.isEmpty ? nil : errors)
    }

    func cancelTask(_ request: Request) async throws -> Response {
        try await Self.handling { () async throws(ServiceError) -> Response in
            let id = request.parameters["id"] ?? ""
            let cancelled: Bool
            do { cancelled = try await tasks.cancel(id) } catch { throw .storage("cannot cancel: \(error)") }
            if !cancelled {
                let record: TaskRecord?
                do { record = try await tasks.store.task(id) } catch { throw .storage("\(error)") }
                guard let record else { throw .taskNotFound(id) }
                throw .taskFinished(id, status: record.status.rawValue)
            }
            return try encode(try await taskView(id, partial: false))
        }
    }
}
