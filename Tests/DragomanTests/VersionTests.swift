import Dragoman
import Testing

@Test func versionIsSemantic() { #expect(DragomanVersion.current.split(separator: ".").count == 3) }
