import Inference
import Testing

@Test func ggmlIsLinked() { #expect(!GGMLLibrary.version.isEmpty) }
