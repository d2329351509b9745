import Foundation
import GraphInterchange
import NewsPipeline
import NewsgraphTestSupport
import XCTest

/// The exports of the dev corpus (every format) read by the real consumers: xmllint with the GraphML
/// schema, NetworkX, igraph, Graphviz, pyld, rdflib, pyoxigraph (Tests/interop/run.sh).
final class DevCorpusInteropTests: XCTestCase {
    func testRealConsumersReadTheDevCorpusExports() throws {
        let dev = packageRoot.appendingPathComponent("Tests/Fixtures/corpus/dev").path
        let out = try temporaryDirectory("dev-interop")
        let g = try BuildPipeline.buildGraph(paths: [dev], options: BuildOptions(jobs: 2))
        _ = try writeExports(g, formats: ExportFormat.allCases, to: out, options: ExportOptions())
        let (status, text) = try runInteropChecks(on: out)
        XCTAssertEqual(status, 0, text)
        XCTAssertTrue(text.contains(" 0 failed"), text)
    }
}
