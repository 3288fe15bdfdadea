// The key store on a real SQLite file: secrets are only stored hashed, revoked keys stop working, usage adds up.
import Foundation
import SQLite
import TestSupport
import Testing

@testable import Dragoman

@Suite struct AccessKeyStoreTests {
    @Test func addedKeyIsFoundBySecretAndStoredOnlyAsAHash() async throws {
        let folder = TemporaryDirectory()
        let path = folder.path + "/keys.sqlite"
        let store = try await KeyStore(path: path)
        let (key, secret) = try await store.add(name: "weblate", limit: RateLimit(requestsPerMinute: 60))
        #expect(secret.hasPrefix("dgm_") && secret.count == 36)
        #expect(try await store.key(forSecret: secret) == key)
        #expect(try await store.key(forSecret: secret + "x") == nil)
        let raw = try await Database(path: path).rows("SELECT * FROM api_keys")
        #expect(!raw.flatMap { $0 }.contains(.text(secret)))
        #expect(raw.flatMap { $0 }.contains(.text(APIKeySecret.hash(secret))))
    }

    @Test func revokedKeyIsNoLongerAccepted() async throws {
        let folder = TemporaryDirectory()
        let store = try await KeyStore(path: folder.path + "/keys.sqlite")
        let (key, secret) = try await store.add(name: "bot")
        #expect(try await store.revoke(id: key.id))
        #expect(try await !store.revoke(id: key.id))
        #expect(try await store.key(forSecret: secret) == nil)
        #expect(try await store.list().first?.isRevoked == true)
    }

    @Test func usageAccumulatesAndSurvivesReopening() async throws {
        let folder = TemporaryDirectory()
        let path = folder.path + "/keys.sqlite"
        let secret: String
        do {
            let store = try await KeyStore(path: path)
            secret = try await store.add(name: "deepl", characterQuota: 100).secret
            let id = try #require(try await store.key(forSecret: secret)).id
            try await store.recordUsage(id: id, characters: 30)
            try await store.recordUsage(id: id, characters: 12)
        }
        let reopened = try await KeyStore(path: path)
        let key = try #require(try await reopened.key(forSecret: secret))
        #expect(key.charactersUsed == 42 && key.characterQuota == 100)
    }

    @Test func importingAConfiguredSecretTwiceKeepsOneKey() async throws {
        let folder = TemporaryDirectory()
        let store = try await KeyStore(path: folder.path + "/keys.sqlite")
        let first = try await store.importSecret("s3cret", name: "cfg", limit: .unlimited, characterQuota: nil, isAdmin: true)
        let second = try await store.importSecret("s3cret", name: "cfg", limit: .unlimited, characterQuota: nil, isAdmin: true)
        #expect(first == second)
        #expect(try await store.list().count == 1)
    }
}
