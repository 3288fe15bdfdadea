// A flag a cancelled Swift task raises and a blocked libcurl transfer polls from its progress callback, which
// libcurl calls at least once a second even when no data moves (CURLOPT_XFERINFOFUNCTION(3)).
import Synchronization

final class CancellationFlag: Sendable {
    private let raised = Atomic(false)

    func raise() { raised.store(true, ordering: .relaxed) }

    var isRaised: Bool { raised.load(ordering: .relaxed) }
}
