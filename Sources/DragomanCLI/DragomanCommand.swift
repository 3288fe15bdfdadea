// The `dragoman` executable: one binary for the server and every command-line use.
import ArgumentParser
import Dragoman

@main
struct DragomanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dragoman",
        abstract: "A self-hosted machine-translation server and command-line tool.",
        version: DragomanVersion.current,
        subcommands: [ServeCommand.self, KeysCommand.self] + CLICommands.all
    )

    /// Exit codes per the CLI contract (usage errors 1, not ArgumentParser's 64): see CLIEntry.
    static func main() async { await CLIEntry.main(Self.self) }
}
