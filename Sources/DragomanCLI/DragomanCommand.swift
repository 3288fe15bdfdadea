// The `dragoman` executable: one binary for the server and every command-line use.
import ArgumentParser
import Dragoman

@main
struct DragomanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dragoman",
        abstract: "A self-hosted machine-translation server and command-line tool.",
        discussion: """
            Every command but `serve` and `keys` runs in-process on the local engines, cache and data folder, or
            against a running server with --server URL. Exit codes: 0 success, 1 usage error, 2 input error,
            3 server unreachable or server error.

            Examples:
              dragoman serve --port 8080
              dragoman translate "Hello world" --from en --to es
              dragoman batch input.csv output.csv --from en --to es --server http://127.0.0.1:8080
              dragoman task <id> --wait --output results.csv --server http://127.0.0.1:8080
            """,
        version: DragomanVersion.current,
        subcommands: [ServeCommand.self, KeysCommand.self] + CLICommands.all
    )

    /// Exit codes per the CLI contract (usage errors 1, not ArgumentParser's 64): see CLIEntry.
    static func main() async { await CLIEntry.main(Self.self) }
}
