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

/// The JSON-LD reader over windows smaller than one item: every string, number and key is cut
/// by a chunk boundary somewhere, and each must be read again whole.
final class ChunkedReadTests: XCTestCase {
    func testTinyChunksReadTheSameGraph() throws {
        let dir = try makeTemporaryDirectory()
        let g = AdversarialGraph.make()
        _ = try writeExports(g, formats: [.jsonld], to: dir, options: ExportOptions())
        let expected = PreparedGraph(g).graph
        for chunk in [1, 3, 7, 64, 1000] {
            XCTAssertEqual(try JSONLDReader.read(path: dir + "/graph.jsonld", chunk: chunk), expected, "chunk \(chunk)")
        }
    }

    func testErrorLineIsCountedOverDroppedWindows() throws {
        let dir = try makeTemporaryDirectory()
        let path = dir + "/g.jsonld"
        var text = "{\n \"@graph\": [\n"
        for k in 0..<200 { text += "  {\"identifier\": \"org:a\(k)\", \"@type\": \"Organization\", \"name\": \"A\"},\n" }
        text += "  {\"identifier\": \"org:b\" \"name\": 1}\n ]\n}\n"
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        for chunk in [5, 64, 4096] {
            XCTAssertThrowsError(try JSONLDReader.read(path: path, chunk: chunk)) { e in
                XCTAssertEqual("\(e)", "\(path):203: error: jsonld: expected '}'", "chunk \(chunk)")
            }
        }
    }

    func testTruncatedFileIsAnErrorNotAShorterGraph() throws {
        let dir = try makeTemporaryDirectory()
        _ = try writeExports(AdversarialGraph.make(), formats: [.jsonld], to: dir, options: ExportOptions())
        let whole = try Data(contentsOf: URL(fileURLWithPath: dir + "/graph.jsonld"))
        let path = dir + "/cut.jsonld"
        try whole.prefix(whole.count * 2 / 3).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try JSONLDReader.read(path: path, chunk: 16)) { e in
            XCTAssertTrue("\(e)".hasPrefix("\(path):"), "\(e)")
            XCTAssertTrue("\(e)".contains("before the end of the file") || "\(e)".contains("unterminated"), "\(e)")
        }
    }

    /// The messages of items read on bytes (types, edge types, endpoints) name what was read.
    func testItemErrorsNameTheValues() throws {
        let dir = try makeTemporaryDirectory()
        let cases: [(String, String)] = [
            ("{\"identifier\": \"x:1\", \"@type\": [\"Thing\", \"Ro\\u0062ot\"]}", "node 'x:1' has no known @type (Thing, Robot)"),
            ("{\"identifier\": \"x:1\"}", "node 'x:1' has no known @type ()"),
            ("{\"source\": \"http://a\", \"target\": \"urn:newsgraph:org:b\", \"edgeType\": \"role\"}",
             "edge endpoint 'http://a' is not a urn:newsgraph: IRI"),
            ("{\"source\": \"urn:newsgraph:org:a\", \"target\": \"urn:newsgraph:org:b\", \"edgeType\": \"likes\"}",
             "unknown edgeType 'likes'"),
            ("{\"source\": \"urn:newsgraph:org:a\", \"target\": \"urn:newsgraph:org:b\"}", "edge without edgeType"),
        ]
        for (item, message) in cases {
            let path = dir + "/g.jsonld"
            try "{\"@graph\": [\n\(item)\n]}\n".write(toFile: path, atomically: false, encoding: .utf8)
            XCTAssertThrowsError(try readGraph(at: path)) { e in
                XCTAssertEqual("\(e)", "\(path):2: error: jsonld: \(message)")
            }
        }
        // Escaped forms read like plain ones: an escaped edge type and a percent-encoded endpoint.
        let path = dir + "/ok.jsonld"
        try """
        {"@graph": [{"source": "urn:newsgraph:org:a%22b", "target": "urn:newsgraph:org:\\u0063", "edgeType": "competes\\u005fwith"},
        {"identifier": "org:c", "@type": ["Thing", "Organization"], "name": "C"}]}
        """.write(toFile: path, atomically: false, encoding: .utf8)
        let g = try readGraph(at: path)
        XCTAssertEqual(g.edges.keys.first, EdgeKey(source: "org:a\"b", type: .competesWith, target: "org:c"))
        XCTAssertEqual(g.nodes["org:c"]?.type, .organization)
    }
}
