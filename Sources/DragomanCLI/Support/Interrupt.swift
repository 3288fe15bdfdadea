// Ctrl-C handling: while a command runs, SIGINT cancels its task (so it can say how to resume) instead of
// ending the process at once. A second Ctrl-C still ends it, through the default action restored after the first.
import Dispatch
import Foundation

final class Interrupt {
    private let source: any DispatchSourceSignal

    private init(_ handler: @escaping @Sendable () -> Void) {
        signal(SIGINT, SIG_IGN)  // the dispatch source sees the signal only once its default action is off
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            signal(SIGINT, SIG_DFL)
            handler()
        }
        source.resume()
    }

    static func onSIGINT(_ handler: @escaping @Sendable () -> Void) -> Interrupt { Interrupt(handler) }

    func cancel() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
