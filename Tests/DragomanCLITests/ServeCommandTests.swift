// `dragoman serve` refuses a configuration it cannot use before it binds anything: exit 2 (input error) with the
// file or variable named, as every other input error does.
import Foundation
import Testing
import TestSupport
@testable import DragomanCLI

@Suite struct ServeCommandTests {
    @Test func aMissingConfigurationFileIsAnInputErrorNamingIt() async {
        let result = await dragoman(["serve", "--config", "/nonexistent/dragoman.json"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("configuration: /nonexistent/dragoman.json: cannot read"))
    }

    @Test func anUnreadableConfigurationFileIsAnInputError() async throws {
        let folder = TemporaryDirectory("serve-config")
        let path = folder.file("bad.json")
        try Data(#"{"server": {"port": "eighty"}}"#.utf8).write(to: URL(fileURLWithPath: path))
        let result = await dragoman(["serve", "--config", path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("invalid configuration"))
    }
}
