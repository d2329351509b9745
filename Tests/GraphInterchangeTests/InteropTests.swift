import Foundation
import XCTest
import GraphModel
import GraphInterchange
import NewsgraphTestSupport

/// Runs the real consumers (Tests/interop/run.sh: xmllint, NetworkX, igraph, Graphviz, pyld,
/// rdflib, pyoxigraph, the shared validator) on an export of the adversarial graph.
/// Skips with a message when the tools are not installed; `NEWSGRAPH_EXPORT_DIR=DIR` keeps the
/// export in DIR for inspection.
final class InteropTests: XCTestCase {
    func testRealConsumersReadTheAdversarialExport() throws {
        let env = ProcessInfo.processInfo.environment
        let dir = try env["NEWSGRAPH_EXPORT_DIR"] ?? makeTemporaryDirectory("newsgraph-interop")
        let warnings = try writeExports(AdversarialGraph.make(), formats: ExportFormat.allCases, to: dir, options: ExportOptions())
        XCTAssertEqual(warnings, [
            "warning: dropped 84 characters that XML 1.0 cannot hold (control characters, U+FFFE, U+FFFF) from the exports",
            "warning: 1 node id held characters a GraphML id (xs:NMTOKEN) cannot hold, such as emoji; written as u<hex> in every format",
            "warning: neo4j: 2 list items contain ';', the neo4j-admin array delimiter; they will import split",
        ])
        // RDFTriples' lines for the whole graph, compared with pyld's to_rdf by the script.
        let prepared = PreparedGraph(AdversarialGraph.make())
        let nt = prepared.nodes.flatMap(RDFTriples.ntriples(node:)) + prepared.edges.flatMap(RDFTriples.ntriples(edge:))
        try (nt.joined(separator: "\n") + "\n").write(toFile: dir + "/rdftriples.nt", atomically: true, encoding: .utf8)
        let yed = dir + "/yed"
        _ = try writeExports(AdversarialGraph.make(), formats: [.graphml], to: yed, options: ExportOptions(graphmlProfile: .yed))

        let script = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("interop/run.sh").path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = [script, dir]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        if p.terminationStatus == 77 { throw XCTSkip("interop tools missing: \(out)") }
        XCTAssertEqual(p.terminationStatus, 0, out)
        XCTAssertTrue(out.contains(" 0 failed"), out)
    }
}
