// `dragoman batch` and `dragoman task` end to end: CSV and JSONL through the task API, in-process and over
// HTTP with identical output, chunking to the server's limit, --no-wait then task --wait, failed items,
// input errors naming the line, and a batch interrupted while waiting and resumed by running it again.
import Foundation
import Testing
import TestSupport
@testable import DragomanCLI

@Suite struct BatchCommandTests {
    let folder = TemporaryDirectory("batch")

    func write(_ text: String, _ name: String) throws -> String {
        let path = folder.file(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func read(_ path: String) throws -> String { String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self) }

    static func csv(rows: Int) -> String {
        "id,text,note\r\n" + (0..<rows).map { "\($0),\"Sentence \($0), with \"\"quotes\"\"\nand a break\",n\($0)\r\n" }.joined()
    }

    @Test func liveServerAndInProcessWriteTheSameFile() async throws {
        let input = try write(Self.csv(rows: 1_000) + "1000,,empty\r\n", "in.csv")
        var outputs: [String] = []
        for connection in Connection.allCases {
            let service = try ServiceUnderTest(connection)
            let output = folder.file("out-\(connection).csv")
            let result = await service.run(["batch", input, output, "--from", "en", "--to", "es"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("wrote 1,001 rows"))
            outputs.append(try read(output))
        }
        #expect(outputs[0] == outputs[1])
        let table = try DelimitedTable.read(path: folder.file("out-server.csv"), format: .csv)
        #expect(table.header == ["id", "text", "note", "translated_text"])
        #expect(table.records[7].fields == ["7", "Sentence 7, with \"quotes\"\nand a break", "n7", "es:Sentence 7, with \"quotes\"\nand a break"])
        #expect(table.records[1_000].fields == ["1000", "", "empty", ""])
        #expect(table.lineEnding == "\r\n")
    }

    @Test func jsonlGetsATranslatedField() async throws {
        let input = try write("{\"id\":1,\"body\":\"Hi\"}\n{\"id\":2,\"body\":\"Bye\"}\n", "in.jsonl")
        let output = folder.file("out.jsonl")
        let result = await dragoman(["batch", input, output, "--to", "ca", "--text-field", "body"], service: ContractStub())
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try read(output) == "{\"id\":1,\"body\":\"Hi\",\"translated_body\":\"ca:Hi\"}\n{\"id\":2,\"body\":\"Bye\",\"translated_body\":\"ca:Bye\"}\n")
    }

    @Test func batchesLargerThanTheServerTakesAreSplit() async throws {
        let service = try ServiceUnderTest(.server, stub: ContractStub(maxBatch: 300))
        let input = try write(Self.csv(rows: 1_000), "in.csv")
        let output = folder.file("out.csv")
        let result = await service.run(["batch", input, output, "--to", "es"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(service.stub.batchSubmissions == 4)  // the 413 names the limit: tasks of 300, 300, 300, 100
        #expect(try DelimitedTable.read(path: output, format: .csv).records.count == 1_000)
    }

    @Test func missingColumnExitsTwoNamingIt() async throws {
        let input = try write("id,body\n1,x\n", "in.csv")
        let result = await dragoman(["batch", input, folder.file("out.csv"), "--to", "es"], service: ContractStub())
        #expect(result.status == 2)
        #expect(result.stderr.contains("line 1: no column \"text\" in the header (columns: id, body)"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("out.csv")))
    }

    @Test func brokenCSVExitsTwoNamingTheLine() async throws {
        let input = try write("id,text\n1,ok\n2,\"bad\"x\n", "in.csv")
        let result = await dragoman(["batch", input, folder.file("out.csv"), "--to", "es"], service: ContractStub())
        #expect(result.status == 2)
        #expect(result.stderr.contains("in.csv: line 3: unexpected text after a closing quote"))
    }

    @Test func textTheServerRefusesIsNamedByItsLine() async throws {
        let input = try write("id,text\n1,fine\n2,\"multi\nline\"\n3,\(String(repeating: "x", count: 6_000))\n", "in.csv")
        let result = await dragoman(["batch", input, folder.file("out.csv"), "--to", "es"], service: ContractStub())
        #expect(result.status == 2)
        #expect(result.stderr.contains("line 5: text_too_long: text 2 is 6000 characters"))
    }

    @Test func failedItemsAreBlankNamedByLineAndExitThree() async throws {
        let input = try write("text\nfine\nFAIL\n", "in.csv")
        let output = folder.file("out.csv")
        let result = await dragoman(["batch", input, output, "--to", "es"], service: ContractStub())
        #expect(result.status == 3)
        #expect(result.stderr.contains("line 3: engine_failed: the engine failed"))
        #expect(try read(output) == "text,translated_text\nfine,es:fine\nFAIL,\n")
    }

    @Test func noWaitThenTaskWaitWritesTheResults() async throws {
        let service = try ServiceUnderTest(.server)
        let input = try write(Self.csv(rows: 50), "in.csv")
        let submitted = await service.run(["batch", input, folder.file("out.csv"), "--to", "es", "--no-wait"])
        #expect(submitted.status == 0, "\(submitted.stderr)")
        let ids = submitted.stdout.split(separator: "\n").map(String.init)
        #expect(ids.count == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.file("out.csv")))

        let results = folder.file("results.jsonl")
        let waited = await service.run(["task", ids[0], "--wait", "--output", results])
        #expect(waited.status == 0, "\(waited.stderr)")
        #expect(waited.stdout.hasPrefix("\(ids[0])\tcompleted\t50/50 done, 0 failed"))
        let lines = try read(results).split(separator: "\n")
        #expect(lines.count == 50)
        #expect(lines[3] == #"{"index":3,"translation":"es:Sentence 3, with \"quotes\"\nand a break"}"#)
    }

    @Test func unfinishedTaskWithoutWaitWritesNothing() async throws {
        let stub = ContractStub()
        stub.hold()
        let service = try ServiceUnderTest(.server, stub: stub)
        let input = try write("text\nhello\n", "in.csv")
        let submitted = await service.run(["batch", input, folder.file("o.csv"), "--to", "es", "--no-wait"])
        let id = submitted.stdout.trimmingCharacters(in: .newlines)
        let result = await service.run(["task", id, "--output", folder.file("r.txt")])
        #expect(result.status == 3)
        #expect(result.stdout.contains("queued"), "\(submitted.stderr) \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.file("r.txt")))
    }

    @Test(arguments: Connection.allCases)
    func interruptedBatchIsResumedBySameCommand(connection: Connection) async throws {
        let stub = ContractStub()
        stub.hold()
        let service = try ServiceUnderTest(connection, stub: stub)
        let input = try write(Self.csv(rows: 2_000), "in.csv")
        let output = folder.file("out.csv")
        let arguments = ["batch", input, output, "--from", "en", "--to", "es"]
        let first = Task { await service.run(arguments) }
        let plan = BatchPlan.path(forOutput: output)
        while BatchPlan.load(plan) == nil { try await Task.sleep(for: .milliseconds(20)) }
        first.cancel()  // what Ctrl-C does through CommandRunner's SIGINT handler
        let interrupted = await first.value
        #expect(interrupted.status == 130)
        #expect(interrupted.stderr.contains("the submitted tasks keep running"))
        #expect(interrupted.stderr.contains("Resume with: "))
        #expect(!FileManager.default.fileExists(atPath: output))

        stub.hold(false)
        let resumed = await service.run(arguments)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("resuming task(s)"))
        #expect(stub.batchSubmissions == 1)
        #expect(try DelimitedTable.read(path: output, format: .csv).records.map { $0.fields[3] }
            == (0..<2_000).map { "es:Sentence \($0), with \"quotes\"\nand a break" })
        #expect(BatchPlan.load(plan) == nil)
    }
}
