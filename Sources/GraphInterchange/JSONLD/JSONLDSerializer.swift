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

    static func write(_ g: PreparedGraph, to out: OutputFile) throws {
        try out.text("{\n")
        try out.text(JSONLD.context)
        try out.text(",\n  \"@graph\": [")
        var first = true
        func next() throws {
            try out.text(first ? "\n    " : ",\n    ")
            first = false
        }
        for n in g.nodes {
            try next()
            try out.text("{\"@id\": ")
            try string(JSONLD.nodeIRI(n.id), to: out)
            try out.text(", \"@type\": ")
            try string(n.type.rawValue, to: out)
            try out.text(", \"identifier\": ")
            try string(n.id, to: out)
            try out.text(", \"name\": ")
            try string(n.label, to: out)
            if !n.aliases.isEmpty {
                try out.text(", \"alternateName\": ")
                try array(n.aliases, to: out)
            }
            if !n.sources.isEmpty {
                try out.text(", \"sources\": ")
                try array(n.sources, to: out)
            }
            if let k = n.kind {
                try out.text(", \"kind\": ")
                try string(k, to: out)
            }
            if let d = n.date {
                try out.text(", \"date\": ")
                try string(d, to: out)
            }
            if let a = n.amount {
                try out.text(", \"amount\": {\"@id\": ")
                try string(JSONLD.amountIRI(n.id), to: out)
                try out.text(", \"value\": ")
                try out.text(ExportText.number(a))
                if let c = n.currency {
                    try out.text(", \"currency\": ")
                    try string(c, to: out)
                }
                try out.byte(0x7D)
            } else if let c = n.currency {
                try out.text(", \"currency\": ")
                try string(c, to: out)
            }
            try out.byte(0x7D)
        }
        for e in g.edges {
            try next()
            try out.text("{\"@id\": ")
            try string(JSONLD.edgeIRI(e), to: out)
            try out.text(JSONLD.hasRole(e.type) ? ", \"@type\": [\"Edge\", \"OrganizationRole\"]" : ", \"@type\": \"Edge\"")
            try out.text(", \"source\": ")
            try string(JSONLD.nodeIRI(e.source), to: out)
            try out.text(", \"target\": ")
            try string(JSONLD.nodeIRI(e.target), to: out)
            try out.text(", \"edgeType\": ")
            try string(e.type.rawValue, to: out)
            if let r = e.primaryRole {
                try out.text(", \"roleName\": ")
                try string(r, to: out)
            }
            if !e.roles.isEmpty {
                try out.text(", \"roles\": ")
                try array(e.roles, to: out)
            }
            if !e.sources.isEmpty {
                try out.text(", \"sources\": ")
                try array(e.sources, to: out)
            }
            if let ev = e.evidence {
                try out.text(", \"evidence\": ")
                try string(ev.sentence, to: out)
                try out.text(", \"evidenceArticle\": ")
                try string(ev.article, to: out)
                try out.text(", \"evidenceStart\": ")
                try out.int(ev.start)
                try out.text(", \"evidenceEnd\": ")
                try out.int(ev.end)
            }
            try out.byte(0x7D)
        }
        try out.text(first ? "]\n}\n" : "\n  ]\n}\n")
    }

    static func array(_ s: Set<String>, to out: OutputFile) throws {
        try out.byte(0x5B)
        for (i, item) in ExportText.sorted(s).enumerated() {
            if i > 0 { try out.text(", ") }
            try string(item, to: out)
        }
        try out.byte(0x5D)
    }

    /// A JSON string: `"` and `\` escaped, control characters as `\n`, `\t`, ... or `\u00XX`;
    /// everything else as raw UTF-8. Works on bytes.
    static func string(_ s: String, to out: OutputFile) throws {
        try out.byte(0x22)
        var s = s
        try s.withUTF8 { u in
            let raw = UnsafeRawBufferPointer(u)
            var start = 0
            for i in 0..<u.count {
                let b = u[i]
                guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
                try out.bytes(UnsafeRawBufferPointer(rebasing: raw[start..<i]))
                try out.byte(0x5C)
                switch b {
                case 0x22, 0x5C: try out.byte(b)
                case 0x0A: try out.byte(0x6E)
                case 0x0D: try out.byte(0x72)
                case 0x09: try out.byte(0x74)
                case 0x08: try out.byte(0x62)
                case 0x0C: try out.byte(0x66)
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    try out.text("u00")
                    try out.byte(hex[Int(b >> 4)])
                    try out.byte(hex[Int(b & 15)])
                }
                start = i + 1
            }
            try out.bytes(UnsafeRawBufferPointer(rebasing: raw[start..<u.count]))
        }
        try out.byte(0x22)
    }
}
