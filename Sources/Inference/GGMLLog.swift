// ggml writes its own messages (an allocation it could not make, a backend it loaded) straight to stderr, past
// the server's log format, level filter and buffering. `GGMLLog.route(to:)` sends them through a Logger instead.
// ggml's callback is process-wide, so is this: the last logger routed to gets every line.
import CGGML
import Logging
import Synchronization

public enum GGMLLog {
    private static let state = Mutex<(logger: Logger?, lines: LineAssembler)>((nil, LineAssembler()))

    public static func route(to logger: Logger) {
        state.withLock { $0.logger = logger }
        ggml_log_set({ level, text, _ in
            guard let text else { return }
            GGMLLog.receive(level, String(cString: text))
        }, nil)
    }

    private static func receive(_ level: ggml_log_level, _ text: String) {
        let (logger, lines) = state.withLock { ($0.logger, $0.lines.add(level, text)) }
        for (level, line) in lines { logger?.log(level: level, "\(line)", metadata: ["source": "ggml"]) }
    }

    /// ggml may deliver one line in several calls (GGML_LOG_LEVEL_CONT continues the previous level); a line is
    /// complete at its newline.
    struct LineAssembler {
        private var partial = ""
        private var level = Logger.Level.info

        mutating func add(_ level: ggml_log_level, _ text: String) -> [(level: Logger.Level, line: String)] {
            if level != GGML_LOG_LEVEL_CONT { self.level = Self.level(level) }
            partial += text
            guard partial.contains("\n") else { return [] }
            var lines = partial.split(separator: "\n", omittingEmptySubsequences: false)
            partial = String(lines.removeLast())
            return lines.filter { !$0.isEmpty }.map { (self.level, String($0)) }
        }

        private static func level(_ level: ggml_log_level) -> Logger.Level {
            switch level {
            case GGML_LOG_LEVEL_DEBUG: .debug
            case GGML_LOG_LEVEL_WARN: .warning
            case GGML_LOG_LEVEL_ERROR: .error
            default: .info
            }
        }
    }
}
