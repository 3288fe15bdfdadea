// swift-tools-version:6.1
// Dragoman: one process that serves interactive translation, batch tasks and a CLI from one copy of each model.
// Dependency arrows point one way: dragoman (CLI) → Dragoman (service) → Engines/Cache/Jobs → wrappers → C modules.
import PackageDescription

/// ggml comes from the PyPI wheel `libggml-python`; `Scripts/setup` links the wheel's folder to `.deps/ggml`.
/// SwiftPM drops `-Wl,-rpath` from pkg-config output (measured), so the run-time search path is set here.
let ggmlLibraryDirectory = Context.packageDirectory + "/.deps/ggml/lib64"

let package = Package(
    name: "Dragoman",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "dragoman", targets: ["DragomanCLI"]),
        .library(name: "Dragoman", targets: ["Dragoman"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-metrics.git", exact: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", exact: "2.4.1"),
    ],
    targets: [
        // MARK: C libraries: a module map and a shim each, imported by exactly one Swift wrapper module.
        .systemLibrary(name: "CHTTPParser", path: "Sources/CHTTPParser"),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib"),
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3"),
        .systemLibrary(name: "CHiredis", path: "Sources/CHiredis", pkgConfig: "hiredis"),
        .systemLibrary(name: "CCurl", path: "Sources/CCurl", pkgConfig: "libcurl"),
        .systemLibrary(name: "CTextCat", path: "Sources/CTextCat", pkgConfig: "libexttextcat"),
        .systemLibrary(name: "CGGML", path: "Sources/CGGML"),
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0"),
        .systemLibrary(name: "CSystemLinux", path: "Sources/CSystemLinux"),
        // Our one C source target: the AVX2 kernels of the Marian runner (linear layers as a ggml custom op, log-sum-exp).
        // Optimised in debug builds too, so the test suite's model runs are not 20× slower than release.
        .target(name: "CKernels", cSettings: [.unsafeFlags(["-O3"])]),

        // MARK: Thin safe wrappers: the only code that touches C pointers.
        .target(name: "Executors"),
        .target(
            name: "HTTPServer",
            dependencies: [
                "CHTTPParser", "CZlib", "CSystemLinux",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .target(name: "SQLite", dependencies: ["CSQLite", "Executors"]),
        .target(name: "Redis", dependencies: ["CHiredis", "Executors"]),
        .target(
            name: "HTTPClient",
            dependencies: ["CCurl", "Executors", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "LanguageDetection", dependencies: ["CTextCat", "Executors"]),
        .target(name: "HTMLText", dependencies: ["CLibXML2"]),
        .target(
            name: "Inference",
            dependencies: ["CGGML", "CKernels", "Executors", .product(name: "Logging", package: "swift-log")],
            linkerSettings: [
                .unsafeFlags(["-L", ggmlLibraryDirectory, "-Xlinker", "-rpath", "-Xlinker", ggmlLibraryDirectory])
            ]),

        // MARK: Concerns built on the wrappers.
        .target(
            name: "Cache",
            dependencies: [
                "SQLite", "Redis",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .target(name: "Jobs", dependencies: ["Executors", .product(name: "Logging", package: "swift-log")]),
        .target(
            name: "Engines",
            dependencies: [
                "Inference", "Executors", "CSystemLinux", .product(name: "Logging", package: "swift-log"),
            ]),

        // MARK: The service and the executable.
        .target(
            name: "Dragoman",
            dependencies: [
                "HTTPServer", "SQLite", "Cache", "Jobs", "Engines", "LanguageDetection", "HTTPClient",
                .product(name: "Logging", package: "swift-log"),
                // Compatibility (HTML), Access (hashed keys) and Observability (metrics) need these.
                "HTMLText", "Redis",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]),
        .executableTarget(
            name: "DragomanCLI",
            dependencies: [
                "Dragoman", "HTTPClient", "HTTPServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]),
        // Serves GET /health for Scripts/bench-http until `dragoman serve` exists.
        .executableTarget(
            name: "HTTPBench", dependencies: ["HTTPServer", .product(name: "Logging", package: "swift-log")]),
        // Hidden benchmark driver for Scripts/bench-marian (not a product).
        .executableTarget(name: "MarianBench", dependencies: ["Inference"]),
        .target(name: "TestSupport", dependencies: ["Dragoman", "HTTPServer", "Redis"]),
        // Hit latency per cache tier, run by Scripts/bench-cache (a benchmark, not a test).
        .executableTarget(name: "CacheBenchmark", dependencies: ["Cache", "Redis"]),

        // MARK: Tests mirror the modules they check.
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "TestSupport"]),
        .testTarget(name: "ExecutorsTests", dependencies: ["Executors"]),
        .testTarget(name: "SQLiteTests", dependencies: ["SQLite"]),
        .testTarget(name: "RedisTests", dependencies: ["Redis", "TestSupport"]),
        .testTarget(
            name: "HTTPClientTests",
            dependencies: ["HTTPClient", "TestSupport", .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "LanguageDetectionTests", dependencies: ["LanguageDetection"]),
        .testTarget(name: "HTMLTextTests", dependencies: ["HTMLText"]),
        .testTarget(name: "InferenceTests", dependencies: ["Inference", "CGGML", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CacheTests", dependencies: ["Cache", "TestSupport"]),
        .testTarget(name: "JobsTests", dependencies: ["Jobs"]),
        .testTarget(name: "EnginesTests", dependencies: ["Engines", "TestSupport"]),
        .testTarget(name: "DragomanTests", dependencies: ["Dragoman", "TestSupport"]),
        .testTarget(name: "DragomanCLITests", dependencies: ["DragomanCLI", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
