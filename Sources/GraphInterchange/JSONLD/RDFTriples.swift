import GraphModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The N-Triples of one node or edge of `graph.jsonld`, exactly as pyld's `to_rdf` writes them
/// (same IRIs, same literal escaping, same number lexical forms), sorted. No blank nodes: the
/// deal amount has its own IRI. For RDF Patch (`A <s> <p> <o> .`) in the diff stage.
///
///     RDFTriples.ntriples(node: Node(id: "org:openai", type: .organization, label: "OpenAI"))
///     // <urn:newsgraph:org:openai> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Organization> .
///     // ...
///
/// Give it nodes and edges of a cleaned graph (`PreparedGraph`), as the export does; strings
/// holding characters XML 1.0 forbids are not what the export writes.
public enum RDFTriples {
    public static func ntriples(node n: Node) -> [String] {
        let s = "<" + JSONLD.nodeIRI(n.id) + ">"
        var t: [String] = []
        t.append(s + " <" + JSONLD.rdfType + "> <" + JSONLD.typeIRI(n.type) + "> .")
        t.append(s + " <" + JSONLD.schema + "identifier> " + literal(n.id) + " .")
        t.append(s + " <" + JSONLD.schema + "name> " + literal(n.label) + " .")
        for a in n.aliases { t.append(s + " <" + JSONLD.schema + "alternateName> " + literal(a) + " .") }
        for a in n.sources { t.append(s + " <" + JSONLD.vocab + "sources> " + literal(a) + " .") }
        if let k = n.kind { t.append(s + " <" + JSONLD.vocab + "kind> " + literal(k) + " .") }
        if let d = n.date { t.append(s + " <" + JSONLD.vocab + "date> " + literal(d) + " .") }
        if let a = n.amount {
            let m = "<" + JSONLD.amountIRI(n.id) + ">"
            t.append(s + " <" + JSONLD.schema + "amount> " + m + " .")
            t.append(m + " <" + JSONLD.schema + "value> " + number(a) + " .")
            if let c = n.currency { t.append(m + " <" + JSONLD.schema + "currency> " + literal(c) + " .") }
        } else if let c = n.currency {
            t.append(s + " <" + JSONLD.schema + "currency> " + literal(c) + " .")
        }
        return t.sorted()
    }

    public static func ntriples(edge e: Edge) -> [String] {
        let s = "<" + JSONLD.edgeIRI(e) + ">"
        var t: [String] = []
        t.append(s + " <" + JSONLD.rdfType + "> <" + JSONLD.vocab + "Edge> .")
        if JSONLD.hasRole(e.type) { t.append(s + " <" + JSONLD.rdfType + "> <" + JSONLD.schema + "OrganizationRole> .") }
        t.append(s + " <" + JSONLD.vocab + "source> <" + JSONLD.nodeIRI(e.source) + "> .")
        t.append(s + " <" + JSONLD.vocab + "target> <" + JSONLD.nodeIRI(e.target) + "> .")
        t.append(s + " <" + JSONLD.vocab + "edgeType> " + literal(e.type.rawValue) + " .")
        if let r = e.primaryRole { t.append(s + " <" + JSONLD.schema + "roleName> " + literal(r) + " .") }
        for r in e.roles { t.append(s + " <" + JSONLD.vocab + "roles> " + literal(r) + " .") }
        for r in e.sources { t.append(s + " <" + JSONLD.vocab + "sources> " + literal(r) + " .") }
        if let ev = e.evidence {
            t.append(s + " <" + JSONLD.vocab + "evidence> " + literal(ev.sentence) + " .")
            t.append(s + " <" + JSONLD.vocab + "evidenceArticle> " + literal(ev.article) + " .")
            t.append(s + " <" + JSONLD.vocab + "evidenceStart> \"\(ev.start)\"^^<" + JSONLD.xsdInteger + "> .")
            t.append(s + " <" + JSONLD.vocab + "evidenceEnd> \"\(ev.end)\"^^<" + JSONLD.xsdInteger + "> .")
        }
        return t.sorted()
    }

    /// A plain literal, escaped as pyld's N-Quads writer does: `\`, tab, newline, CR and `"`.
    static func literal(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\"": out += "\\\""
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }

    /// The literal pyld makes of the JSON number the export writes: whole numbers below 1e21
    /// are JSON integers (`xsd:integer`), the rest doubles in canonical form (`1.5E-7`).
    static func number(_ v: Double) -> String {
        if v == v.rounded(.towardZero) && abs(v) < 1e21 {
            return "\"" + ExportText.number(v) + "\"^^<" + JSONLD.xsdInteger + ">"
        }
        return "\"" + canonicalDouble(v) + "\"^^<" + JSONLD.xsdDouble + ">"
    }

    /// Python's `f'{v:1.15E}'` with trailing mantissa zeros and exponent zeros and `+` removed.
    static func canonicalDouble(_ v: Double) -> String {
        var buf = [UInt8](repeating: 0, count: 64)
        let len = withVaList([v]) { args in buf.withUnsafeMutableBufferPointer { p in
            p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: 64) { vsnprintf($0, 64, "%1.15E", args) } } }
        let f = String(decoding: buf[0..<Int(len)], as: UTF8.self)  // e.g. 2.500000000000000E+00
        guard let e = f.firstIndex(of: "E") else { return f }
        var mantissa = String(f[..<e])
        var exp = String(f[f.index(after: e)...])
        if mantissa.contains(".") {
            while mantissa.hasSuffix("0") { mantissa.removeLast() }
            if mantissa.hasSuffix(".") { mantissa += "0" }
        }
        var neg = false
        if exp.hasPrefix("+") { exp.removeFirst() } else if exp.hasPrefix("-") { neg = true; exp.removeFirst() }
        while exp.count > 1 && exp.hasPrefix("0") { exp.removeFirst() }
        return mantissa + "E" + (neg ? "-" : "") + exp
    }
}
