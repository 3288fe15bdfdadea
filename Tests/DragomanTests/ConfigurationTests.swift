// Configuration layering: a partial file keeps every other default, the environment overrides the file, flags
// override the environment, and the shipped Config/dragoman.json decodes to exactly the defaults.
import Foundation
import Testing
import TestSupport
@testable import Dragoman

@Test func aPartialFileKeepsEveryOtherDefault() throws {
    let folder = TemporaryDirectory("config")
    try Data(#"{"server": {"port": 9000}, "queue": {"capacity": 5}}"#.utf8).write(to: folder.url.appendingPathComponent("c.json"))
    let loaded = try Configuration.load(file: folder.file("c.json"))
    var expected = Configuration()
    expected.server.port = 9000
    expected.queue.capacity = 5
    #expect(loaded.configuration == expected)
    #expect(loaded.origins["server.port"] == "file \(folder.file("c.json"))")
}

@Test func environmentOverridesTheFileAndFlagsOverrideTheEnvironment() throws {
    var loaded = LoadedConfiguration()
    try loaded.applyEnvironment([
        "HOST": "0.0.0.0", "PORT": "9001", "WORKERS": "3", "REDIS_URL": "redis://127.0.0.1:6390/0",
        "DATA_DIR": "/tmp/d", "LOG_LEVEL": "debug",
    ])
    try loaded.applyFlags(ConfigurationFlags(port: 9002, dataDir: "/tmp/e"))
    let configuration = loaded.configuration
    #expect(configuration.server.host == "0.0.0.0")
    #expect(configuration.server.port == 9002)
    #expect(configuration.queue.workers == 3)
    #expect(configuration.cache.redis.enabled)
    #expect(configuration.cache.redis.url == "redis://127.0.0.1:6390/0")
    #expect(configuration.dataDir == "/tmp/e")
    #expect(configuration.logLevel == "debug")
    #expect(loaded.origins["server.port"] == "flag --port")
    #expect(loaded.origins["server.host"] == "environment HOST")
}

@Test func badEnvironmentValuesAreReported() {
    var loaded = LoadedConfiguration()
    #expect(throws: ConfigurationError.self) { try loaded.applyEnvironment(["PORT": "eighty"]) }
    #expect(throws: ConfigurationError.self) { try loaded.applyEnvironment(["WORKERS": "-1"]) }
}

@Test func theShippedConfigFileHoldsTheDefaults() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let loaded = try Configuration.load(file: root.appendingPathComponent("Config/dragoman.json").path)
    #expect(loaded.configuration == Configuration())
}
