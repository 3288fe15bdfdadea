// Runs a `dragoman` command line in-process, with standard input, output and error captured.
import ArgumentParser
@testable import DragomanCLI

struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

func dragoman(_ arguments: [String], input: String = "") async -> CLIResult {
    let captured = CapturedConsole(input: input)
    let status = await Console.$current.withValue(captured.console) {
        await CLIEntry.run(CLIRoot.self, arguments)
    }
    return CLIResult(status: status, stdout: captured.stdout, stderr: captured.stderr)
}

/// The commands this branch adds, under one root, until the service's `DragomanCommand` registers them.
struct CLIRoot: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dragoman", subcommands: [ModelsCommand.self])
}
