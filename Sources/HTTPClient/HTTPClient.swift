// Outbound HTTP over libcurl for the CLI (talking to a Dragoman server, pulling models) and for remote engines.
// Each request runs on one of a few `CurlSession`s, each a handle on its own thread; requests are spread over them
// round-robin, so up to `maxConcurrentTransfers` run at once and the rest wait in their session's queue.
import Synchronization

public final class HTTPClient: Sendable {
    private let sessions: [CurlSession]
    private let nextSession = Atomic(0)
    /// Applied to `send` when the caller gives no timeout.
    public let defaultTimeout: Duration

    public init(maxConcurrentTransfers: Int = 4, defaultTimeout: Duration = .seconds(60)) {
        precondition(maxConcurrentTransfers > 0, "an HTTPClient needs at least one session")
        sessions = (0..<maxConcurrentTransfers).map { CurlSession(label: "dragoman.http-client.\($0)") }
        self.defaultTimeout = defaultTimeout
    }

    /// Sends one request and returns the response whatever its status; `checked()` turns non-2xx into an error.
    /// Transport failures (refused, timed out, reset) throw `.transport`; cancelling the calling task aborts the
    /// transfer within about a second and throws `.cancelled`.
    public func send(
        method: HTTPMethod = .get,
        url: String,
        headers: [(name: String, value: String)] = [],
        body: [UInt8]? = nil,
        timeout: Duration? = nil
    ) async throws(HTTPClientError) -> HTTPClientResponse {
        let request = CurlRequest(
            method: method, url: url, headers: headers, body: body, timeout: timeout ?? defaultTimeout)
        return try await run(request)
    }

    func run(_ request: CurlRequest) async throws(HTTPClientError) -> HTTPClientResponse {
        let session = sessions[nextSession.wrappingAdd(1, ordering: .relaxed).oldValue % sessions.count]
        let result = await withTaskCancellationHandler {
            await Result(catching: { () async throws(HTTPClientError) in try await session.perform(request) })
        } onCancel: {
            request.cancellation.raise()
        }
        return try result.get()
    }
}

extension Result where Failure == HTTPClientError {
    init(catching body: () async throws(HTTPClientError) -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
