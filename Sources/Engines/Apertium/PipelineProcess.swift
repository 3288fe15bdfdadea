// One running Apertium chain (`lt-proc -z … | apertium-tagger -z … | …`) started by `/bin/sh -c` in a process group
// of its own, so a restart kills every stage at once (killing only `sh` leaves the stages running, measured).
// The process owns the two pipe ends the engine keeps. Nothing but them may cross into another child, or a
// reader waits for an EOF that a long-lived process holds back:
// - our pipe ends are close-on-exec, so a child spawned elsewhere (Foundation's Process) never holds this
//   chain's stdin open;
// - the chain's child closes every descriptor above stderr, so it never holds a pipe Foundation's Process
//   made at the same moment (for apertium-wblank-mode or dpkg-query), which is not close-on-exec. Before, a
//   chain spawned in that window made the reader wait forever: seen as a hung parallel test run.
import CSystemLinux
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

final class PipelineProcess: Sendable {
    let pid: pid_t
    let input: Int32   // the chain's stdin, written by the pipeline's actor
    let output: Int32  // the chain's stdout, read by the session's reader thread
    private let terminated = Atomic<Bool>(false)

    /// Starts `sh -c command sh arguments…` with stderr sent to /dev/null.
    init(command: String, arguments: [String]) throws(EngineError) {
        (pid, input, output) = try Self.spawn(command: command, arguments: arguments)
    }

    private static func spawn(command: String, arguments: [String]) throws(EngineError) -> (pid_t, Int32, Int32) {
        let stdin = try makePipe(), stdout = try makePipe()
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer { posix_spawn_file_actions_destroy(&actions); posix_spawnattr_destroy(&attributes) }
        posix_spawn_file_actions_adddup2(&actions, stdin.read, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout.write, 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclosefrom_np(&actions, 3)
        // The engine ignores SIGPIPE; the stages must not inherit that, so a stage writing to a dead one still dies.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF))

        let argv = (["sh", "-c", command, "sh"] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, "/bin/sh", &actions, &attributes, argv, environ)
        close(stdin.read)
        close(stdout.write)
        guard status == 0 else {
            close(stdin.write)
            close(stdout.read)
            throw .failed(engine: "apertium", reason: "posix_spawn /bin/sh: errno \(status)")
        }
        return (child, stdin.write, stdout.read)
    }

    /// Writes all of `bytes`, blocking while the chain is busy; EPIPE once the chain has died.
    func write(_ bytes: [UInt8]) throws(EngineError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(input, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw .failed(engine: "apertium", reason: "write to pipeline: errno \(errno)")
            }
            offset += written
        }
    }

    /// Kills every stage and reaps the shell; safe to call more than once.
    func terminate() {
        // Once reaped, the pid may belong to someone else: kill it only the first time.
        guard !terminated.exchange(true, ordering: .acquiringAndReleasing) else { return }
        kill(-pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }

    deinit {
        close(input)
        close(output)
    }

    private static func makePipe() throws(EngineError) -> (read: Int32, write: Int32) {
        var fds: [Int32] = [-1, -1]
        guard pipe2(&fds, O_CLOEXEC) == 0 else { throw .failed(engine: "apertium", reason: "pipe2: errno \(errno)") }
        return (fds[0], fds[1])
    }
}
