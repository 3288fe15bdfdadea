// Environment variables and flags for the sections other modules own (server, engines).

extension LoadedConfiguration {
    mutating func applyComponentEnvironment(_ environment: [String: String]) throws(ConfigurationError) {
        if let host = environment["HOST"], !host.isEmpty {
            set(\.server.host, host, key: "server.host", origin: "environment HOST")
        }
        if let text = environment["PORT"], !text.isEmpty {
            guard let port = Int(text), (0...65_535).contains(port) else {
                throw ConfigurationError(source: "PORT", reason: "not a port number: \(text)")
            }
            set(\.server.port, port, key: "server.port", origin: "environment PORT")
        }
        if let dir = environment["MODELS_DIR"], !dir.isEmpty {
            set(\.marian.modelsDir, dir, key: "marian.models_dir", origin: "environment MODELS_DIR")
        }
        if let text = environment["PRELOAD_MODELS"], !text.isEmpty {
            guard let preload = ["1": true, "true": true, "yes": true, "0": false, "false": false, "no": false][
                text.lowercased()]
            else { throw ConfigurationError(source: "PRELOAD_MODELS", reason: "not a yes/no value: \(text)") }
            set(\.marian.preload, preload, key: "marian.preload", origin: "environment PRELOAD_MODELS")
        }
    }

    mutating func applyComponentFlags(_ flags: ConfigurationFlags) throws(ConfigurationError) {
        if let host = flags.host { set(\.server.host, host, key: "server.host", origin: "flag --host") }
        if let port = flags.port {
            guard (0...65_535).contains(port) else {
                throw ConfigurationError(source: "--port", reason: "not a port number: \(port)")
            }
            set(\.server.port, port, key: "server.port", origin: "flag --port")
        }
        if let dir = flags.modelsDir { set(\.marian.modelsDir, dir, key: "marian.models_dir", origin: "flag --models-dir") }
        if let preload = flags.preload { set(\.marian.preload, preload, key: "marian.preload", origin: "flag --preload") }
    }
}
