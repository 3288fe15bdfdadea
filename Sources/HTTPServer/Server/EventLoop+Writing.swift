// Writing side of the event loop: move finished responses out in request order, send them with one call per
// batch, and close connections cleanly (lingering so a final error response is not lost to a TCP reset).
import Glibc

extension EventLoop {
    /// Moves every response at the head of the queue whose handler is done into the output buffer.
    func flushSlots(_ connection: Connection) {
        while let first = connection.slots.first, let bytes = first.bytes {
            connection.slots.removeFirst()
            connection.enqueue(bytes)
            if first.closeAfter {
                connection.cancelInFlight()
                connection.acceptsRequests = false
                connection.state = .closing
                return
            }
        }
    }

    func write(_ connection: Connection) {
        while connection.hasPendingOutput {
            let sent = connection.output.withUnsafeBytes { buffer in
                send(connection.fd, buffer.baseAddress! + connection.outputOffset,
                     buffer.count - connection.outputOffset, Int32(MSG_NOSIGNAL))
            }
            if sent > 0 {
                connection.outputOffset += sent
                connection.lastActivity = now
            } else if sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
                break
            } else {
                close(connection)
                return
            }
        }
        afterWrite(connection)
    }

    private func afterWrite(_ connection: Connection) {
        if !connection.hasPendingOutput {
            let finishedAll = connection.slots.isEmpty && !connection.acceptsRequests
            switch connection.state {
            case .closing:
                linger(connection)
                return
            case .open where finishedAll && !connection.decoder.hasPartialMessage:
                // A `Connection: close` request or a half-closed client: everything owed has been sent.
                connection.peerClosed ? close(connection) : linger(connection)
                return
            case .open where shutdownDeadline != nil && connection.isIdle:
                close(connection)
                return
            default:
                break
            }
        }
        updateInterest(connection)
    }

    private func linger(_ connection: Connection) {
        if connection.peerClosed {
            close(connection)
            return
        }
        shutdown(connection.fd, Int32(SHUT_WR))
        connection.state = .lingering(until: now + configuration.lingerSeconds.nanoseconds)
        updateInterest(connection)
    }

    func updateInterest(_ connection: Connection) {
        var desired: UInt32 = 0
        switch connection.state {
        case .open:
            // Unsent output means the client is not reading: stop reading its next requests until it does.
            if connection.acceptsRequests && !connection.hasPendingOutput
                && connection.slots.count < configuration.maxPipelinedRequests
            {
                desired |= EventQueue.readable
            }
        case .closing: break
        case .lingering: desired |= EventQueue.readable
        }
        if connection.hasPendingOutput { desired |= EventQueue.writable }
        guard desired != connection.interest else { return }
        connection.interest = desired
        try? queue.modify(connection.fd, events: desired)
    }

    func close(_ connection: Connection) {
        guard connections[connection.fd] === connection else { return }
        connection.cancelInFlight()
        connections[connection.fd] = nil
        if connection.counted { connectionCount.release() }
        Glibc.close(connection.fd)
    }
}
