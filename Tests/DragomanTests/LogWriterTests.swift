// The serve command's log lines: formatted exactly as swift-log's StreamLogHandler formats them, batched
// below notice, written at once (with everything before them, in order) from notice up.
import Foundation
import Logging
import Synchronization
import Testing

@testable import Dragoman

@Suite struct LogWriterTests {
    /// A pipe whose read end never blocks: `take()` returns what has been written so far.
    final class Pipe: Sendable {
        let readFD: Int32
        let writeFD: Int32

        init() throws {
            var fds: [Int32] = [0, 0]
            guard pipe(&fds) == 0 else { throw CocoaError(.fileWriteUnknown) }
            (readFD, writeFD) = (fds[0], fds[1])
            _ = fcntl(readFD, F_SETFL, fcntl(readFD, F_GETFL) | O_NONBLOCK)
        }

        deinit {
            close(readFD)
            close(writeFD)
        }

        func take() -> String {
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(readFD, &chunk, chunk.count)
                guard count > 0 else { break }
                bytes += chunk.prefix(count)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    final class Captured: TextOutputStream, @unchecked Sendable {
        private let lines = Mutex<[String]>([])
        func write(_ string: String) { lines.withLock { $0.append(string) } }
        var text: String { lines.withLock { $0.joined() } }
    }

    /// The line without its leading timestamp, which may fall in different seconds for the two handlers.
    func untimed(_ text: String) -> [String] {
        text.split(separator: "\n").map { String($0.drop { $0 != " " }.dropFirst()) }
    }

    @Test func linesReadExactlyAsStreamLogHandlerWritesThem() throws {
        let pipe = try Pipe()
        let writer = LogWriter(fileDescriptor: pipe.writeFD, flushInterval: .seconds(60))
        let captured = Captured()
        var ours = Logger(label: "dragoman") { BufferedLogHandler(label: $0, writer: writer) }
        var theirs = Logger(label: "dragoman") { StreamLogHandler(label: $0, stream: captured, metadataProvider: nil) }
        for logger in [ours, theirs] {
            logger.info("POST /api/translate 200 120B 35us")
            logger.warning("accept failed", metadata: ["error": "EMFILE", "after": "3"])
        }
        ours[metadataKey: "worker"] = "2"
        theirs[metadataKey: "worker"] = "2"
        ours.notice("started", metadata: ["port": "8080"])
        theirs.notice("started", metadata: ["port": "8080"])
        writer.flush()
        let written = pipe.take()
        #expect(untimed(written) == untimed(captured.text))
        #expect(untimed(written).first == "info dragoman: [DragomanTests] POST /api/translate 200 120B 35us")
        // The timestamp is StreamLogHandler's form: 2026-12-01T23:49:09+0000.
        let stamp = String(written.prefix { $0 != " " })
        #expect(stamp.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}/) != nil, "\(stamp)")
    }

    @Test func infoLinesWaitAndNoticeLinesTakeThemAlongInOrder() throws {
        let pipe = try Pipe()
        let writer = LogWriter(fileDescriptor: pipe.writeFD, flushInterval: .seconds(60))
        let logger = Logger(label: "t") { BufferedLogHandler(label: $0, writer: writer) }
        logger.info("one")
        logger.info("two")
        #expect(pipe.take().isEmpty)
        logger.notice("three")
        #expect(untimed(pipe.take()) == ["info t: [DragomanTests] one", "info t: [DragomanTests] two",
                                         "notice t: [DragomanTests] three"])
        logger.error("four")
        #expect(untimed(pipe.take()) == ["error t: [DragomanTests] four"])
    }

    @Test func aFullBufferIsWrittenWithoutWaitingForTheTimer() throws {
        let pipe = try Pipe()
        let writer = LogWriter(fileDescriptor: pipe.writeFD, flushInterval: .seconds(60), flushBytes: 200)
        let logger = Logger(label: "t") { BufferedLogHandler(label: $0, writer: writer) }
        for index in 0..<10 { logger.info("line \(index)") }
        let lines = untimed(pipe.take())
        #expect(!lines.isEmpty && lines.count < 10)
        #expect(lines == (0..<lines.count).map { "info t: [DragomanTests] line \($0)" })
        writer.flush()
        #expect(untimed(pipe.take()) == (lines.count..<10).map { "info t: [DragomanTests] line \($0)" })
    }

    @Test func theTimerWritesWhatIsLeft() async throws {
        let pipe = try Pipe()
        let writer = LogWriter(fileDescriptor: pipe.writeFD, flushInterval: .milliseconds(20))
        let logger = Logger(label: "t") { BufferedLogHandler(label: $0, writer: writer) }
        logger.info("quiet")
        var text = ""
        for _ in 0..<500 where text.isEmpty {
            try await Task.sleep(for: .milliseconds(10))
            text = pipe.take()
        }
        #expect(untimed(text) == ["info t: [DragomanTests] quiet"])
    }
}
