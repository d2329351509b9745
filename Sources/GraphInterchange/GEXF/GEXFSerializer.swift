import GraphModel
import LibXML

/// Writes `graph.gexf`: GEXF 1.3 (Gephi) through libxml2's `xmlTextWriter`, a static directed
/// graph with typed attributes: `amount` double, `evidence_start`/`evidence_end` long, lists
/// (`aliases`, `sources`, `roles`) as `liststring`, items sorted and joined by `|` as in GraphML.
/// Edge ids are their position in export order; the edge `label` is its role (or type).
///
/// Does not hold: characters XML 1.0 forbids (dropped), positions/colours (`viz:`), time.
struct GEXFSerializer: GraphSerializer {
    var fileNames: [String] { ["graph.gexf"] }

    static let nodeAttrs: [(String, String)] = [
        ("type", "string"), ("aliases", "liststring"), ("sources", "liststring"), ("kind", "string"),
        ("amount", "double"), ("currency", "string"), ("date", "string"),
    ]
    static let edgeAttrs: [(String, String)] = [
        ("type", "string"), ("role", "string"), ("roles", "liststring"), ("sources", "liststring"),
        ("evidence", "string"), ("evidence_article", "string"), ("evidence_start", "long"), ("evidence_end", "long"),
    ]

    func write(_ g: PreparedGraph, to dir: String, options: ExportOptions) throws -> [String] {
        let out = try OutputFile(path: joinPath(dir, "graph.gexf"))
        try GEXFSerializer.write(g, to: out)
        try out.commit()
        return []
    }

    static func write(_ g: PreparedGraph, to out: OutputFile) throws {
        let w = try XMLWriter(indent: true)
        try w.startDocument()
        try w.startElement("gexf")
        try w.attribute("xmlns", "http://gexf.net/1.3")
        try w.attribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
        try w.attribute("xsi:schemaLocation", "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd")
        try w.attribute("version", "1.3")
        try w.startElement("meta")
        try w.startElement("creator")
        try w.text("newsgraph")
        try w.endElement()
        try w.endElement()
        try w.startElement("graph")
        try w.attribute("defaultedgetype", "directed")
        try w.attribute("mode", "static")
        for (cls, attrs) in [("node", nodeAttrs), ("edge", edgeAttrs)] {
            try w.startElement("attributes")
            try w.attribute("class", cls)
            for (i, a) in attrs.enumerated() {
                try w.startElement("attribute")
                try w.attribute("id", String(i))
                try w.attribute("title", a.0)
                try w.attribute("type", a.1)
                try w.endElement()
            }
            try w.endElement()
        }
        func att(_ i: Int, _ v: String?) throws {
            guard let v else { return }
            try w.startElement("attvalue")
            try w.attribute("for", String(i))
            try w.attribute("value", v)
            try w.endElement()
        }
        try w.startElement("nodes")
        for n in g.nodes {
            try w.startElement("node")
            try w.attribute("id", n.id)
            try w.attribute("label", n.label)
            try w.startElement("attvalues")
            try att(0, n.type.rawValue)
            try att(1, ExportText.joined(n.aliases))
            try att(2, ExportText.joined(n.sources))
            try att(3, n.kind)
            try att(4, n.amount.map(ExportText.number))
            try att(5, n.currency)
            try att(6, n.date)
            try w.endElement()
            try w.endElement()
            if w.pendingByteCount >= GraphMLSerializer.chunk { try w.drain { try out.bytes($0) } }
        }
        try w.endElement()
        try w.startElement("edges")
        for (i, e) in g.edges.enumerated() {
            try w.startElement("edge")
            try w.attribute("id", String(i))
            try w.attribute("source", e.source)
            try w.attribute("target", e.target)
            try w.attribute("label", e.primaryRole ?? e.type.rawValue)
            try w.startElement("attvalues")
            try att(0, e.type.rawValue)
            try att(1, e.primaryRole)
            try att(2, ExportText.joined(e.roles))
            try att(3, ExportText.joined(e.sources))
            try att(4, e.evidence?.sentence)
            try att(5, e.evidence?.article)
            try att(6, e.evidence.map { String($0.start) })
            try att(7, e.evidence.map { String($0.end) })
            try w.endElement()
            try w.endElement()
            if w.pendingByteCount >= GraphMLSerializer.chunk { try w.drain { try out.bytes($0) } }
        }
        try w.endDocument()
        try w.drain { try out.bytes($0) }
        try out.byte(0x0A)
    }
}
