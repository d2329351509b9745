import GraphModel
import LibXML

/// The GraphML writer that lets libxml2 escape every string: one `xmlTextWriter` call per
/// element, attribute and string, as libxml2's own examples do. It is what `GraphMLSerializer`
/// writes byte for byte, ~10x slower; tests compare the two, so the fast path's own escaping
/// is checked against libxml2's on every hazard.
enum GraphMLReferenceWriter {
    static let chunk = 4 << 20

    static func write(_ g: PreparedGraph, profile: GraphMLProfile, to out: OutputFile) throws {
        let w = try XMLWriter(indent: true)
        func drainIfFull() throws {
            if w.pendingByteCount >= chunk { try w.drain { try out.bytes($0) } }
        }
        let yed = profile == .yed
        try w.startDocument()
        try w.startElement("graphml")
        try w.attribute("xmlns", GraphML.namespace)
        try w.attribute("xmlns:xsi", GraphML.xsi)
        if yed { try w.attribute("xmlns:y", GraphML.yNamespace) }
        try w.attribute("xsi:schemaLocation", yed ? GraphML.yedSchemaLocation : GraphML.schemaLocation)
        for k in GraphML.nodeKeys + GraphML.edgeKeys {
            try w.startElement("key")
            try w.attribute("id", k.id)
            try w.attribute("for", k.domain)
            try w.attribute("attr.name", k.name)
            try w.attribute("attr.type", k.type)
            try w.endElement()
        }
        if yed {
            try w.startElement("key")
            try w.attribute("id", GraphML.yedNodeGraphicsKey)
            try w.attribute("for", "node")
            try w.attribute("yfiles.type", "nodegraphics")
            try w.endElement()
        }
        try w.startElement("graph")
        try w.attribute("id", "G")
        try w.attribute("edgedefault", "directed")

        let k = GraphML.nodeKeys.map(\.id)
        for (i, n) in g.nodes.enumerated() {
            try w.startElement("node")
            try w.attribute("id", n.id)
            try w.element("data", attribute: "key", k[0], text: n.type.rawValue)
            try w.element("data", attribute: "key", k[1], text: n.label)
            if let a = ExportText.joined(n.aliases) { try w.element("data", attribute: "key", k[2], text: a) }
            if let s = ExportText.joined(n.sources) { try w.element("data", attribute: "key", k[3], text: s) }
            if let v = n.kind { try w.element("data", attribute: "key", k[4], text: v) }
            if let v = n.amount { try w.element("data", attribute: "key", k[5], text: ExportText.number(v)) }
            if let v = n.currency { try w.element("data", attribute: "key", k[6], text: v) }
            if let v = n.date { try w.element("data", attribute: "key", k[7], text: v) }
            if yed { try writeYEdGraphics(n, index: i, to: w) }
            try w.endElement()
            try drainIfFull()
        }
        let ek = GraphML.edgeKeys.map(\.id)
        for e in g.edges {
            try w.startElement("edge")
            try w.attribute("source", e.source)
            try w.attribute("target", e.target)
            try w.element("data", attribute: "key", ek[0], text: e.type.rawValue)
            if let r = e.primaryRole { try w.element("data", attribute: "key", ek[1], text: r) }
            if let r = ExportText.joined(e.roles) { try w.element("data", attribute: "key", ek[2], text: r) }
            if let s = ExportText.joined(e.sources) { try w.element("data", attribute: "key", ek[3], text: s) }
            if let ev = e.evidence {
                try w.element("data", attribute: "key", ek[4], text: ev.sentence)
                try w.element("data", attribute: "key", ek[5], text: ev.article)
                try w.element("data", attribute: "key", ek[6], text: String(ev.start))
                try w.element("data", attribute: "key", ek[7], text: String(ev.end))
            }
            try w.endElement()
            try drainIfFull()
        }
        try w.endDocument()
        try w.drain { try out.bytes($0) }
        try out.byte(0x0A)
    }

    /// yEd's node graphics: a coloured shape on a grid (yEd's Layout menu then arranges it).
    static func writeYEdGraphics(_ n: Node, index: Int, to w: XMLWriter) throws {
        let style = NodeStyle.of(n.type)
        try w.startElement("data")
        try w.attribute("key", GraphML.yedNodeGraphicsKey)
        try w.startElement("y:ShapeNode")
        try w.startElement("y:Geometry")
        try w.attribute("height", "40.0")
        try w.attribute("width", "160.0")
        try w.attribute("x", String((index % 40) * 200) + ".0")
        try w.attribute("y", String((index / 40) * 80) + ".0")
        try w.endElement()
        try w.startElement("y:Fill")
        try w.attribute("color", style.fill)
        try w.attribute("transparent", "false")
        try w.endElement()
        try w.startElement("y:NodeLabel")
        try w.text(n.label)
        try w.endElement()
        try w.startElement("y:Shape")
        try w.attribute("type", style.yedShape)
        try w.endElement()
        try w.endElement()
        try w.endElement()
    }
}
