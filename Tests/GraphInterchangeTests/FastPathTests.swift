import Foundation
import XCTest
import GraphModel
@testable import GraphInterchange
import NewsgraphTestSupport

/// The fast paths of the interchange stage against the slow, obviously right ones: the GraphML
/// writer that escapes by itself against the one that lets libxml2 escape every string, and the
/// prepared graph's integer-key edge order against a plain string sort.
final class FastPathTests: XCTestCase {
    /// Graphs that reach every branch of the writer: hazards in every string, non-ASCII ids
    /// (UTF-8 in attributes), empty labels and lists, no graph at all.
    func graphs() -> [(String, KnowledgeGraph)] {
        let odd = KnowledgeGraph(nodes: [
            Node(id: "org:empty", type: .organization, label: ""),
            Node(id: "org:zürich-名-שלום", type: .organization, label: "\r\n\t\"'<>&]]>", aliases: ["b", "a", "c|d"],
                 sources: ["s3", "s1", "s2"]),
            Node(id: "deal:x", type: .deal, label: "D", kind: "", amount: -0.25, currency: "", date: ""),
        ], edges: [
            Edge(source: "org:empty", target: "org:zürich-名-שלום", type: .role, roles: ["board member", "ceo", "cfo"],
                 evidence: Evidence(article: "", sentence: "", start: -1, end: 0)),
            Edge(source: "org:dangling\n", target: "org:empty", type: .competesWith),
        ])
        return [("adversarial", AdversarialGraph.make()), ("odd", odd), ("empty", KnowledgeGraph()),
                ("synthetic", AdversarialGraph.synthetic(nodes: 300, edges: 900))]
    }

    func write(_ body: (OutputFile) throws -> Void) throws -> Data {
        let dir = try makeTemporaryDirectory()
        let out = try OutputFile(path: dir + "/g.graphml")
        try body(out)
        try out.commit()
        return try Data(contentsOf: URL(fileURLWithPath: dir + "/g.graphml"))
    }

    func testGraphMLFastPathWritesLibXMLsBytes() throws {
        for (name, g) in graphs() {
            let p = PreparedGraph(g)
            for profile in GraphMLProfile.allCases {
                let fast = try write { try GraphMLSerializer.write(p, profile: profile, to: $0) }
                let reference = try write { try GraphMLReferenceWriter.write(p, profile: profile, to: $0) }
                XCTAssertGreaterThan(fast.count, 300, name)
                if fast != reference, let dir = ProcessInfo.processInfo.environment["NEWSGRAPH_FASTPATH_DIFF_DIR"] {
                    try fast.write(to: URL(fileURLWithPath: "\(dir)/\(name)-\(profile)-fast.graphml"))
                    try reference.write(to: URL(fileURLWithPath: "\(dir)/\(name)-\(profile)-reference.graphml"))
                }
                XCTAssertTrue(fast == reference, "\(name) \(profile): the fast GraphML writer differs from libxml2's per-call writer (set NEWSGRAPH_FASTPATH_DIFF_DIR to see both)")
            }
        }
    }

    func testAttributeEscapingMatchesLibXML() throws {
        let b = ByteBuilder(capacity: 4)
        b.xmlAttribute("a\"<>&\t\n\rü名🚀z")
        XCTAssertEqual(String(decoding: b.bytes, as: UTF8.self), "a&quot;&lt;&gt;&amp;&#9;&#10;&#13;ü名🚀z")
        b.removeAll()
        b.xmlText("a\"<>&\t\n\rü")
        XCTAssertEqual(String(decoding: b.bytes, as: UTF8.self), "a&quot;&lt;&gt;&amp;\t\n&#13;ü")
        b.removeAll()
        for v in [0, 7, -12, 1_234_567_890, Int.min + 1] { b.int(v); b.byte(0x20) }
        XCTAssertEqual(String(decoding: b.bytes, as: UTF8.self), "0 7 -12 1234567890 \(Int.min + 1) ")
    }

    func testPreparedOrderIsByteOrderAndCollidingIdsMerge() {
        let g = AdversarialGraph.synthetic(nodes: 500, edges: 1500)
        let p = PreparedGraph(g)
        XCTAssertEqual(p.nodes.map(\.id), g.nodes.keys.sorted(by: ExportText.less))
        let keys = g.edges.keys.sorted { a, b in
            let c = ExportText.compare(a.source, b.source)
            if c != 0 { return c < 0 }
            if a.type != b.type { return a.type.rawValue < b.type.rawValue }
            return ExportText.less(a.target, b.target)
        }
        XCTAssertEqual(p.edges.map(\.key), keys)
        XCTAssertTrue(p.warnings.isEmpty)
        XCTAssertEqual(p.graph, g)

        // "org:a\u{1}" cleans to "org:a": one node, both edges' endpoints renamed, the two
        // competes_with edges become one with both sources.
        let c = KnowledgeGraph(nodes: [
            Node(id: "org:a", type: .organization, label: "A", sources: ["s1"]),
            Node(id: "org:a\u{1}", type: .organization, label: "Aa", sources: ["s2"]),
            Node(id: "org:b", type: .organization, label: "B"),
        ], edges: [
            Edge(source: "org:a", target: "org:b", type: .competesWith, sources: ["s1"]),
            Edge(source: "org:a\u{1}", target: "org:b", type: .competesWith, sources: ["s2"]),
        ])
        let q = PreparedGraph(c)
        XCTAssertEqual(q.nodes.map(\.id), ["org:a", "org:b"])
        XCTAssertEqual(q.nodes[0].label, "Aa")
        XCTAssertEqual(q.nodes[0].sources, ["s1", "s2"])
        XCTAssertEqual(q.edges.count, 1)
        XCTAssertEqual(q.edges[0].sources, ["s1", "s2"])
        XCTAssertEqual(q.warnings, ["warning: dropped 2 characters that XML 1.0 cannot hold (control characters, U+FFFE, U+FFFF) from the exports"])
        XCTAssertEqual(q.graph.nodes.count, 2)
    }

    func testParallelChunksWriteInOrder() throws {
        var written: [UInt8] = []
        try ParallelChunks.run(count: 10_007, chunk: 7, format: { r, b in
            for i in r { b.int(i); b.byte(0x0A) }
        }, write: { b in written.append(contentsOf: b.bytes) })
        XCTAssertEqual(String(decoding: written, as: UTF8.self), (0..<10_007).map { "\($0)\n" }.joined())
        struct Stop: Error {}
        var calls = 0
        XCTAssertThrowsError(try ParallelChunks.run(count: 1000, chunk: 10, format: { r, b in b.int(r.lowerBound) },
                                                    write: { _ in calls += 1; if calls == 3 { throw Stop() } })) { e in
            XCTAssertTrue(e is Stop)
        }
        XCTAssertEqual(calls, 3)
    }

    /// Forbidden characters dropped on the bytes; neighbours sharing a lead byte (U+FFFD,
    /// U+FF02) and tab, newline, CR kept.
    func testCleanDropsExactlyTheForbiddenCharacters() {
        var dropped = 0
        let s = ExportText.clean("a\u{1}b\u{FFFE}c\u{FFFF}d\u{FFFD}\u{FF02}\t\n\r\u{0}🚀\u{1F}", dropped: &dropped)
        XCTAssertEqual(s, "abcd\u{FFFD}\u{FF02}\t\n\r🚀")
        XCTAssertEqual(dropped, 5)
        XCTAssertEqual(ExportText.clean("\u{FFFD}\u{EFFF}x", dropped: &dropped), "\u{FFFD}\u{EFFF}x")
        XCTAssertEqual(dropped, 5)
    }

    /// Many edges per source (one hub) and ids whose first 16 bytes agree: the counting sort by
    /// source and the per-source sort must still give byte order of (source, type, target).
    func testEdgeOrderWithHubsAndLongCommonPrefixes() {
        let prefix = "org:" + String(repeating: "x", count: 20)
        var g = KnowledgeGraph()
        for i in 0..<300 { g.add(Node(id: prefix + "\((i * 7919) % 300)", type: .organization, label: "n")) }
        for i in 0..<300 {
            for t in [EdgeType.develops, .competesWith, .basedIn] {
                g.add(Edge(source: prefix + "0", target: prefix + "\((i * 31) % 300)", type: t))
                g.add(Edge(source: prefix + "\(i)", target: prefix + "\((i * 17) % 300)", type: t))
            }
        }
        let p = PreparedGraph(g)
        let keys = g.edges.keys.sorted { a, b in
            let c = ExportText.compare(a.source, b.source)
            if c != 0 { return c < 0 }
            if a.type != b.type { return a.type.rawValue < b.type.rawValue }
            return ExportText.less(a.target, b.target)
        }
        XCTAssertEqual(p.edges.count, g.edges.count)
        XCTAssertEqual(p.edges.map(\.key), keys)
    }
}
