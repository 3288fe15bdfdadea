// What the event loop does between socket events: take finished responses from the inbox, and on each tick
// enforce the read, idle, handler and linger deadlines and the graceful-shutdown grace period.
extension EventLoop {
    func drainInbox() {
        let (completions, adopted, grace) = inbox.withLock { inbox in
            defer {
                inbox.completions.removeAll(keepingCapacity: true)
                inbox.adopted.removeAll()
                inbox.shutdownGrace = nil
            }
            return (inbox.completions, inbox.adopted, inbox.shutdownGrace)
        }
        for connection in adopted { register(fd: connection.fd, address: connection.address, counted: true) }
        var touched: [Connection] = []
        for completion in completions {
            guard let connection = connections[completion.fd], connection.id == completion.connectionID,
                let index = connection.slots.firstIndex(where: { $0.sequence == completion.sequence })
            else { continue }
            connection.slots[index].bytes = completion.bytes
            connection.slots[index].closeAfter = !completion.keepAlive
            connection.slots[index].task = nil
            if index == 0 {
                flushSlots(connection)
                if !touched.contains(where: { $0 === connection }) { touched.append(connection) }
            }
        }
        // One send per connection per batch, however many pipelined responses became ready.
        for connection in touched where connections[connection.fd] === connection { write(connection) }
        if let grace, shutdownDeadline == nil { beginShutdown(grace: grace) }
    }

    private func beginShutdown(grace: UInt64) {
        shutdownDeadline = now + grace
        if let listener { queue.remove(listener.fd) }
        listener = nil
        sweep()
    }

    func sweep() {
        for connection in Array(connections.values) { enforceDeadlines(connection) }
        if let until = acceptPausedUntil, now >= until, let listener {
            acceptPausedUntil = nil
            try? queue.add(listener.fd, events: EventQueue.readable)
        }
        if let deadline = shutdownDeadline, connections.isEmpty || now >= deadline { finished = true }
    }

    private func enforceDeadlines(_ connection: Connection) {
        // A client that stopped reading its responses gets the idle timeout too, or its output would pin memory.
        if connection.hasPendingOutput && now - connection.lastActivity >= configuration.idleTimeoutSeconds.nanoseconds {
            close(connection)
            return
        }
        switch connection.state {
        case .lingering(let until):
            if now >= until { close(connection) }
        case .closing:
            break
        case .open:
            if let deadline = connection.readDeadline, now >= deadline {
                fail(connection, with: .requestTimeout())
                write(connection)
            } else if let index = connection.slots.firstIndex(where: {
                $0.bytes == nil && now - $0.startedAt >= configuration.handlerTimeoutSeconds.nanoseconds
            }) {
                timeOutHandler(connection, at: index)
            } else if connection.isIdle
                && (shutdownDeadline != nil || now - connection.lastActivity >= configuration.idleTimeoutSeconds.nanoseconds)
            {
                close(connection)
            }
        }
    }

    /// The handler keeps running past its deadline: cancel it, answer 504 in its place, and close after it,
    /// since the requests pipelined behind it can no longer be answered in order in reasonable time.
    private func timeOutHandler(_ connection: Connection, at index: Int) {
        connection.slots[index].task?.cancel()
        connection.slots[index].task = nil
        connection.slots[index].bytes = ResponseEncoder.encode(
            executor.renderError(.handlerTimeout()), keepAlive: false)
        connection.slots[index].closeAfter = true
        for later in connection.slots[(index + 1)...] { later.task?.cancel() }
        connection.slots.removeSubrange((index + 1)...)
        connection.acceptsRequests = false
        flushSlots(connection)
        write(connection)
    }
}
