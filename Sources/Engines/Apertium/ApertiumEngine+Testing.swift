// Hooks for fault-injection tests: the process groups of the running pipelines, so a test can kill or stop a stage.

extension ApertiumEngine {
    /// Process-group ids of the running pipelines of a direct pair (empty before first use).
    public func processGroups(for pair: LanguagePair) async -> [Int32] {
        guard let pool = poolForTesting(pair) else { return [] }
        var groups: [Int32] = []
        for pipeline in pool.pipelines { if let group = await pipeline.processGroup { groups.append(group) } }
        return groups
    }
}
