import GraphInterchange
import GraphModel

/// Where the patch gets the RDF of one node or edge: the N-Triples lines (`<s> <p> <o> .`) that
/// the JSON-LD export yields for it. `.jsonld` is the real export (GraphInterchange.RDFTriples).
public struct TripleSource: Sendable {
    public var node: @Sendable (Node) -> [String]
    public var edge: @Sendable (Edge) -> [String]

    public init(node: @escaping @Sendable (Node) -> [String], edge: @escaping @Sendable (Edge) -> [String]) {
        self.node = node
        self.edge = edge
    }

    /// The triples `graph.jsonld` holds for each element, as pyld's `to_rdf` reads them.
    public static let jsonld = TripleSource(node: { RDFTriples.ntriples(node: $0) },
                                            edge: { RDFTriples.ntriples(edge: $0) })
}

/// An RDF Patch (https://afs.github.io/rdf-patch/) that turns the old graph's JSON-LD triples
/// into the new graph's, so an RDF store loaded from the old `graph.jsonld` can be updated in
/// place instead of reloaded:
///
///     H id <urn:uuid:3f2a…> .
///     TX .
///     D <urn:newsgraph:org:openai> <https://schema.org/alternateName> "Open AI" .
///     A <urn:newsgraph:org:openai> <https://newsgraph.dev/vocab#sources> "en-09" .
///     TC .
///
/// Only elements that differ are expanded to triples: removed elements give `D` lines, added
/// ones `A` lines, and a changed element `D` for its old triples missing from its new ones and
/// `A` for the reverse. Deletions come first, each group in the diff's element order, so the
/// patch is deterministic. The `H id` is a version-8 UUID hashed from the patch body: the same
/// change always has the same id, and no clock or random source is read. Equal graphs give an
/// empty patch (no transaction at all).
///
/// Assumes what the JSON-LD export guarantees: every triple belongs to one element (its subject
/// is the node's, the edge's or the node's amount's IRI), so triples of unchanged elements never
/// need to be read.
public struct RDFPatchRenderer: DiffRenderer {
    public var triples: TripleSource

    public init(triples: TripleSource) {
        self.triples = triples
    }

    public func render(_ diff: GraphDiff) -> String {
        if diff.isEmpty { return "" }
        var deleted: [String] = [], addedLines: [String] = []
        var oldSet: Set<String> = [], newSet: Set<String> = []
        // Old and new triples of every touched element, in element order.
        var olds: [[String]] = [], news: [[String]] = []
        for n in diff.removedNodes { olds.append(triples.node(n)) }
        for c in diff.changedNodes { olds.append(triples.node(c.old)); news.append(triples.node(c.new)) }
        for n in diff.addedNodes { news.append(triples.node(n)) }
        for e in diff.removedEdges { olds.append(triples.edge(e)) }
        for c in diff.changedEdges { olds.append(triples.edge(c.old)); news.append(triples.edge(c.new)) }
        for e in diff.addedEdges { news.append(triples.edge(e)) }
        for group in olds { for t in group { oldSet.insert(RDFPatchRenderer.normalized(t)) } }
        for group in news { for t in group { newSet.insert(RDFPatchRenderer.normalized(t)) } }

        var seen: Set<String> = []
        for group in olds {
            for raw in group {
                let t = RDFPatchRenderer.normalized(raw)
                if !newSet.contains(t), seen.insert(t).inserted { deleted.append("D " + t) }
            }
        }
        for group in news {
            for raw in group {
                let t = RDFPatchRenderer.normalized(raw)
                if !oldSet.contains(t), seen.insert(t).inserted { addedLines.append("A " + t) }
            }
        }
        if deleted.isEmpty && addedLines.isEmpty { return "" }

        var body = "TX .\n"
        for l in deleted { body += l; body += "\n" }
        for l in addedLines { body += l; body += "\n" }
        body += "TC .\n"
        return "H id <urn:uuid:\(RDFPatchRenderer.uuid(of: body))> .\n" + body
    }

    /// One N-Triples statement on one line ending in ` .`, whatever trailing space or newline
    /// the source gave.
    static func normalized(_ triple: String) -> String {
        var s = Substring(triple)
        while let last = s.utf8.last, last == 0x0A || last == 0x0D || last == 0x20 || last == 0x09 { s = s.dropLast() }
        if s.hasSuffix(" .") { return String(s) }
        if s.hasSuffix(".") { return String(s.dropLast()) + " ." }
        return String(s) + " ."
    }

    /// A version-8 (RFC 9562 "custom") UUID from two differently seeded 64-bit FNV-1a hashes of
    /// the body, each finished with a splitmix64 mix. An identifier, not a checksum against
    /// tampering.
    static func uuid(of body: String) -> String {
        var a: UInt64 = 0xCBF2_9CE4_8422_2325, b: UInt64 = 0x8422_2325_CBF2_9CE4
        for byte in body.utf8 {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        func mix(_ x: UInt64) -> UInt64 {
            var z = x &+ 0x9E37_79B9_7F4A_7C15
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let hi = (mix(a) & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_8000  // version 8
        let lo = (mix(b) & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000  // variant 10
        func hex(_ v: UInt64, _ digits: Int) -> String {
            let s = String(v, radix: 16)
            return String(repeating: "0", count: digits - s.count) + s
        }
        let h = hex(hi, 16), l = hex(lo, 16)
        return "\(h.prefix(8))-\(h.dropFirst(8).prefix(4))-\(h.suffix(4))-\(l.prefix(4))-\(l.suffix(12))"
    }
}
