import GraphModel

/// Writes `graph.jsonld`: JSON-LD 1.1 with an inline `@context`, one object per line in a
/// `@graph`: nodes by id, then edges by source, type, target.
///
/// A node: `@id` `urn:newsgraph:<id>`, `@type`, `identifier` (the id), `name`, `alternateName`,
/// `sources`, and for deals `kind`, `date` and `amount` (an object with its own IRI, `value` and
/// `currency`). An edge is a reified object with its own IRI, `source`, `target`, `edgeType`
/// (`role`, `party`, ...), `roleName`, `roles`, `sources` and the evidence; no triple links two
/// node IRIs directly, so an RDF reader finds exactly the graph's edges.
///
/// Does not hold: characters XML 1.0 forbids (dropped in every format, so all agree). The
/// amount object carries no `@type` MonetaryAmount: a typed resource would count as one more
/// node for RDF consumers that take every typed subject as a node (the shared validator does).
struct JSONLDSerializer: GraphSerializer {
    var fileNames: [String] { ["graph.jsonld"] }

    func write(_ g: PreparedGraph, to dir: String, options: ExportOptions) throws -> [String] {
        let out = try OutputFile(path: joinPath(dir, "graph.jsonld"))
        try JSONLDSerializer.write(g, to: out)
        try out.commit()
        return []
    }

    /// Elements formatted per chunk on every core (`ParallelChunks`), written in order.
    static func write(_ g: PreparedGraph, to out: OutputFile) throws {
        try out.text("{\n")
        try out.text(JSONLD.context)
        try out.text(",\n  \"@graph\": [")
        let nodes = g.nodes, edges = g.edges
        let write: (ByteBuilder) throws -> Void = { b in try out.bytes(b.bytes) }
        try ParallelChunks.run(count: nodes.count, chunk: 2048, format: { r, b in
            for i in r {
                b.append(i == 0 ? "\n    " : ",\n    ")
                node(nodes[i], to: b)
            }
        }, write: write)
        try ParallelChunks.run(count: edges.count, chunk: 2048, format: { r, b in
            for i in r {
                b.append(i == 0 && nodes.isEmpty ? "\n    " : ",\n    ")
                edge(edges[i], to: b)
            }
        }, write: write)
        try out.text(nodes.isEmpty && edges.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
    }

    static func node(_ n: Node, to b: ByteBuilder) {
        b.append("{\"@id\": ")
        iri(JSONLD.nodePrefix, n.id, to: b)
        b.append(", \"@type\": ")
        string(n.type.rawValue, to: b)
        b.append(", \"identifier\": ")
        string(n.id, to: b)
        b.append(", \"name\": ")
        string(n.label, to: b)
        if !n.aliases.isEmpty {
            b.append(", \"alternateName\": ")
            array(n.aliases, to: b)
        }
        if !n.sources.isEmpty {
            b.append(", \"sources\": ")
            array(n.sources, to: b)
        }
        if let k = n.kind {
            b.append(", \"kind\": ")
            string(k, to: b)
        }
        if let d = n.date {
            b.append(", \"date\": ")
            string(d, to: b)
        }
        if let a = n.amount {
            b.append(", \"amount\": {\"@id\": ")
            iri(JSONLD.nodePrefix, n.id, suffix: "/amount", to: b)
            b.append(", \"value\": ")
            b.append(ExportText.number(a))
            if let c = n.currency {
                b.append(", \"currency\": ")
                string(c, to: b)
            }
            b.byte(0x7D)
        } else if let c = n.currency {
            b.append(", \"currency\": ")
            string(c, to: b)
        }
        b.byte(0x7D)
    }

    static func edge(_ e: Edge, to b: ByteBuilder) {
        b.append("{\"@id\": \"")
        b.append(JSONLD.edgePrefix)
        iriSafe(e.source, to: b)
        b.byte(0x2F)
        b.append(e.type.rawValue)
        b.byte(0x2F)
        iriSafe(e.target, to: b)
        b.byte(0x22)
        b.append(JSONLD.hasRole(e.type) ? ", \"@type\": [\"Edge\", \"OrganizationRole\"]" : ", \"@type\": \"Edge\"")
        b.append(", \"source\": ")
        iri(JSONLD.nodePrefix, e.source, to: b)
        b.append(", \"target\": ")
        iri(JSONLD.nodePrefix, e.target, to: b)
        b.append(", \"edgeType\": ")
        string(e.type.rawValue, to: b)
        if let r = e.primaryRole {
            b.append(", \"roleName\": ")
            string(r, to: b)
        }
        if !e.roles.isEmpty {
            b.append(", \"roles\": ")
            array(e.roles, to: b)
        }
        if !e.sources.isEmpty {
            b.append(", \"sources\": ")
            array(e.sources, to: b)
        }
        if let ev = e.evidence {
            b.append(", \"evidence\": ")
            string(ev.sentence, to: b)
            b.append(", \"evidenceArticle\": ")
            string(ev.article, to: b)
            b.append(", \"evidenceStart\": ")
            b.int(ev.start)
            b.append(", \"evidenceEnd\": ")
            b.int(ev.end)
        }
        b.byte(0x7D)
    }

    /// `"<prefix><id, percent-encoded><suffix>"`: what `JSONLD.nodeIRI` spells, without building
    /// it. Percent-encoding leaves nothing JSON must escape (`"`, `\\`, controls are encoded).
    @inline(__always)
    static func iri(_ prefix: String, _ id: String, suffix: StaticString = "", to b: ByteBuilder) {
        b.byte(0x22)
        b.append(prefix)
        iriSafe(id, to: b)
        b.append(suffix)
        b.byte(0x22)
    }

    /// `JSONLD.iriSafe` written into `b`.
    static func iriSafe(_ s: String, to b: ByteBuilder) {
        var s = s
        s.withUTF8 { u in
            var start = 0
            for i in 0..<u.count where JSONLD.needsPercent(u[i]) {
                b.append(UnsafeBufferPointer(rebasing: u[start..<i]))
                let hex: StaticString = "0123456789ABCDEF"
                b.byte(0x25)
                b.byte(hex.utf8Start[Int(u[i] >> 4)])
                b.byte(hex.utf8Start[Int(u[i] & 15)])
                start = i + 1
            }
            b.append(UnsafeBufferPointer(rebasing: u[start..<u.count]))
        }
    }

    /// A JSON array of a set's items in byte order (no array built for one or two items).
    static func array(_ s: StringSet, to b: ByteBuilder) {
        b.byte(0x5B)
        switch s.count {
        case 0: break
        case 1: string(s[0], to: b)
        case 2:
            var x = s[0], y = s[1]
            if ExportText.less(y, x) { swap(&x, &y) }
            string(x, to: b)
            b.append(", ")
            string(y, to: b)
        default:
            for (i, item) in ExportText.sorted(s).enumerated() {
                if i > 0 { b.append(", ") }
                string(item, to: b)
            }
        }
        b.byte(0x5D)
    }

    /// A JSON string: `"` and `\\` escaped, control characters as `\\n`, `\\t`, ... or `\\u00XX`;
    /// everything else as raw UTF-8. Works on bytes.
    static func string(_ s: String, to b: ByteBuilder) {
        b.byte(0x22)
        var s = s
        s.withUTF8 { u in
            var start = 0
            for i in 0..<u.count {
                let c = u[i]
                guard c < 0x20 || c == 0x22 || c == 0x5C else { continue }
                b.append(UnsafeBufferPointer(rebasing: u[start..<i]))
                b.byte(0x5C)
                switch c {
                case 0x22, 0x5C: b.byte(c)
                case 0x0A: b.byte(0x6E)
                case 0x0D: b.byte(0x72)
                case 0x09: b.byte(0x74)
                case 0x08: b.byte(0x62)
                case 0x0C: b.byte(0x66)
                default:
                    let hex: StaticString = "0123456789abcdef"
                    b.append("u00")
                    b.byte(hex.utf8Start[Int(c >> 4)])
                    b.byte(hex.utf8Start[Int(c & 15)])
                }
                start = i + 1
            }
            b.append(UnsafeBufferPointer(rebasing: u[start..<u.count]))
        }
        b.byte(0x22)
    }
}
