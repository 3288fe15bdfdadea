// `dragoman translate`, `detect`, `languages`, `health`: in-process and over HTTP, the same answers.
import Foundation
import Testing
import TestSupport
@testable import DragomanCLI

@Suite struct TranslateCommandTests {
    @Test(arguments: Connection.allCases)
    func argumentsAreOneText(connection: Connection) async throws {
        let service = try ServiceUnderTest(connection)
        let result = await service.run(["translate", "Hello", "world", "--from", "en", "--to", "es"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "es:Hello world\n")
    }

    @Test(arguments: Connection.allCases)
    func linesAreAnsweredLineForLineInChunks(connection: Connection) async throws {
        let service = try ServiceUnderTest(connection)
        let lines = (0..<120).map { $0 % 10 == 0 ? "" : "sentence \($0)" }
        let result = await service.run(["translate", "--lines", "--to", "ca"], input: lines.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == lines.map { $0.isEmpty ? "" : "ca:" + $0 }.joined(separator: "\n") + "\n")
    }

    @Test(arguments: Connection.allCases)
    func serverErrorExitsThreeShowingItsJSON(connection: Connection) async throws {
        let service = try ServiceUnderTest(connection)
        let result = await service.run(["translate", "Hello", "--from", "en", "--to", "xx"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("the server answered 404 unsupported_pair: no engine translates en→xx"))
        #expect(result.stderr.contains(#"{"error":{"code":"unsupported_pair""#))
    }

    @Test func unreachableServerExitsThree() async throws {
        let closed = try LoopbackFileServer(root: "/nonexistent")
        closed.stop()
        let result = await dragoman(["translate", "Hello", "--to", "es", "--server", closed.baseURL])
        #expect(result.status == 3)
        #expect(result.stderr.contains("cannot reach the server at \(closed.baseURL)"))
    }

    @Test func emptyInputIsAnInputError() async throws {
        let result = await dragoman(["translate", "--to", "es"], input: "\n\n")
        #expect(result.status == 2)
    }

    @Test func missingTargetIsAUsageError() async throws {
        let result = await dragoman(["translate", "Hello"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("--to"))
    }

    @Test(arguments: Connection.allCases)
    func detectLanguagesAndHealth(connection: Connection) async throws {
        let service = try ServiceUnderTest(connection)
        #expect(await service.run(["detect", "Hello there"]).stdout == "en\t0.90\n")
        #expect(await service.run(["languages"]).stdout.contains("\"apertium\""))
        let health = await dragoman(["health", "--server", service.server.baseURL])
        #expect(health.stdout.contains("\"status\" : \"ok\""), "\(health.stderr)")
    }

    @Test func everyCommandHasHelpWithExamples() async throws {
        for command in [[], ["serve"], ["keys"], ["translate"], ["batch"], ["task"], ["cache"], ["languages"],
                        ["detect"], ["health"], ["models"], ["models", "list"], ["models", "convert"], ["models", "pull"]] {
            let result = await dragoman(command + ["--help"])
            #expect(result.status == 0)
            #expect(result.stdout.contains("Examples:"), "\(command)")
        }
    }
}
