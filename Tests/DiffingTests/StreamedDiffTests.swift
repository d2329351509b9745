import Diffing
import Foundation
@testable import GraphInterchange
import GraphModel
import XCTest

/// The streamed diff of two JSON-LD exports gives, byte for byte, the reports of the diff of the
/// two graphs read back; and it declines (nil) every file where that shortcut could differ.
final class StreamedDiffTests: XCTestCase {
    var tmp = ""

    override func setUpWithError() throws {
        tmp = NSTemporaryDirectory() + "newsgraph-streamed-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: tmp)
    }

    func export(_ g: KnowledgeGraph, _ name: String) throws -> String {
        _ = try writeExports(g, formats: [.jsonld], to: tmp + "/" + name, options: ExportOptions())
        return tmp + "/" + name + "/graph.jsonld"
    }

    func file(_ name: String, _ items: [String]) throws -> String {
        let path = tmp + "/" + name + ".jsonld"
        let text = "{\"@context\": {\"@vocab\": \"https://schema.org/\"},\n \"@graph\": [\n" + items.joined(separator: ",\n") + "\n]}\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Every report but DOT (which draws unchanged parts) from both routes.
    func assertSameReports(_ a: String, _ b: String, chunk: Int = 4 << 20, file: StaticString = #filePath, line: UInt = #line) throws {
        guard let streamed = StreamedDiff.diff(old: a, new: b, chunk: chunk) else {
            return XCTFail("declined \(a) → \(b)", file: file, line: line)
        }
        XCTAssertNil(streamed.old, file: file, line: line)
        let full = GraphDiff(old: try readGraph(at: a), new: try readGraph(at: b))
        XCTAssertEqual(streamed.oldSize, GraphSize(nodes: full.old!.nodes.count, edges: full.old!.edges.count), file: file, line: line)
        XCTAssertEqual(streamed.newSize, GraphSize(nodes: full.new!.nodes.count, edges: full.new!.edges.count), file: file, line: line)
        for format in [DiffFormat.text, .json, .patch] {
            let options = DiffRenderOptions(color: true, oldName: a, newName: b)
            XCTAssertEqual(format.renderer(options).render(streamed), format.renderer(options).render(full),
                           "\(format) \(a) → \(b), chunk \(chunk)", file: file, line: line)
        }
    }

    func testSameReportsAsTheFullDiffBothWays() throws {
        let old = try export(DiffFixtures.oldGraph, "old"), new = try export(DiffFixtures.newGraph, "new")
        let (h0, h1) = DiffFixtures.adversarialPair()
        let hOld = try export(h0, "h-old"), hNew = try export(h1, "h-new")
        for chunk in [4 << 20, 7] {  // 7 bytes: every value cut by the window at some point
            try assertSameReports(old, new, chunk: chunk)
            try assertSameReports(new, old, chunk: chunk)
            try assertSameReports(hOld, hNew, chunk: chunk)
            try assertSameReports(hNew, hOld, chunk: chunk)
            try assertSameReports(old, hNew, chunk: chunk)
        }
        let same = try XCTUnwrap(StreamedDiff.diff(old: old, new: old))
        XCTAssertTrue(same.isEmpty)
        XCTAssertEqual(TextDiffRenderer().render(same), "no differences: 6 nodes, 5 edges\n")
        let d = try XCTUnwrap(StreamedDiff.diff(old: old, new: new))
        XCTAssertEqual(d.addedNodes.map(\.id), ["org:quantiva-labs"])
        XCTAssertEqual(d.removedNodes.map(\.id), ["org:oldco"])
        XCTAssertEqual(d.changedNodes.map(\.id), ["deal:microsoft-openai-investment", "org:openai"])
        XCTAssertEqual(d.changedEdges.map(\.key.source), ["person:brad-smith"])
    }

    /// Synthetic graphs big enough for many batches, against the in-memory diff of the same graphs.
    func testManyBatches() throws {
        let (a, b) = SyntheticGraphs.pair(nodes: 3000)
        let old = try export(a, "s-old"), new = try export(b, "s-new")
        let streamed = try XCTUnwrap(StreamedDiff.diff(old: old, new: new, chunk: 1000))
        let full = GraphDiff(old: a, new: b)
        XCTAssertGreaterThan(full.changedEdges.count + full.addedEdges.count, 10)
        XCTAssertEqual(TextDiffRenderer().render(streamed), TextDiffRenderer().render(full))
        XCTAssertEqual(JSONDiffRenderer().render(streamed), JSONDiffRenderer().render(full))
    }

    /// Items written another way (keys reordered, escapes, percent-encoded and foreign-looking
    /// values, an amount) but in our order are read by the full item code and still match.
    func testItemsInAnotherSpellingStillMatch() throws {
        let a = try file("a", [
            #"{"identifier": "org:a\u0062", "@type": "Organization", "name": "A", "sources": "s1"}"#,
            #"{"@type": ["Thing", "Deal"], "identifier": "org:c", "name": "Deal \"C\"", "amount": {"value": 1.5e3, "currency": "SEK"}}"#,
            #"{"source": "urn:newsgraph:org:a%62", "target": "urn:newsgraph:org:c", "edgeType": "party", "roles": ["investor"], "evidenceStart": 3, "evidenceEnd": 9}"#,
        ])
        let b = try file("b", [
            #"{"@type": "Organization", "identifier": "org:ab", "name": "A", "sources": ["s1", "s2"]}"#,
            #"{"identifier": "org:c", "@type": "Deal", "name": "Deal \"C\"", "amount": {"currency": "SEK", "value": 1500}}"#,
            #"{"edgeType": "party", "target": "urn:newsgraph:org:c", "source": "urn:newsgraph:org:ab", "roles": "investor", "evidenceStart": 3, "evidenceEnd": 9}"#,
        ])
        try assertSameReports(a, b)
        try assertSameReports(a, b, chunk: 5)
        let d = try XCTUnwrap(StreamedDiff.diff(old: a, new: b))
        XCTAssertEqual(d.changedNodes.map(\.id), ["org:ab"])  // the deal's amount is the same number
        XCTAssertEqual(d.changedEdges.count, 0)
    }

    func testDeclinesWhatTheShortcutCannotTell() throws {
        let sorted = try file("sorted", [
            #"{"identifier": "org:a", "@type": "Organization", "name": "A"}"#,
            #"{"identifier": "org:b", "@type": "Organization", "name": "B"}"#,
        ])
        let unsorted = try file("unsorted", [
            #"{"identifier": "org:b", "@type": "Organization", "name": "B"}"#,
            #"{"identifier": "org:a", "@type": "Organization", "name": "A"}"#,
        ])
        // Read as one graph by the full reader, which merges the two reports of org:a.
        let repeated = try file("repeated", [
            #"{"identifier": "org:a", "@type": "Organization", "name": "A"}"#,
            #"{"identifier": "org:a", "@type": "Organization", "name": "A2"}"#,
        ])
        let nodeAfterEdge = try file("late", [
            #"{"source": "urn:newsgraph:org:a", "target": "urn:newsgraph:org:b", "edgeType": "develops"}"#,
            #"{"identifier": "org:a", "@type": "Organization", "name": "A"}"#,
        ])
        // é as e + U+0301: the same id as the precomposed one to Swift, other bytes.
        let decomposed = try file("nfd", [#"{"identifier": "org:caf\#u{65}\#u{301}", "@type": "Organization", "name": "X"}"#])
        let composed = try file("nfc", [#"{"identifier": "org:caf\#u{E9}", "@type": "Organization", "name": "X"}"#])
        let broken = try file("broken", [#"{"identifier": "org:a", "@type": "Robot", "name": "A"}"#])
        XCTAssertNotNil(StreamedDiff.diff(old: sorted, new: sorted))
        for (a, b) in [(sorted, unsorted), (unsorted, sorted), (sorted, repeated), (nodeAfterEdge, sorted),
                       (decomposed, composed), (sorted, broken), (broken, sorted), (sorted, tmp + "/missing.jsonld")] {
            XCTAssertNil(StreamedDiff.diff(old: a, new: b), "\(a) → \(b)")
        }
        // What the full diff makes of the NFD/NFC pair: one node, unchanged.
        XCTAssertTrue(GraphDiff(old: try readGraph(at: decomposed), new: try readGraph(at: composed)).isEmpty)
        XCTAssertThrowsError(try readGraph(at: broken))
        // Non-ASCII ids already in NFC stream as usual.
        XCTAssertNotNil(StreamedDiff.diff(old: composed, new: composed))
    }
}

/// The merge-join of parsed elements (GraphML, or GraphML against JSON-LD) gives the reports of
/// the diff of the two graphs read back, and declines files that are not sorted.
final class ElementStreamDiffTests: XCTestCase {
    var tmp = ""

    override func setUpWithError() throws {
        tmp = NSTemporaryDirectory() + "newsgraph-elements-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: tmp)
    }

    func export(_ g: KnowledgeGraph, _ name: String) throws -> String {
        _ = try writeExports(g, formats: [.graphml, .jsonld], to: tmp + "/" + name, options: ExportOptions())
        return tmp + "/" + name
    }

    func testSameReportsAsTheFullDiff() throws {
        let (h0, h1) = DiffFixtures.adversarialPair()
        let (s0, s1) = SyntheticGraphs.pair(nodes: 3000)
        let dirs = [try export(DiffFixtures.oldGraph, "old"), try export(DiffFixtures.newGraph, "new"),
                    try export(h0, "h0"), try export(h1, "h1"), try export(s0, "s0"), try export(s1, "s1")]
        for (a, b) in [(0, 1), (1, 0), (2, 3), (3, 2), (4, 5), (0, 3), (1, 1)] {
            for (x, y) in [("graph.graphml", "graph.graphml"), ("graph.graphml", "graph.jsonld"), ("graph.jsonld", "graph.graphml")] {
                let old = dirs[a] + "/" + x, new = dirs[b] + "/" + y
                let streamed = try XCTUnwrap(ElementStreamDiff.diff(old: old, new: new), "\(old) → \(new)")
                let full = GraphDiff(old: try readGraph(at: old), new: try readGraph(at: new))
                XCTAssertNil(streamed.old)
                for format in [DiffFormat.text, .json, .patch] {
                    XCTAssertEqual(format.renderer().render(streamed), format.renderer().render(full), "\(format) \(old) → \(new)")
                }
            }
        }
        XCTAssertEqual(ElementStreamDiff.diff(old: dirs[0] + "/graph.graphml", new: dirs[1] + "/graph.graphml")?.removedNodes.map(\.id),
                       ["org:oldco"])
    }

    func testDeclinesUnsortedOrBrokenFiles() throws {
        let dir = try export(DiffFixtures.oldGraph, "old")
        let good = dir + "/graph.graphml"
        let text = try String(contentsOfFile: good, encoding: .utf8)
        // org:google's node block moved after org:oldco's: same graph, not in id order.
        let lines = text.components(separatedBy: "\n")
        let starts = lines.indices.filter { lines[$0].contains("<node id=") }
        let ends = lines.indices.filter { lines[$0].contains("</node>") }
        var swapped = lines
        let g = starts.firstIndex { lines[$0].contains("org:google") }!
        let blockA = Array(lines[starts[g]...ends[g]]), blockB = Array(lines[starts[g + 1]...ends[g + 1]])
        swapped.replaceSubrange(starts[g]...ends[g + 1], with: blockB + blockA)
        try swapped.joined(separator: "\n").write(toFile: tmp + "/unsorted.graphml", atomically: true, encoding: .utf8)
        XCTAssertEqual(try readGraph(at: tmp + "/unsorted.graphml"), try readGraph(at: good))
        XCTAssertNil(ElementStreamDiff.diff(old: tmp + "/unsorted.graphml", new: good))
        XCTAssertNil(ElementStreamDiff.diff(old: good, new: tmp + "/unsorted.graphml"))
        try text.replacingOccurrences(of: "</graphml>", with: "").write(toFile: tmp + "/cut.graphml", atomically: true, encoding: .utf8)
        XCTAssertNil(ElementStreamDiff.diff(old: good, new: tmp + "/cut.graphml"))
        XCTAssertNotNil(ElementStreamDiff.diff(old: good, new: good))
    }
}

/// The byte matchers of the JSON-LD readers know every type the model has (a case added to
/// NodeType or EdgeType without a matcher line would read as unknown).
final class JSONLDTypeNameTests: XCTestCase {
    func testEveryTypeNameIsMatched() {
        for t in NodeType.allCases {
            XCTAssertEqual(Array(t.rawValue.utf8).withUnsafeBufferPointer { TypeNames.nodeType($0) }, t)
        }
        for t in EdgeType.allCases {
            XCTAssertEqual(Array(t.rawValue.utf8).withUnsafeBufferPointer { TypeNames.edgeType($0) }, t)
        }
        for other in ["", "Deals", "deal", "role ", "Edge", "competes-with"] {
            XCTAssertNil(Array(other.utf8).withUnsafeBufferPointer { TypeNames.nodeType($0) })
            XCTAssertNil(Array(other.utf8).withUnsafeBufferPointer { TypeNames.edgeType($0) })
        }
    }
}
