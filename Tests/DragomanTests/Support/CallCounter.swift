// Counts an engine's translate calls and texts (through an InterceptingEngine hook): how single flight is
// observed from outside.
actor CallCounter {
    var calls = 0
    var texts: [String] = []
    func record(_ batch: [String]) {
        calls += 1
        texts += batch
    }
}
