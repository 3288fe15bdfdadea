// A deliberately small HTTP/1.1 server on 127.0.0.1 for client-side tests (HTTPClient, `dragoman models pull`):
// it serves a folder with byte ranges (RFC 9110 §14) and can inject faults the real server never produces on
// purpose — a body cut short, a Range header ignored, a response that never comes. Besides files it answers
// `/echo` (the request's method and body back), `/status/<code>` (that status, a JSON error body) and `/hang`
// (headers, then silence until the client goes away). One connection per request (`Connection: close`).
import Foundation
import HTTPServer
import HTTPTypes
import Synchronization

public final class LoopbackFileServer: Sendable {
    public struct RecordedRequest: Sendable, Equatable {
        public var method: String
        public var path: String
        public var range: String?
        public var body: [UInt8]
    }

    public let port: Int
    private let listener: Int32
    private let root: String
    private let responder: (any Responder)?
    private let state = Mutex(State())

    private struct State {
        var requests: [RecordedRequest] = []
        var truncations: [String: Int] = [:]
        var ignoresRange = false
        var listening = true
    }

    public init(root: String) throws {
        self.root = root
        responder = nil
        (listener, port) = try LoopbackSocket.listen()
        startAccepting()
    }

    /// Serves every request with `responder` instead of files (a plain HTTP front for a handler under test).
    public init(responder: any Responder) throws {
        root = "/nonexistent"
        self.responder = responder
        (listener, port) = try LoopbackSocket.listen()
        startAccepting()
    }

    deinit { stop() }

    public var baseURL: String { "http://127.0.0.1:\(port)" }

    public var requests: [RecordedRequest] { state.withLock { $0.requests } }

    /// The next GET of `path` announces the full length but sends only `bytes` of the body, then closes.
    public func truncateNext(_ path: String, afterBytes bytes: Int) { state.withLock { $0.truncations[path] = bytes } }

    /// Answer every request with the whole file, as servers without range support do.
    public func ignoreRanges(_ ignore: Bool = true) { state.withLock { $0.ignoresRange = ignore } }

    /// Shuts the listener down, which makes accept(2) fail; the accept thread then closes it. Both happen once,
    /// under the lock: a second shutdown or close could hit the same number reused by another test's socket.
    public func stop() {
        state.withLock { state in
            guard state.listening else { return }
            state.listening = false
            shutdown(listener, Int32(SHUT_RDWR))
        }
    }

    /// The accept thread holds the server weakly, so dropping the last reference stops it (deinit → stop).
    private func startAccepting() {
        let listener = listener
        Thread.detachNewThread { [weak self] in
            while true {
                let connection = accept(listener, nil, nil)
                if connection < 0 {
                    if errno == EINTR { continue }
                    if let server = self { server.state.withLock { $0.listening = false } }
                    close(listener)
                    return
                }
                guard let server = self else { close(connection); return }
                Thread.detachNewThread { server.serve(connection) }
            }
        }
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        guard let request = LoopbackSocket.readRequest(connection) else { return }
        let (truncation, ignoresRange) = state.withLock { state in
            state.requests.append(request)
            return (state.truncations.removeValue(forKey: request.path), state.ignoresRange)
        }
        if let responder {
            return LoopbackSocket.send(connection, Self.bridge(request, to: responder))
        }
        if request.path == "/hang" {
            LoopbackSocket.send(connection, Array(Self.head(200, "OK", length: 1000).utf8))
            _ = LoopbackSocket.readRequest(connection)  // returns once the client closes the connection
            return
        }
        let (head, body) = response(to: request, ignoresRange: ignoresRange)
        LoopbackSocket.send(connection, Array(head.utf8))
        LoopbackSocket.send(connection, truncation.map { Array(body.prefix($0)) } ?? body)
    }

    private func response(to request: RecordedRequest, ignoresRange: Bool) -> (String, [UInt8]) {
        if request.path == "/echo" {
            let body = Array("\(request.method)\n".utf8) + request.body
            return (Self.head(200, "OK", length: body.count), body)
        }
        if request.path.hasPrefix("/status/"), let status = Int(request.path.dropFirst(8)) {
            let body = Array(#"{"error":{"code":"test_status","message":"status \#(status)"}}"#.utf8)
            return (Self.head(status, "Test", length: body.count, extra: "Content-Type: application/json"), body)
        }
        guard let data = FileManager.default.contents(atPath: root + request.path), !request.path.contains("..") else {
            return (Self.head(404, "Not Found", length: 9), Array("not found".utf8))
        }
        let bytes = [UInt8](data)
        let sent = request.method == "HEAD" ? [] : bytes
        guard !ignoresRange, let start = request.range.flatMap(Self.rangeStart) else {
            return (Self.head(200, "OK", length: bytes.count), sent)
        }
        guard start < bytes.count else {
            return (Self.head(416, "Range Not Satisfiable", length: 0, extra: "Content-Range: bytes */\(bytes.count)"), [])
        }
        let range = "Content-Range: bytes \(start)-\(bytes.count - 1)/\(bytes.count)"
        return (Self.head(206, "Partial Content", length: bytes.count - start, extra: range), Array(sent.dropFirst(start)))
    }

    /// Runs the async responder from this blocking connection thread and returns the whole response.
    private static func bridge(_ recorded: RecordedRequest, to responder: any Responder) -> [UInt8] {
        let result = Mutex<[UInt8]>([])
        let done = DispatchSemaphore(value: 0)
        Task {
            let request = Request(
                method: HTTPRequest.Method(recorded.method) ?? .get, path: String(recorded.path.prefix { $0 != "?" }),
                query: query(recorded.path), body: recorded.body)
            let response: Response
            do { response = try await responder.respond(to: request) } catch let error as HTTPError {
                response = error.response
            } catch {
                response = Response.text("\(error)", status: .internalServerError)
            }
            var head = "HTTP/1.1 \(response.status.code) \(response.status.reasonPhrase)\r\n"
            for field in response.headers { head += "\(field.name): \(field.value)\r\n" }
            head += "Content-Length: \(response.body.count)\r\nConnection: close\r\n\r\n"
            result.withLock { $0 = Array(head.utf8) + response.body }
            done.signal()
        }
        done.wait()
        return result.withLock { $0 }
    }

    private static func query(_ target: String) -> [String: String] {
        guard let mark = target.firstIndex(of: "?") else { return [:] }
        var query: [String: String] = [:]
        for pair in target[target.index(after: mark)...].split(separator: "&") {
            let item = pair.split(separator: "=", maxSplits: 1).map { $0.removingPercentEncoding ?? String($0) }
            query[item[0]] = item.count > 1 ? item[1] : ""
        }
        return query
    }

    /// Only the `bytes=N-` form, which is what resuming clients send.
    private static func rangeStart(_ header: String) -> Int? {
        guard header.hasPrefix("bytes="), header.hasSuffix("-") else { return nil }
        return Int(header.dropFirst(6).dropLast())
    }

    private static func head(_ status: Int, _ reason: String, length: Int, extra: String? = nil) -> String {
        var lines = ["HTTP/1.1 \(status) \(reason)", "Content-Length: \(length)", "Connection: close"]
        if let extra { lines.append(extra) }
        return lines.joined(separator: "\r\n") + "\r\n\r\n"
    }
}
