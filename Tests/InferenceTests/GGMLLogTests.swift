// ggml's log lines, reassembled from the pieces its callback delivers, at the level ggml gave them.
import CGGML
import Logging
import Testing

@testable import Inference

@Suite struct GGMLLogTests {
    @Test func piecesBecomeLinesAtTheirLevel() {
        var lines = GGMLLog.LineAssembler()
        #expect(lines.add(GGML_LOG_LEVEL_ERROR, "ggml_aligned_malloc: insufficient memory ").isEmpty)
        let first = lines.add(GGML_LOG_LEVEL_CONT, "(attempted to allocate 125000.00 MB)\n")
        #expect(first.map(\.line) == ["ggml_aligned_malloc: insufficient memory (attempted to allocate 125000.00 MB)"])
        #expect(first.map(\.level) == [.error])
        let next = lines.add(GGML_LOG_LEVEL_WARN, "one\ntwo\nthree")
        #expect(next.map(\.line) == ["one", "two"] && next.map(\.level) == [.warning, .warning])
        let last = lines.add(GGML_LOG_LEVEL_CONT, "\n")
        #expect(last.map(\.line) == ["three"] && last.map(\.level) == [.warning])
    }
}
