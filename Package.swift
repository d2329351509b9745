// swift-tools-version:6.0
import PackageDescription

// Data flows one way: corpus → text → extraction → graph → interchange / diffing.
// Each stage is one target, so SwiftPM rejects a dependency that runs against the flow.
let package = Package(
    name: "newsgraph",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "newsgraph", targets: ["newsgraph"]),
        .library(name: "NewsPipeline", targets: ["NewsPipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // C behind one door: only LibXML imports CLibXML2.
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .target(name: "LibXML", dependencies: ["CLibXML2"]),
        .target(name: "GraphModel"),
        .target(name: "NewsText", resources: [.copy("Languages")]),
        .target(name: "NewsCorpus", dependencies: ["LibXML", "NewsText"]),
        .target(name: "EntityExtraction", dependencies: ["NewsText", "NewsCorpus", "GraphModel"],
                resources: [.copy("LanguagePacks")]),
        .target(name: "GraphInterchange", dependencies: ["GraphModel", "LibXML"]),
        .target(name: "Diffing", dependencies: ["GraphModel", "GraphInterchange"]),
        .target(name: "Evaluation", dependencies: ["GraphModel"]),
        .target(name: "NewsPipeline", dependencies: ["NewsCorpus", "EntityExtraction", "GraphModel",
                                                     "GraphInterchange", "Diffing", "Evaluation"]),
        .target(name: "Benchmarks", dependencies: ["NewsPipeline"]),
        .executableTarget(name: "newsgraph", dependencies: [
            "NewsPipeline", "Benchmarks",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .target(name: "NewsgraphTestSupport", dependencies: ["GraphModel"], path: "Tests/NewsgraphTestSupport"),
        .testTarget(name: "GraphModelTests", dependencies: ["GraphModel"]),
        .testTarget(name: "NewsTextTests", dependencies: ["NewsText", "NewsCorpus"]),
        .testTarget(name: "EntityExtractionTests", dependencies: ["EntityExtraction", "NewsgraphTestSupport"]),
        .testTarget(name: "GraphInterchangeTests", dependencies: ["GraphInterchange", "NewsgraphTestSupport"]),
        .testTarget(name: "DiffingTests", dependencies: ["Diffing", "NewsPipeline", "NewsgraphTestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["NewsPipeline", "NewsgraphTestSupport"]),
        .testTarget(name: "BenchmarksTests", dependencies: ["Benchmarks"]),
    ]
)
