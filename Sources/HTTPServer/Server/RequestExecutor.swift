// Runs one request through the responder inside its own Swift task (on its connection's event loop, or on the
// global pool for a large body: see LoopExecutor), then shapes the answer: errors to JSON, gzip, framing
// headers, one access-log line. A handler that waits holds no thread; one that computes holds its loop.
import HTTPTypes
import Logging
import Synchronization

struct RequestExecutor: Sendable {
    let responder: any Responder
    let logger: Logger
    let gzipMinimumBytes: Int
    /// `loop_handler_max_body_bytes`: the most work, in bytes, done on an event loop; bigger bodies are
    /// compressed on the global pool, as bigger requests are handled there.
    let onLoopMaxBytes: Int
    /// How errors that reach the server become responses; `HTTPError.response` unless the service says otherwise.
    let renderError: @Sendable (HTTPError) -> Response
    /// Set once shutdown begins, so responses from then on say `Connection: close`.
    let draining: DrainingFlag

    func respond(to parsed: ParsedRequest, remoteAddress: String) async -> (bytes: [UInt8], keepAlive: Bool) {
        let started = monotonicNanoseconds()
        var path = parsed.target
        var response: Response
        do {
            let target = try RequestTarget(parsed.target)
            path = target.path
            let request = Request(
                method: parsed.method, path: target.path, pathSegments: target.segments, query: target.query,
                headers: parsed.headers,
                body: parsed.body, remoteAddress: remoteAddress)
            response = try await responder.respond(to: request)
        } catch let error as HTTPError {
            response = renderError(error)
        } catch is CancellationError {
            response = renderError(.handlerTimeout())
        } catch {
            // The client learns only that it failed; the details stay in the server's log.
            logger.error("handler failed", metadata: ["path": "\(path)", "error": "\(error)"])
            response = renderError(.internalError())
        }
        await compressIfAccepted(&response, request: parsed)
        let keepAlive = parsed.keepAlive && !draining.isSet
        let bytes = ResponseEncoder.encode(response, keepAlive: keepAlive, omitBody: parsed.method == .head)
        let micros = (monotonicNanoseconds() - started) / 1000
        logger.info("\(parsed.method.rawValue) \(path) \(response.status.code) \(response.body.count)B \(micros)us")
        return (bytes, keepAlive)
    }

    private func compressIfAccepted(_ response: inout Response, request: ParsedRequest) async {
        guard response.body.count > gzipMinimumBytes, response.headers[.contentEncoding] == nil,
            let accepted = request.headers[.acceptEncoding], Gzip.isAccepted(by: accepted)
        else { return }
        let body = response.body
        // Compressing takes about a millisecond per 100 KiB: past the limit, long enough to stall the loop's other
        // connections.
        let compressed = body.count > onLoopMaxBytes
            ? try? await offTheLoop { try Gzip.compress(body) } : try? Gzip.compress(body)
        guard let compressed else { return }
        response.body = compressed
        response.headers[.contentEncoding] = "gzip"
        response.headers[.vary] = "Accept-Encoding"
    }
}

/// Set once when shutdown begins; read by every request task, hence atomic.
final class DrainingFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    var isSet: Bool { flag.load(ordering: .relaxed) }
    func set() { flag.store(true, ordering: .relaxed) }
}
