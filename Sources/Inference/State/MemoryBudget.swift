// A worker's memory limit as each allocation sees it: the limit, and what the worker already holds beside the
// allocation being made. Errors name the limit the user configured, not whatever happened to be left of it.
struct MemoryBudget {
    let limit: Int
    private(set) var held = 0

    init(limit: Int) { self.limit = limit }

    /// The same limit with `bytes` more already held.
    func holding(_ bytes: Int) -> MemoryBudget {
        var budget = self
        budget.held += bytes
        return budget
    }

    func check(_ bytes: Int, for what: String) throws(InferenceError) {
        guard bytes > limit - held else { return }
        throw .memoryLimitExceeded(what: what, bytes: bytes, held: held, limit: limit)
    }
}
