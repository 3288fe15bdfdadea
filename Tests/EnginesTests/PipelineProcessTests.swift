// A spawned chain inherits nothing but its stdin, stdout and stderr. A pipe opened elsewhere in the process
// without close-on-exec (Foundation's Process makes such pipes) must still see EOF once its own writer closes,
// even while a chain started meanwhile keeps running.
import Foundation
import Testing

@testable import Engines

@Suite struct PipelineProcessTests {
    @Test func aChainStartedWhileAnotherPipeIsOpenDoesNotHoldItsWriteEnd() throws {
        var fds: [Int32] = [-1, -1]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]) }
        let chain = try PipelineProcess(command: "cat", arguments: [])
        defer { chain.terminate() }
        close(fds[1])
        // With the write end inherited, the chain (still running) would keep this read from ever returning 0;
        // poll bounds the wait so that a regression fails here instead of hanging the suite.
        var reader = pollfd(fd: fds[0], events: Int16(POLLIN), revents: 0)
        try #require(poll(&reader, 1, 10_000) == 1)
        var byte: UInt8 = 0
        #expect(read(fds[0], &byte, 1) == 0)
    }
}
