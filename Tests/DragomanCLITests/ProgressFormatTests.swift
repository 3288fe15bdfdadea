// Progress text is a pure function of counts and elapsed time, so it is checked character for character.
import Testing
@testable import DragomanCLI

@Suite struct ProgressFormatTests {
    @Test func terminalBarShowsCountsPercentRateAndETA() {
        let snapshot = ProgressSnapshot(done: 4_500, total: 10_000, elapsed: .seconds(3))
        #expect(ProgressFormat(barWidth: 10).bar(snapshot) == "[████░░░░░░] 4,500/10,000 rows   45%  1,500 rows/s  ETA 0:04")
    }

    @Test func plainLineNamesFailuresAndOmitsETAWhenDone() {
        let snapshot = ProgressSnapshot(done: 10, total: 10, failed: 2, elapsed: .seconds(5))
        #expect(ProgressFormat().plainCounts(snapshot) == "10/10 rows  100%  2 rows/s  2 failed")
    }

    @Test func bytesUseDecimalUnits() {
        let snapshot = ProgressSnapshot(done: 1_500_000, total: 3_000_000, elapsed: .seconds(1))
        #expect(ProgressFormat(unit: .bytes).plainCounts(snapshot) == "1.5 MB/3.0 MB   50%  1.5 MB/s  ETA 0:01")
    }

    @Test func clockFormats() {
        #expect(ProgressFormat.clock(4.2) == "0:05")
        #expect(ProgressFormat.clock(3_725) == "1:02:05")
    }

    @Test func nonTerminalDisplayPrintsPlainLinesAndAFinalOne() {
        let lines = LockedLines()
        let display = ProgressDisplay(label: "batch", total: 4, isTerminal: false, plainInterval: .seconds(3600)) {
            lines.append($0)
        }
        display.update(done: 1)
        display.update(done: 2)  // within the interval: not printed
        display.finish()
        #expect(lines.all.count == 2)
        #expect(lines.all.allSatisfy { $0.hasPrefix("batch: ") && $0.hasSuffix("\n") })
        #expect(lines.all.last?.hasPrefix("batch: 2/4 rows") == true)
    }
}
