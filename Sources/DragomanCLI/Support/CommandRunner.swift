// The one place a command's failure becomes a message and an exit code. Every command's `run()` goes through
// here, so messages look the same everywhere and Ctrl-C cancels the work instead of killing the process.
import ArgumentParser

enum CommandRunner {
    static func run(_ body: @escaping @Sendable (Console) async throws(CLIFailure) -> Void) async throws {
        let console = Console.current
        let work = Task { () async -> CLIFailure? in
            do throws(CLIFailure) { try await body(console) } catch { return error }
            return nil
        }
        let interrupt = Interrupt.onSIGINT { work.cancel() }
        // Cancelling the caller (a test, an embedding program) must reach the unstructured work task too.
        let failure = await withTaskCancellationHandler { await work.value } onCancel: { work.cancel() }
        interrupt.cancel()
        if let failure { throw failure.exit(console) }
    }
}
