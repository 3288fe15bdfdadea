// epoll, level-triggered, plus an eventfd other threads write to wake the loop. One per event loop thread;
// it knows file descriptors and readiness, nothing about HTTP. Events are fetched in batches of up to 256 per wait.
import CSystemLinux
import Glibc

final class EventQueue {
    struct Readiness {
        var fd: Int32
        var readable: Bool
        var writable: Bool
        var hangup: Bool
    }

    static let readable = EPOLLIN.rawValue
    static let writable = EPOLLOUT.rawValue

    private let epollFD: Int32
    let wakeFD: Int32
    private var buffer: [epoll_event]

    init(capacity: Int = 256) throws {
        epollFD = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard epollFD >= 0 else { throw SocketError("epoll_create1") }
        wakeFD = eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC))
        guard wakeFD >= 0 else {
            close(epollFD)
            throw SocketError("eventfd")
        }
        buffer = [epoll_event](repeating: epoll_event(), count: capacity)
        try add(wakeFD, events: Self.readable)
    }

    deinit {
        close(wakeFD)
        close(epollFD)
    }

    func add(_ fd: Int32, events: UInt32) throws { try control(EPOLL_CTL_ADD, fd, events) }
    func modify(_ fd: Int32, events: UInt32) throws { try control(EPOLL_CTL_MOD, fd, events) }
    func remove(_ fd: Int32) { try? control(EPOLL_CTL_DEL, fd, 0) }

    private func control(_ operation: Int32, _ fd: Int32, _ events: UInt32) throws {
        var event = epoll_event()
        event.events = events
        event.data.fd = fd
        guard epoll_ctl(epollFD, operation, fd, &event) == 0 else { throw SocketError("epoll_ctl(\(operation), fd \(fd))") }
    }

    /// Waits up to `timeoutMilliseconds` and hands each ready descriptor to `body`.
    func wait(timeoutMilliseconds: Int32, _ body: (Readiness) -> Void) {
        let count = buffer.withUnsafeMutableBufferPointer {
            epoll_wait(epollFD, $0.baseAddress, Int32($0.count), timeoutMilliseconds)
        }
        guard count > 0 else { return }
        for index in 0..<Int(count) {
            let event = buffer[index]
            body(Readiness(
                fd: event.data.fd,
                readable: event.events & EPOLLIN.rawValue != 0,
                writable: event.events & EPOLLOUT.rawValue != 0,
                hangup: event.events & (EPOLLERR.rawValue | EPOLLHUP.rawValue) != 0))
        }
    }

    /// Safe from any thread: a write to an eventfd is atomic and never blocks while the counter is below 2^64-1.
    func wake() { Self.wake(wakeFD) }

    static func wake(_ wakeFD: Int32) {
        var one: UInt64 = 1
        _ = write(wakeFD, &one, 8)
    }

    func drainWakeups() {
        var value: UInt64 = 0
        _ = read(wakeFD, &value, 8)
    }
}

/// Nanoseconds on CLOCK_MONOTONIC: timeouts must not jump with the wall clock.
func monotonicNanoseconds() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}
