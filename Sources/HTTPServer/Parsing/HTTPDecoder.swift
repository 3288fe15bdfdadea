// Turns bytes into requests with Debian's http_parser; it never touches a socket, so tests feed it literals split
// at every byte. One per connection, used only on that connection's event-loop thread. The parser is paused at
// each message end, so pipelined requests come out one at a time and in order.
import CHTTPParser
import HTTPTypes

final class HTTPDecoder {
    private let parser: UnsafeMutablePointer<http_parser>
    private let settings: UnsafeMutablePointer<http_parser_settings>
    private var scanner: HeadScanner
    /// The body limit for a request target, asked once its head is complete.
    private let bodyLimit: @Sendable ([UInt8]) -> Int
    /// The current request's body limit.
    private(set) var maxBodyBytes: Int
    private var inHead = true
    private(set) var failed = false
    private var events: [DecoderEvent] = []
    var message = MessageBuilder()

    convenience init(maxHeaderBytes: Int, maxBodyBytes: Int) {
        self.init(maxHeaderBytes: maxHeaderBytes, bodyLimit: { _ in maxBodyBytes })
    }

    init(maxHeaderBytes: Int, bodyLimit: @escaping @Sendable ([UInt8]) -> Int) {
        parser = .allocate(capacity: 1)
        settings = .allocate(capacity: 1)
        scanner = HeadScanner(limit: maxHeaderBytes)
        self.bodyLimit = bodyLimit
        self.maxBodyBytes = bodyLimit([])
        http_parser_init(parser, HTTP_REQUEST)
        settings.initialize(to: HTTPDecoder.callbacks())
        parser.pointee.data = Unmanaged.passUnretained(self).toOpaque()
    }

    deinit {
        parser.deallocate()
        settings.deallocate()
    }

    /// True between a request's first byte and its last: the connection is neither idle nor done.
    var hasPartialMessage: Bool { !inHead || scanner.count > 0 }
    /// True once a head is complete and its body is still arriving.
    var isReadingBody: Bool { !inHead }

    func feed(_ bytes: UnsafeRawBufferPointer) -> [DecoderEvent] {
        events.removeAll(keepingCapacity: true)
        var offset = 0
        while offset < bytes.count && !failed {
            let rest = UnsafeRawBufferPointer(rebasing: bytes[offset...])
            var length = rest.count
            if inHead {
                switch scanner.scan(rest) {
                case .needMore: break
                case .complete(let headLength): length = headLength
                case .tooLarge: fail(.headerTooLarge(limit: scanner.limit))
                case .obsoleteFold: fail(.badRequest("obsolete line folding is not accepted"))
                }
                if failed { break }
            }
            offset += execute(rest.baseAddress!, length)
        }
        return events
    }

    private func execute(_ start: UnsafeRawPointer, _ length: Int) -> Int {
        let consumed = http_parser_execute(parser, settings, start.assumingMemoryBound(to: CChar.self), length)
        let code = parser.pointee.http_errno
        if code == HPE_PAUSED.rawValue {
            http_parser_pause(parser, 0)
            return consumed
        }
        if code != HPE_OK.rawValue {
            let name = String(cString: http_errno_description(http_errno(rawValue: code)))
            fail(message.pendingError ?? .badRequest("malformed request: \(name)"))
            return length
        }
        return consumed
    }

    private func fail(_ error: HTTPError) {
        failed = true
        events.append(.failure(error))
    }

    // MARK: Called from the http_parser callbacks (HTTPDecoder+Callbacks.swift).

    func headersComplete() -> Int32 {
        maxBodyBytes = bodyLimit(message.url)
        if let error = message.validateHead(parser: parser.pointee, maxBodyBytes: maxBodyBytes) {
            message.pendingError = error
            return -1  // any value but 0, 1, 2 is an error for on_headers_complete (http_parser.c)
        }
        if message.expectsContinue { events.append(.continueExpected) }
        inHead = false
        return 0
    }

    func messageComplete() -> Int32 {
        let keepAlive = http_should_keep_alive(parser) != 0
        events.append(.request(message.build(method: parser.pointee.method, keepAlive: keepAlive)))
        message = MessageBuilder()
        inHead = true
        scanner.reset()
        http_parser_pause(parser, 1)
        return 0
    }
}
