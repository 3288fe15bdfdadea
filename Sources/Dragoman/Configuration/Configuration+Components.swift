// Environment variables for the sections other modules own (server, engines); filled in as those land.

extension LoadedConfiguration {
    mutating func applyComponentEnvironment(_ environment: [String: String]) throws(ConfigurationError) {}

    mutating func applyComponentFlags(_ flags: ConfigurationFlags) throws(ConfigurationError) {}
}
