// The CLI against the real service: `DragomanTestServer` (real HTTP server, queue, SQLite task store) and the
// same Application in-process, with the real Apertium engine (persistent pipelines). Same output both ways; --no-wait then
// task --wait; a batch interrupted while the engine is stalled, resumed by running the command again.
import Dragoman
import Engines
import Foundation
import Logging
import Testing
import TestSupport
@testable import DragomanCLI

@Suite(.serialized) struct RealServiceBatchTests {
    let folder = TemporaryDirectory("real-batch")

    static let sentences = (0..<300).map {
        "The \(["red", "green", "blue"][$0 % 3]) house number \($0) has \($0 % 7 + 1) windows,\n\"old\" ones."
    }

    static func apertium() throws -> ApertiumEngine {
        var logger = Logger(label: "cli-test")
        logger.logLevel = .warning
        return try ApertiumEngine(logger: logger)
    }

    func input() throws -> String {
        let path = folder.file("in.csv")
        let rows = Self.sentences.enumerated().map { "\($0.offset),\"\($0.element.replacingOccurrences(of: "\"", with: "\"\""))\"" }
        try Data(("id,text\n" + rows.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func application(_ engine: any TranslationEngine, data: TemporaryDirectory) async throws -> Application {
        var configuration = Configuration()
        configuration.dataDir = data.path
        configuration.queue.workers = 2
        let application = try await Application.make(configuration: configuration, engines: [engine])
        try await application.start()
        return application
    }

    @Test func serverAndInProcessWriteTheSameTranslations() async throws {
        let path = try input()
        let engine = try Self.apertium()
        defer { Task { await engine.shutdown() } }
        let server = try await DragomanTestServer.start(engines: [engine])
        let remote = await dragoman(["batch", path, folder.file("server.csv"), "--from", "en", "--to", "es", "--server", server.baseURL])
        await server.stop()
        #expect(remote.status == 0, "\(remote.stderr)")

        let data = TemporaryDirectory("in-process")
        let application = try await Self.application(engine, data: data)
        let local = await dragoman(["batch", path, folder.file("local.csv"), "--from", "en", "--to", "es"], service: application.responder)
        await application.shutdown()
        #expect(local.status == 0, "\(local.stderr)")

        let served = try DelimitedTable.read(path: folder.file("server.csv"), format: .csv)
        #expect(try DelimitedTable.read(path: folder.file("local.csv"), format: .csv) == served)
        #expect(served.header == ["id", "text", "translated_text"])
        #expect(served.records[0].fields[2].hasPrefix("El número de casa rojo 0 tiene 1 ventanas,\n"))
        #expect(served.records.allSatisfy { !$0.fields[2].isEmpty })
    }

    @Test func rowsTooLongForOneBodyAreSplitToTheServersLimit() async throws {
        let engine = try Self.apertium()
        defer { Task { await engine.shutdown() } }
        // 300 rows of ~80 bytes are ~27 KiB of JSON: over this limit, under the 10,000-text count limit.
        let server = try await DragomanTestServer.start(engines: [engine]) { $0.limits.maxBatchBodyBytes = 8 * 1024 }
        let output = folder.file("split.csv")
        let result = await dragoman(["batch", try input(), output, "--from", "en", "--to", "es", "--server", server.baseURL])
        await server.stop()
        #expect(result.status == 0, "\(result.stderr)")
        let table = try DelimitedTable.read(path: output, format: .csv)
        #expect(table.records.count == 300 && table.records.allSatisfy { !$0.fields[2].isEmpty })
    }

    @Test func noWaitThenTaskWait() async throws {
        let engine = try Self.apertium()
        defer { Task { await engine.shutdown() } }
        let server = try await DragomanTestServer.start(engines: [engine])
        let submitted = await dragoman(["batch", try input(), folder.file("out.csv"), "--to", "ca", "--from", "en", "--no-wait", "--server", server.baseURL])
        #expect(submitted.status == 0, "\(submitted.stderr)")
        let id = submitted.stdout.trimmingCharacters(in: .newlines)
        let waited = await dragoman(["task", id, "--wait", "--output", folder.file("results.jsonl"), "--server", server.baseURL])
        await server.stop()
        #expect(waited.status == 0, "\(waited.stderr)")
        #expect(waited.stdout.hasPrefix("\(id)\tcompleted\t300/300 done, 0 failed"))
        let lines = try String(contentsOfFile: folder.file("results.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 300)
    }

    @Test func interruptedWhileTheEngineStallsThenResumed() async throws {
        let gate = Gate()
        let engine = try Self.apertium()
        defer { Task { await engine.shutdown() } }
        let server = try await DragomanTestServer.start(engines: [InterceptingEngine.gated(engine, by: gate)])
        let output = folder.file("out.csv")
        let arguments = ["batch", try input(), output, "--from", "en", "--to", "es", "--server", server.baseURL]
        let first = Task { await dragoman(arguments) }
        while BatchPlan.load(BatchPlan.path(forOutput: output)) == nil { try await Task.sleep(for: .milliseconds(20)) }
        first.cancel()
        let interrupted = await first.value
        #expect(interrupted.status == 130)
        #expect(interrupted.stderr.contains("keep running on \(server.baseURL)"))
        #expect(!FileManager.default.fileExists(atPath: output))

        gate.open()
        let resumed = await dragoman(arguments)
        await server.stop()
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("resuming task(s)"))
        #expect(try DelimitedTable.read(path: output, format: .csv).records.count == 300)
    }
}
