// Polls server tasks until every one has finished, feeding one progress display with the summed counts.
// Polling, not a push channel, because the HTTP contract has only `GET /api/task/<id>`; 4 polls a second cost
// the server one small read each.
struct TaskWaiter {
    let api: DragomanAPI
    var interval: Duration = .milliseconds(250)

    /// The final snapshot of each task, in the order given. Cancelling the calling task stops the wait (the
    /// server tasks keep running) and throws `.interrupted`.
    func wait(for ids: [String], display: ProgressDisplay?) async throws(CLIFailure) -> [TaskSnapshot] {
        var finished: [String: TaskSnapshot] = [:]
        while true {
            var snapshots: [TaskSnapshot] = []
            for id in ids {
                if let done = finished[id] { snapshots.append(done); continue }
                let snapshot = try await api.task(id)
                if snapshot.isFinished { finished[id] = snapshot }
                snapshots.append(snapshot)
            }
            let done = snapshots.reduce(0) { $0 + $1.progress.done + $1.progress.failed }
            let failed = snapshots.reduce(0) { $0 + $1.progress.failed }
            display?.update(done: Int64(done), total: Int64(snapshots.reduce(0) { $0 + $1.progress.total }), failed: Int64(failed))
            if finished.count == ids.count { return snapshots }
            do { try await Task.sleep(for: interval) } catch { throw .interrupted("interrupted") }
        }
    }
}
