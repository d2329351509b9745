import Foundation
import XCTest
import GraphModel
@testable import GraphInterchange
import NewsgraphTestSupport

/// A small graph with one of everything, for golden files and exact-text checks.
func smallGraph() -> KnowledgeGraph {
    KnowledgeGraph(nodes: [
        Node(id: "org:openai", type: .organization, label: "OpenAI", aliases: ["Open AI", "OpenAI"], sources: ["en-01", "en-02"]),
        Node(id: "org:microsoft", type: .organization, label: "Microsoft", aliases: ["Microsoft"], sources: ["en-01"]),
        Node(id: "person:sam-altman", type: .person, label: "Sam Altman", aliases: ["Sam Altman"], sources: ["en-01"]),
        Node(id: "deal:investment-microsoft-openai", type: .deal, label: "Microsoft → OpenAI investment ($10B)",
             sources: ["en-01"], kind: "investment", amount: 10_000_000_000, currency: "USD", date: "2023-01-23"),
        Node(id: "deal:partnership-a-b", type: .deal, label: "A & B <partnership>", sources: ["sv-01"],
             kind: "partnership", amount: 1.5e-7, currency: "SEK"),
    ], edges: [
        Edge(source: "person:sam-altman", target: "org:openai", type: .role, roles: ["founder", "ceo"], sources: ["en-01"],
             evidence: Evidence(article: "en-01", sentence: "Sam Altman, CEO of OpenAI, said \"yes\".", start: 12, end: 50)),
        Edge(source: "org:microsoft", target: "deal:investment-microsoft-openai", type: .party, roles: ["investor"],
             sources: ["en-01"], evidence: Evidence(article: "en-01", sentence: "Microsoft invests $10 billion.", start: 0, end: 30)),
        Edge(source: "org:openai", target: "deal:investment-microsoft-openai", type: .party, roles: ["investee"],
             sources: ["en-01"], evidence: Evidence(article: "en-01", sentence: "Microsoft invests $10 billion.", start: 0, end: 30)),
        Edge(source: "org:microsoft", target: "org:openai", type: .competesWith, sources: ["en-02"]),
    ])
}

func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }
func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

final class ExportTests: XCTestCase {
    let all = ExportFormat.allCases

    func testGoldenSmallGraph() throws {
        let dir = try makeTemporaryDirectory()
        _ = try writeExports(smallGraph(), formats: all, to: dir, options: ExportOptions())
        assertGolden(try read(dir + "/graph.graphml"), named: "ExportTests.testGoldenSmallGraph.graphml")
        assertGolden(try read(dir + "/graph.dot"), named: "ExportTests.testGoldenSmallGraph.dot")
        assertGolden(try read(dir + "/graph.jsonld"), named: "ExportTests.testGoldenSmallGraph.jsonld")
        assertGolden(try read(dir + "/graph.gexf"), named: "ExportTests.testGoldenSmallGraph.gexf")
        assertGolden(try read(dir + "/neo4j/nodes.csv"), named: "ExportTests.testGoldenSmallGraph.nodes.csv")
        assertGolden(try read(dir + "/neo4j/relationships.csv"), named: "ExportTests.testGoldenSmallGraph.relationships.csv")
    }

    func testEveryFormatIsByteIdenticalAcrossRuns() throws {
        let g = AdversarialGraph.make()
        let a = try makeTemporaryDirectory(), b = try makeTemporaryDirectory()
        _ = try writeExports(g, formats: all, to: a, options: ExportOptions())
        // A graph built in another order is the same graph and must give the same bytes.
        let shuffled = KnowledgeGraph(nodes: g.nodes.values.reversed(), edges: g.edges.values.reversed())
        _ = try writeExports(shuffled, formats: all, to: b, options: ExportOptions())
        for f in all.flatMap(\.fileNames) {
            XCTAssertEqual(try bytes(a + "/" + f), try bytes(b + "/" + f), f)
            XCTAssertGreaterThan(try bytes(a + "/" + f).count, 1000, f)
        }
    }

    func testGraphMLKeysHaveTypesAndFixedNumbering() throws {
        let dir = try makeTemporaryDirectory()
        _ = try writeExports(smallGraph(), formats: [.graphml], to: dir, options: ExportOptions())
        let s = try read(dir + "/graph.graphml")
        XCTAssertTrue(s.contains("<key id=\"d5\" for=\"node\" attr.name=\"amount\" attr.type=\"double\"/>"))
        XCTAssertTrue(s.contains("<key id=\"d14\" for=\"edge\" attr.name=\"evidence_start\" attr.type=\"long\"/>"))
        XCTAssertTrue(s.contains("<graph id=\"G\" edgedefault=\"directed\">"))
        XCTAssertTrue(s.contains("<data key=\"d5\">10000000000</data>"))
        XCTAssertTrue(s.contains("<data key=\"d5\">1.5e-07</data>"))
        XCTAssertTrue(s.contains("<data key=\"d2\">Open AI|OpenAI</data>"))
        XCTAssertTrue(s.contains("<data key=\"d9\">ceo</data>"))
        XCTAssertTrue(s.contains("<data key=\"d10\">ceo|founder</data>"))
        XCTAssertTrue(s.contains("<data key=\"d1\">A &amp; B &lt;partnership&gt;</data>"))
    }

    func testNumbersAreDeterministicText() {
        XCTAssertEqual(ExportText.number(10_000_000_000), "10000000000")
        XCTAssertEqual(ExportText.number(1.5e9), "1500000000")
        XCTAssertEqual(ExportText.number(2.5), "2.5")
        XCTAssertEqual(ExportText.number(1e20), "100000000000000000000")
        XCTAssertEqual(ExportText.number(0.1), "0.1")
        XCTAssertEqual(ExportText.number(-3), "-3")
    }

    func testForbiddenCharactersAreDroppedWithOneWarning() throws {
        let g = KnowledgeGraph(nodes: [
            Node(id: "org:a", type: .organization, label: "A\u{1}B\u{1F}C\u{FFFE}", sources: ["s\u{7}"]),
        ], edges: [])
        let dir = try makeTemporaryDirectory()
        let warnings = try writeExports(g, formats: [.graphml, .jsonld], to: dir, options: ExportOptions())
        XCTAssertEqual(warnings, ["warning: dropped 4 characters that XML 1.0 cannot hold (control characters, U+FFFE, U+FFFF) from the exports"])
        XCTAssertTrue(try read(dir + "/graph.graphml").contains("<data key=\"d1\">ABC</data>"))
        XCTAssertTrue(try read(dir + "/graph.jsonld").contains("\"name\": \"ABC\""))
    }

    func testListItemsHoldingTheSeparatorAreSplit() throws {
        let g = KnowledgeGraph(nodes: [Node(id: "org:a", type: .organization, label: "A", aliases: ["x|a", ""], sources: ["s"])], edges: [])
        let p = PreparedGraph(g)
        XCTAssertEqual(p.nodes[0].aliases, ["x", "a"])
        XCTAssertEqual(p.warnings.count, 1)
    }

    func testDOTEscapesEveryHazard() throws {
        let g = KnowledgeGraph(nodes: [
            Node(id: "org:node", type: .organization, label: "say \"hi\"\\n\nnext\\", sources: ["s"]),
            Node(id: "org:graph", type: .organization, label: "<b>&amp;</b>\tT\rR", sources: ["s"]),
        ], edges: [Edge(source: "org:node", target: "org:graph", type: .competesWith)])
        let dir = try makeTemporaryDirectory()
        _ = try writeExports(g, formats: [.dot], to: dir, options: ExportOptions())
        let s = try read(dir + "/graph.dot")
        XCTAssertTrue(s.contains(##"  "org:node" [type="Organization", label="say \"hi\"\\n\nnext\\", shape="box", fillcolor="#DBE9F6"];"##), s)
        XCTAssertTrue(s.contains("  \"org:graph\" [type=\"Organization\", label=\"<b>&amp;</b>\tT\rR\", shape=\"box\""), s)
        XCTAssertTrue(s.contains(#"  "org:node" -> "org:graph" [type="competes_with", label="competes with"];"#), s)
        XCTAssertTrue(s.hasPrefix("digraph \"newsgraph\" {\n"))
    }

    func testDOTFocusKeepsOnlyTheNeighbourhood() throws {
        let dir = try makeTemporaryDirectory()
        _ = try writeExports(smallGraph(), formats: [.dot], to: dir, options: ExportOptions(focus: "sam altman", depth: 1))
        let s = try read(dir + "/graph.dot")
        XCTAssertTrue(s.contains("\"person:sam-altman\" ["))
        XCTAssertTrue(s.contains("\"org:openai\" ["))
        XCTAssertFalse(s.contains("\"org:microsoft\" ["))
        XCTAssertEqual(s.components(separatedBy: " -> ").count - 1, 1)
        _ = try writeExports(smallGraph(), formats: [.dot], to: dir, options: ExportOptions(focus: "OPEN AI", depth: 2))
        XCTAssertTrue(try read(dir + "/graph.dot").contains("\"org:microsoft\" ["))
    }

    func testAtomicWriteLeavesTheOldFileWhenTheWriteThrows() throws {
        let dir = try makeTemporaryDirectory()
        try "old".write(toFile: dir + "/graph.dot", atomically: false, encoding: .utf8)
        XCTAssertThrowsError(try writeExports(smallGraph(), formats: [.dot], to: dir,
                                              options: ExportOptions(focus: "nobody", depth: 1))) { e in
            XCTAssertEqual("\(e)", "error: --focus 'nobody' matches no node id, label or alias")
        }
        XCTAssertEqual(try read(dir + "/graph.dot"), "old")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), ["graph.dot"])
    }

    func testUnwritableDirectoryIsOneLineError() throws {
        let dir = try makeTemporaryDirectory()
        try "x".write(toFile: dir + "/file", atomically: false, encoding: .utf8)
        XCTAssertThrowsError(try writeExports(smallGraph(), formats: [.graphml], to: dir + "/file", options: ExportOptions())) { e in
            XCTAssertEqual("\(e)", "\(dir)/file: error: cannot write: not a directory")
        }
    }

    func testJSONLDShape() throws {
        let dir = try makeTemporaryDirectory()
        _ = try writeExports(smallGraph(), formats: [.jsonld], to: dir, options: ExportOptions())
        let s = try read(dir + "/graph.jsonld")
        XCTAssertTrue(s.contains(#"{"@id": "urn:newsgraph:org:openai", "@type": "Organization", "identifier": "org:openai", "name": "OpenAI", "alternateName": ["Open AI", "OpenAI"], "sources": ["en-01", "en-02"]}"#), s)
        XCTAssertTrue(s.contains(#""amount": {"@id": "urn:newsgraph:deal:investment-microsoft-openai/amount", "value": 10000000000, "currency": "USD"}"#), s)
        XCTAssertTrue(s.contains(#"{"@id": "urn:newsgraph:edge:person:sam-altman/role/org:openai", "@type": ["Edge", "OrganizationRole"], "source": "urn:newsgraph:person:sam-altman", "target": "urn:newsgraph:org:openai", "edgeType": "role", "roleName": "ceo", "roles": ["ceo", "founder"]"#), s)
        XCTAssertTrue(s.contains(#""evidence": "Sam Altman, CEO of OpenAI, said \"yes\".", "evidenceArticle": "en-01", "evidenceStart": 12, "evidenceEnd": 50}"#), s)
        let json = try JSONSerialization.jsonObject(with: Data(s.utf8)) as? [String: Any]
        XCTAssertEqual((json?["@graph"] as? [Any])?.count, 9)
    }

    func testJSONStringEscapesControlCharacters() throws {
        let b = ByteBuilder()
        JSONLDSerializer.string("a\"b\\c\nd\te\u{8}\u{C}\r\u{1}é🚀", to: b)
        XCTAssertEqual(String(decoding: b.bytes, as: UTF8.self), #""a\"b\\c\nd\te\b\f\r\u0001é🚀""#)
    }

    func testNeo4jCSVQuotingAndHeaders() throws {
        let dir = try makeTemporaryDirectory()
        _ = try writeExports(smallGraph(), formats: [.neo4j], to: dir, options: ExportOptions())
        let nodes = try read(dir + "/neo4j/nodes.csv").split(separator: "\n").map(String.init)
        XCTAssertEqual(nodes[0], "id:ID,:LABEL,label,aliases:string[],sources:string[],kind,amount:double,currency,date")
        XCTAssertTrue(nodes.contains(#""deal:investment-microsoft-openai","Deal","Microsoft → OpenAI investment ($10B)",,"en-01","investment",10000000000,"USD","2023-01-23""#), "\(nodes)")
        XCTAssertTrue(nodes.contains(#""org:openai","Organization","OpenAI","Open AI;OpenAI","en-01;en-02",,,,"#))
        let rels = try read(dir + "/neo4j/relationships.csv")
        XCTAssertTrue(rels.contains(#""person:sam-altman","org:openai","ROLE","ceo","ceo;founder","en-01","Sam Altman, CEO of OpenAI, said ""yes"".","en-01",12,50"#), rels)
    }

    func testRDFTriplesOfANodeAndAnEdge() {
        let g = smallGraph()
        let deal = RDFTriples.ntriples(node: g.nodes["deal:partnership-a-b"]!)
        XCTAssertTrue(deal.contains("<urn:newsgraph:deal:partnership-a-b/amount> <https://schema.org/value> \"1.5E-7\"^^<http://www.w3.org/2001/XMLSchema#double> ."), "\(deal)")
        XCTAssertTrue(deal.contains("<urn:newsgraph:deal:partnership-a-b> <https://schema.org/name> \"A & B <partnership>\" ."))
        let e = RDFTriples.ntriples(edge: g.edges[EdgeKey(source: "person:sam-altman", type: .role, target: "org:openai")]!)
        XCTAssertTrue(e.contains("<urn:newsgraph:edge:person:sam-altman/role/org:openai> <https://newsgraph.dev/vocab#evidence> \"Sam Altman, CEO of OpenAI, said \\\"yes\\\".\" ."), "\(e)")
        XCTAssertEqual(e.count, 13)
        XCTAssertEqual(RDFTriples.canonicalDouble(2.5), "2.5E0")
        XCTAssertEqual(RDFTriples.canonicalDouble(1e25), "1.0E25")
    }
}
