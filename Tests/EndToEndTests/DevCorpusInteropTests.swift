import Foundation
import GraphInterchange
import NewsPipeline
import XCTest

/// The exports of the dev corpus (every format) read by the real consumers: xmllint with the GraphML
/// schema, NetworkX, igraph, Graphviz, pyld, rdflib, pyoxigraph (Tests/interop/run.sh).
final class DevCorpusInteropTests: XCTestCase {
    func testRealConsumersReadTheDevCorpusExports() throws {
        let dev = packageRoot.appendingPathComponent("Tests/Fixtures/corpus/dev").path
        let out = try temporaryDirectory("dev-interop")
        let g = try BuildPipeline.buildGraph(paths: [dev], options: BuildOptions(jobs: 2))
        _ = try writeExports(g, formats: ExportFormat.allCases, to: out, options: ExportOptions())
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = [packageRoot.appendingPathComponent("Tests/interop/run.sh").path, out]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        if p.terminationStatus == 77 { throw XCTSkip("interop tools missing (bash scripts/setup.sh): \(text)") }
        XCTAssertEqual(p.terminationStatus, 0, text)
        XCTAssertTrue(text.contains(" 0 failed"), text)
    }
}
