import Diffing
import GraphInterchange
import GraphModel
import XCTest

final class RDFPatchRendererTests: XCTestCase {
    /// Every triple of a graph's JSON-LD export.
    func triples(_ g: KnowledgeGraph) -> Set<String> {
        var t: Set<String> = []
        for n in g.nodes.values { t.formUnion(RDFTriples.ntriples(node: n)) }
        for e in g.edges.values { t.formUnion(RDFTriples.ntriples(edge: e)) }
        return t
    }

    /// Applies a patch the way an RDF store does: `D` removes a triple, `A` adds one.
    func apply(_ patch: String, to store: Set<String>) throws -> Set<String> {
        var store = store
        for line in patch.split(separator: "\n") {
            if line.hasPrefix("D ") {
                let t = String(line.dropFirst(2))
                XCTAssertNotNil(store.remove(t), "D of a triple the store does not hold: \(t)")
            } else if line.hasPrefix("A ") {
                let t = String(line.dropFirst(2))
                XCTAssertTrue(store.insert(t).inserted, "A of a triple the store holds: \(t)")
            } else {
                XCTAssertTrue(line == "TX ." || line == "TC ." || line.hasPrefix("H id <urn:uuid:"), "bad line \(line)")
            }
        }
        return store
    }

    func testPatchTurnsOldTriplesIntoNewTriples() throws {
        let (old, new) = (DiffFixtures.oldGraph, DiffFixtures.newGraph)
        let patch = RDFPatchRenderer(triples: .jsonld).render(GraphDiff(old: old, new: new))
        XCTAssertEqual(try apply(patch, to: triples(old)), triples(new))
        // Unchanged elements contribute nothing: Google is in neither a D nor an A line.
        XCTAssertFalse(patch.contains("org:google>"))
        // A changed amount is one D and one A of its value, not a rewrite of the whole deal.
        let valueLines = patch.split(separator: "\n").filter { $0.contains("<https://schema.org/value>") }
        XCTAssertEqual(valueLines.count, 2)
        XCTAssertTrue(valueLines[0].hasPrefix("D ") && valueLines[0].contains("\"10000000000\""))
        XCTAssertTrue(valueLines[1].hasPrefix("A ") && valueLines[1].contains("\"13000000000\""))
    }

    func testReversePatchUndoes() throws {
        let (old, new) = (DiffFixtures.oldGraph, DiffFixtures.newGraph)
        let forward = RDFPatchRenderer(triples: .jsonld).render(GraphDiff(old: old, new: new))
        let back = RDFPatchRenderer(triples: .jsonld).render(GraphDiff(old: new, new: old))
        XCTAssertEqual(try apply(back, to: try apply(forward, to: triples(old))), triples(old))
    }

    func testHeaderIdIsDeterministicAndDependsOnContent() {
        let (old, new) = (DiffFixtures.oldGraph, DiffFixtures.newGraph)
        let a = RDFPatchRenderer(triples: .jsonld).render(GraphDiff(old: old, new: new))
        let b = RDFPatchRenderer(triples: .jsonld).render(GraphDiff(old: new, new: old))
        let header = { (p: String) in String(p.prefix { $0 != "\n" }) }
        XCTAssertEqual(header(a), header(RDFPatchRenderer(triples: .jsonld).render(GraphDiff(old: old, new: new))))
        XCTAssertNotEqual(header(a), header(b))
        // RFC 9562 version 8, variant 10.
        let uuid = header(a).dropFirst("H id <urn:uuid:".count).prefix(36)
        XCTAssertEqual(uuid.count, 36)
        XCTAssertEqual(Array(uuid)[14], "8")
        XCTAssertTrue("89ab".contains(Array(uuid)[19]))
        XCTAssertTrue(a.hasSuffix("TC .\n"))
    }

    func testEqualGraphsGiveAnEmptyPatch() {
        let g = DiffFixtures.oldGraph
        XCTAssertEqual(RDFPatchRenderer(triples: .jsonld).render(GraphDiff(old: g, new: g)), "")
    }

    func testHostileStringsStayOneLinePerTriple() throws {
        let (old, new) = DiffFixtures.adversarialPair()
        let clean = { (g: KnowledgeGraph) in PreparedGraph(g).graph }
        let (o, n) = (clean(old), clean(new))
        let patch = RDFPatchRenderer(triples: .jsonld).render(GraphDiff(old: o, new: n))
        XCTAssertEqual(try apply(patch, to: triples(o)), triples(n))
        XCTAssertTrue(patch.contains(#""Line\nBreak\n2""#))
    }

    func testGolden() throws {
        let patch = RDFPatchRenderer(triples: .jsonld).render(GraphDiff(old: DiffFixtures.oldGraph, new: DiffFixtures.newGraph))
        try assertGolden(patch, "RDFPatchRendererTests.testGolden.rdfp")
    }
}
