// Reading side of the event loop: drain the socket, feed the decoder, dispatch each complete request to its
// own task, and keep the read deadline that defeats slowloris clients.
import Glibc

extension EventLoop {
    func read(_ connection: Connection) {
        for _ in 0..<4 {
            let count = recv(connection.fd, readBuffer.baseAddress, readBuffer.count, 0)
            if count > 0 {
                connection.lastActivity = now
                if connection.isOpen && connection.acceptsRequests {
                    process(connection, UnsafeRawBufferPointer(rebasing: readBuffer[..<count]))
                }
                if count < readBuffer.count { break }
            } else if count == 0 {
                peerClosed(connection)
                return
            } else {
                if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { break }
                close(connection)
                return
            }
        }
        guard connections[connection.fd] === connection else { return }
        write(connection)
    }

    private func peerClosed(_ connection: Connection) {
        connection.peerClosed = true
        connection.acceptsRequests = false
        if case .lingering = connection.state {
            close(connection)
        } else if connection.slots.isEmpty && !connection.hasPendingOutput {
            close(connection)
        } else {
            updateInterest(connection)
        }
    }

    private func process(_ connection: Connection, _ bytes: UnsafeRawBufferPointer) {
        for event in connection.decoder.feed(bytes) {
            switch event {
            case .continueExpected:
                // An interim response may only go out when it cannot overtake an earlier response.
                if connection.slots.isEmpty { connection.enqueue(ResponseEncoder.continueLine) }
            case .request(let request):
                dispatch(request, on: connection)
            case .failure(let error):
                fail(connection, with: error)
            }
        }
        updateReadDeadline(connection)
    }

    private func dispatch(_ request: ParsedRequest, on connection: Connection) {
        let sequence = connection.nextSequence
        connection.nextSequence += 1
        if !request.keepAlive { connection.acceptsRequests = false }
        let (id, fd, remote, executor) = (connection.id, connection.fd, connection.remoteAddress, executor)
        let onLoop = request.body.count <= configuration.loopHandlerMaxBodyBytes
        let task = Task(executorPreference: onLoop ? taskExecutor : globalConcurrentExecutor) { [self] in
            let (bytes, keepAlive) = await executor.respond(to: request, remoteAddress: remote)
            complete(Completion(connectionID: id, fd: fd, sequence: sequence, bytes: bytes, keepAlive: keepAlive))
        }
        connection.slots.append(.init(sequence: sequence, bytes: nil, closeAfter: false, task: task, startedAt: now))
    }

    /// Queues a final error response after any earlier ones; the connection closes once it is sent.
    func fail(_ connection: Connection, with error: HTTPError) {
        connection.acceptsRequests = false
        connection.readDeadline = nil
        let bytes = ResponseEncoder.encode(executor.renderError(error), keepAlive: false)
        connection.slots.append(.init(
            sequence: connection.nextSequence, bytes: bytes, closeAfter: true, task: nil, startedAt: now))
        connection.nextSequence += 1
        flushSlots(connection)
    }

    private func updateReadDeadline(_ connection: Connection) {
        guard connection.acceptsRequests, connection.decoder.hasPartialMessage else {
            connection.readDeadline = nil
            return
        }
        let forBody = connection.decoder.isReadingBody
        if connection.readDeadline == nil || connection.readDeadlineIsForBody != forBody {
            let seconds = forBody ? configuration.bodyReadTimeoutSeconds : configuration.headerReadTimeoutSeconds
            connection.readDeadline = now + seconds.nanoseconds
            connection.readDeadlineIsForBody = forBody
        }
    }
}
