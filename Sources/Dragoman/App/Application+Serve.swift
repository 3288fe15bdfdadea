// Serving over HTTP: until the HTTP server lands, serving waits for SIGTERM/SIGINT so `dragoman serve` has its
// final shape (start, wait for a signal, shut down gracefully, exit 0).
import Dispatch
import Foundation

extension Application {
    public func serveUntilSignalled() async throws {
        logger.warning("this build has no HTTP server yet; waiting for SIGTERM or SIGINT")
        await Self.waitForTerminationSignal()
    }

    static func waitForTerminationSignal() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let queue = DispatchQueue(label: "dragoman.signals")
            let once = OnceFlag()
            for number in [SIGTERM, SIGINT] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler { if once.claim() { continuation.resume() } }
                source.resume()
                once.keep(source)
            }
        }
    }
}

/// Resumes the continuation once, from the signal queue only; every access happens on that serial queue or
/// before the sources are resumed, which is why `@unchecked Sendable` is safe here.
final class OnceFlag: @unchecked Sendable {
    private var claimed = false
    private var sources: [any DispatchSourceSignal] = []
    func claim() -> Bool {
        defer { claimed = true }
        return !claimed
    }
    func keep(_ source: any DispatchSourceSignal) { sources.append(source) }
}
