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

        let (status, out) = try runInteropChecks(on: dir)
        XCTAssertEqual(status, 0, out)
        XCTAssertTrue(out.contains(" 0 failed"), out)
    }
}

/// Throughput of the writers and readers on a synthetic graph; runs only with
/// `NEWSGRAPH_PERF_NODES=N` (edges = 3N), best in release: `swift test -c release --filter PerfTests`.
final class PerfTests: XCTestCase {
    func testThroughput() throws {
        guard let n = ProcessInfo.processInfo.environment["NEWSGRAPH_PERF_NODES"].flatMap(Int.init) else {
            throw XCTSkip("set NEWSGRAPH_PERF_NODES to run")
        }
        var t = Date()
        let g = AdversarialGraph.synthetic(nodes: n, edges: 3 * n)
        print("perf: built \(n) nodes / \(3 * n) edges in \(String(format: "%.2f", -t.timeIntervalSinceNow)) s")
        let dir = try makeTemporaryDirectory("newsgraph-perf")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        t = Date()
        let p = PreparedGraph(g)
        print("perf: prepare (clean check + sort) \(String(format: "%.2f", -t.timeIntervalSinceNow)) s")
        for f in ExportFormat.allCases {
            t = Date()
            _ = try f.serializer.write(p, to: dir, options: ExportOptions())
            let size = try f.fileNames.map { try FileManager.default.attributesOfItem(atPath: dir + "/" + $0)[.size] as! Int }.reduce(0, +)
            print("perf: write \(f.rawValue) \(String(format: "%.2f", -t.timeIntervalSinceNow)) s, \(size / 1_000_000) MB")
        }
        for f in ["graph.graphml", "graph.jsonld"] {
            t = Date()
            let back = try readGraph(at: dir + "/" + f)
            print("perf: read \(f) \(String(format: "%.2f", -t.timeIntervalSinceNow)) s")
            XCTAssertEqual(back.nodes.count, n)
            XCTAssertEqual(back.edges.count, 3 * n)
        }
    }
}
