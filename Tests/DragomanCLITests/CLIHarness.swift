// Runs a `dragoman` command line in-process, with standard input, output and error captured.
import ArgumentParser
import HTTPServer
import Testing
import TestSupport
@testable import DragomanCLI

struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

func dragoman(_ arguments: [String], input: String = "", service: (any Responder)? = nil) async -> CLIResult {
    let captured = CapturedConsole(input: input)
    let factory: InProcessService.Factory = { _ in
        guard let service else { throw CLIFailure.usage("no in-process service in this test") }
        return InProcessService(responder: service, shutdown: {})
    }
    let status = await Console.$current.withValue(captured.console) {
        await InProcessService.$factory.withValue(factory) { await CLIEntry.run(DragomanCommand.self, arguments) }
    }
    return CLIResult(status: status, stdout: captured.stdout, stderr: captured.stderr)
}

/// The two ways a command reaches the service: in-process, or over HTTP to a loopback server.
enum Connection: String, CaseIterable, CustomTestStringConvertible {
    case inProcess, server
    var testDescription: String { rawValue }
}

/// One service and the command-line options that reach it the given way.
struct ServiceUnderTest {
    let stub: ContractStub
    let server: LoopbackFileServer
    let connection: Connection

    init(_ connection: Connection, stub: ContractStub = ContractStub()) throws {
        self.stub = stub
        self.connection = connection
        server = try LoopbackFileServer(responder: stub)
    }

    var options: [String] { connection == .server ? ["--server", server.baseURL] : [] }

    func run(_ arguments: [String], input: String = "") async -> CLIResult {
        await dragoman(arguments + options, input: input, service: stub)
    }
}
