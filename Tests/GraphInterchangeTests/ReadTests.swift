import Foundation
import XCTest
import GraphModel
@testable import GraphInterchange
import NewsgraphTestSupport

final class ReadTests: XCTestCase {
    func roundTrip(_ g: KnowledgeGraph, file: String) throws {
        let dir = try makeTemporaryDirectory()
        _ = try writeExports(g, formats: ExportFormat.allCases, to: dir, options: ExportOptions())
        let back = try readGraph(at: dir + "/" + file)
        let expected = PreparedGraph(g).graph
        XCTAssertEqual(back.nodes.count, expected.nodes.count)
        XCTAssertEqual(back.edges.count, expected.edges.count)
        for (id, n) in expected.nodes { XCTAssertEqual(back.nodes[id], n, id) }
        for (k, e) in expected.edges { XCTAssertEqual(back.edges[k], e, "\(k)") }
        XCTAssertEqual(back, expected)
        // convert: the read graph rewrites every file byte for byte.
        let again = try makeTemporaryDirectory()
        _ = try writeExports(back, formats: ExportFormat.allCases, to: again, options: ExportOptions())
        for f in ExportFormat.allCases.flatMap(\.fileNames) {
            XCTAssertEqual(try bytes(dir + "/" + f), try bytes(again + "/" + f), "\(file) → \(f)")
        }
    }

    func testGraphMLRoundTripSmall() throws { try roundTrip(smallGraph(), file: "graph.graphml") }
    func testJSONLDRoundTripSmall() throws { try roundTrip(smallGraph(), file: "graph.jsonld") }
    func testGraphMLRoundTripAdversarial() throws { try roundTrip(AdversarialGraph.make(), file: "graph.graphml") }
    func testJSONLDRoundTripAdversarial() throws { try roundTrip(AdversarialGraph.make(), file: "graph.jsonld") }

    func testYEdProfileReadsBackTheSameGraph() throws {
        let dir = try makeTemporaryDirectory()
        let g = AdversarialGraph.make()
        _ = try writeExports(g, formats: [.graphml], to: dir, options: ExportOptions(graphmlProfile: .yed))
        let s = try read(dir + "/graph.graphml")
        XCTAssertTrue(s.contains("<key id=\"d16\" for=\"node\" yfiles.type=\"nodegraphics\"/>"))
        XCTAssertTrue(s.contains("<y:NodeLabel>Quote &quot;Inc&quot;</y:NodeLabel>"), s)
        XCTAssertEqual(try readGraph(at: dir + "/graph.graphml"), PreparedGraph(g).graph)
    }

    func testMalformedGraphMLNamesFileAndLine() throws {
        let dir = try makeTemporaryDirectory()
        let path = dir + "/bad.graphml"
        try "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n<graph>\n<node id=\"a\">\n</graph>\n".write(toFile: path, atomically: false, encoding: .utf8)
        XCTAssertThrowsError(try readGraph(at: path)) { e in
            XCTAssertTrue("\(e)".hasPrefix("\(path):5: error: graphml: Opening and ending tag mismatch: node line 4 and graph"), "\(e)")
        }
    }

    func testUnknownNodeTypeIsReported() throws {
        let dir = try makeTemporaryDirectory()
        let path = dir + "/g.graphml"
        try """
        <?xml version="1.0"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
        <key id="t" for="node" attr.name="type" attr.type="string"/>
        <graph edgedefault="directed">
        <node id="robot:r2"><data key="t">Robot</data></node>
        </graph></graphml>
        """.write(toFile: path, atomically: false, encoding: .utf8)
        XCTAssertThrowsError(try readGraph(at: path)) { e in
            XCTAssertEqual("\(e)", "\(path):5: error: graphml: node 'robot:r2' has unknown type 'Robot'")
        }
    }

    func testMalformedJSONLDNamesFileAndLine() throws {
        let dir = try makeTemporaryDirectory()
        let path = dir + "/g.jsonld"
        try "{\n \"@graph\": [\n  {\"identifier\": \"org:a\", \"@type\": \"Organization\", \"name\": \"A\"},\n  {\"identifier\": \"org:b\" \"name\": 1}\n ]\n}\n"
            .write(toFile: path, atomically: false, encoding: .utf8)
        XCTAssertThrowsError(try readGraph(at: path)) { e in
            XCTAssertEqual("\(e)", "\(path):4: error: jsonld: expected '}'")
        }
    }

    func testUnknownExtensionAndMissingFile() {
        XCTAssertThrowsError(try readGraph(at: "/nonexistent/g.txt")) { e in
            XCTAssertEqual("\(e)", "/nonexistent/g.txt: error: cannot tell the format from the extension (expected .graphml or .jsonld)")
        }
        XCTAssertThrowsError(try readGraph(at: "/nonexistent/g.jsonld")) { e in
            XCTAssertEqual("\(e)", "/nonexistent/g.jsonld: error: cannot read: No such file or directory")
        }
        XCTAssertThrowsError(try readGraph(at: "/nonexistent/g.graphml")) { e in
            XCTAssertEqual("\(e)", "/nonexistent/g.graphml: error: graphml: cannot open file: No such file or directory")
        }
    }
}
