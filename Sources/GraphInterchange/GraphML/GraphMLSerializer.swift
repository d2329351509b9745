import GraphModel
import LibXML

/// Writes `graph.graphml`: GraphML 1.0, valid against the GraphML schema, through libxml2's
/// `xmlTextWriter`: text escaped by libxml2's rules into megabyte runs written raw, drained
/// to the file as it goes (at 1,000,000 nodes: constant memory beyond the prepared graph).
///
/// Holds every node and edge attribute of the graph model; `role` is derived (the edge's
/// `primaryRole`), `roles` holds all titles. Does not hold: characters XML 1.0 forbids
/// (dropped, with a warning), list items containing `|` (split), node positions.
/// The yEd profile adds `y:ShapeNode` graphics; validate it with the yEd-extended schema
/// (`Tests/Fixtures/graphml-xsd/ygraphml.xsd`), as yEd's own files declare.
struct GraphMLSerializer: GraphSerializer {
    var fileNames: [String] { ["graph.graphml"] }

    func write(_ g: PreparedGraph, to dir: String, options: ExportOptions) throws -> [String] {
        let out = try OutputFile(path: joinPath(dir, "graph.graphml"))
        try GraphMLSerializer.write(g, profile: options.graphmlProfile, to: out)
        try out.commit()
        return []
    }

    /// Bytes libxml2 may buffer before the GEXF writer drains them into the file.
    static let chunk = 1 << 20

    /// Writes the document: the XML declaration, header and end through libxml2's
    /// `xmlTextWriter`; nodes and edges escaped here (`ByteBuilder.xmlText`/`xmlAttribute`,
    /// libxml2's rules) in runs of 2048 elements formatted on every core (`ParallelChunks`), each
    /// run written straight to the file: passing 1.5 GB through `xmlTextWriterWriteRaw` only
    /// copied it twice more. The bytes are those of `GraphMLReferenceWriter`, which lets
    /// libxml2 escape each string (tests compare them).
    static func write(_ g: PreparedGraph, profile: GraphMLProfile, to out: OutputFile) throws {
        let w = try XMLWriter(indent: true)
        let b = ByteBuilder()
        /// Hands a finished run to libxml2 and drains libxml2's buffer into the file.
        func write(_ b: ByteBuilder) throws {
            try w.raw(b.bytes)
            try w.drain { try out.bytes($0) }
        }
        let yed = profile == .yed
        try w.startDocument()
        header(yed: yed, empty: g.nodes.isEmpty && g.edges.isEmpty, to: b)
        try write(b)
        let nodes = g.nodes, edges = g.edges
        // libxml2 holds nothing now (drained), so runs written directly keep the byte order.
        func direct(_ b: ByteBuilder) throws { try out.bytes(b.bytes) }
        try ParallelChunks.run(count: nodes.count, chunk: 2048, format: { r, b in
            nodes.forEach(in: r) { n, i in node(n, index: i, yed: yed, to: b) }
        }, write: direct)
        try ParallelChunks.run(count: edges.count, chunk: 2048, format: { r, b in
            edges.forEach(in: r) { e, _ in edge(e, to: b) }
        }, write: direct)
        b.removeAll()
        if !(g.nodes.isEmpty && g.edges.isEmpty) { b.append("  </graph>\n") }
        // The blank line at the end is what the writer always wrote (golden files hold it).
        b.append("</graphml>\n\n")
        try w.raw(b.bytes)
        try w.endDocument()
        try w.drain { try out.bytes($0) }
    }

    static func header(yed: Bool, empty: Bool, to b: ByteBuilder) {
        b.append("<graphml xmlns=\"")
        b.xmlAttribute(GraphML.namespace)
        b.append("\" xmlns:xsi=\"")
        b.xmlAttribute(GraphML.xsi)
        if yed {
            b.append("\" xmlns:y=\"")
            b.xmlAttribute(GraphML.yNamespace)
        }
        b.append("\" xsi:schemaLocation=\"")
        b.xmlAttribute(yed ? GraphML.yedSchemaLocation : GraphML.schemaLocation)
        b.append("\">\n")
        for k in GraphML.nodeKeys + GraphML.edgeKeys {
            b.append("  <key id=\"")
            b.xmlAttribute(k.id)
            b.append("\" for=\"")
            b.xmlAttribute(k.domain)
            b.append("\" attr.name=\"")
            b.xmlAttribute(k.name)
            b.append("\" attr.type=\"")
            b.xmlAttribute(k.type)
            b.append("\"/>\n")
        }
        if yed {
            b.append("  <key id=\"")
            b.xmlAttribute(GraphML.yedNodeGraphicsKey)
            b.append("\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n")
        }
        b.append(empty ? "  <graph id=\"G\" edgedefault=\"directed\"/>\n" : "  <graph id=\"G\" edgedefault=\"directed\">\n")
    }

    /// `      <data key="dN">text</data>`, or `<data key="dN"/>` for empty text. `open` is the
    /// start tag without its `>`.
    @inline(__always)
    static func data(_ open: StaticString, _ text: String, to b: ByteBuilder) {
        b.append(open)
        if text.isEmpty { b.append("/>\n"); return }
        b.byte(0x3E)
        b.xmlText(text)
        b.append("</data>\n")
    }

    /// A list as one `<data>`: items in byte order joined by `|`; nothing for an empty list.
    /// Sorts without building the joined string (most lists hold one or two items).
    @inline(__always)
    static func list(_ open: StaticString, _ s: StringSet, to b: ByteBuilder) {
        if let one = s.single { return data(open, one, to: b) }
        switch s.count {
        case 0: return
        case 2:
            var x = s[0], y = s[1]
            if ExportText.less(y, x) { swap(&x, &y) }
            b.append(open)
            b.byte(0x3E)
            b.xmlText(x)
            b.byte(0x7C)
            b.xmlText(y)
            b.append("</data>\n")
        default:
            b.append(open)
            b.byte(0x3E)
            for (i, item) in ExportText.sorted(s).enumerated() {
                if i > 0 { b.byte(0x7C) }
                b.xmlText(item)
            }
            b.append("</data>\n")
        }
    }

    static func node(_ n: Node, index: Int, yed: Bool, to b: ByteBuilder) {
        b.append("    <node id=\"")
        b.xmlAttribute(n.id)
        b.append("\">\n")
        data("      <data key=\"d0\"", n.type.rawValue, to: b)
        data("      <data key=\"d1\"", n.label, to: b)
        list("      <data key=\"d2\"", n.aliases, to: b)
        list("      <data key=\"d3\"", n.sources, to: b)
        if let v = n.kind { data("      <data key=\"d4\"", v, to: b) }
        if let v = n.amount { data("      <data key=\"d5\"", ExportText.number(v), to: b) }
        if let v = n.currency { data("      <data key=\"d6\"", v, to: b) }
        if let v = n.date { data("      <data key=\"d7\"", v, to: b) }
        if yed { yedGraphics(n, index: index, to: b) }
        b.append("    </node>\n")
    }

    static func edge(_ e: Edge, to b: ByteBuilder) {
        b.append("    <edge source=\"")
        b.xmlAttribute(e.source)
        b.append("\" target=\"")
        b.xmlAttribute(e.target)
        b.append("\">\n")
        data("      <data key=\"d8\"", e.type.rawValue, to: b)
        if let r = e.primaryRole { data("      <data key=\"d9\"", r, to: b) }
        list("      <data key=\"d10\"", e.roles, to: b)
        list("      <data key=\"d11\"", e.sources, to: b)
        if let ev = e.evidence {
            data("      <data key=\"d12\"", ev.sentence, to: b)
            data("      <data key=\"d13\"", ev.article, to: b)
            b.append("      <data key=\"d14\">")
            b.int(ev.start)
            b.append("</data>\n      <data key=\"d15\">")
            b.int(ev.end)
            b.append("</data>\n")
        }
        b.append("    </edge>\n")
    }

    /// yEd's node graphics: a coloured shape on a grid (yEd's Layout menu then arranges it).
    static func yedGraphics(_ n: Node, index: Int, to b: ByteBuilder) {
        let style = NodeStyle.of(n.type)
        b.append("      <data key=\"")
        b.append(GraphML.yedNodeGraphicsKey)
        b.append("\">\n        <y:ShapeNode>\n          <y:Geometry height=\"40.0\" width=\"160.0\" x=\"")
        b.int((index % 40) * 200)
        b.append(".0\" y=\"")
        b.int((index / 40) * 80)
        b.append(".0\"/>\n          <y:Fill color=\"")
        b.xmlAttribute(style.fill)
        b.append("\" transparent=\"false\"/>\n          <y:NodeLabel>")
        b.xmlText(n.label)
        b.append("</y:NodeLabel>\n          <y:Shape type=\"")
        b.xmlAttribute(style.yedShape)
        b.append("\"/>\n        </y:ShapeNode>\n      </data>\n")
    }
}

/// How a node type is drawn, shared by DOT and the yEd profile.
struct NodeStyle {
    let fill: String
    let dotShape: String
    let yedShape: String

    static func of(_ t: NodeType) -> NodeStyle {
        switch t {
        case .organization: NodeStyle(fill: "#DBE9F6", dotShape: "box", yedShape: "roundrectangle")
        case .person: NodeStyle(fill: "#FDE2C8", dotShape: "ellipse", yedShape: "ellipse")
        case .deal: NodeStyle(fill: "#D5F0D5", dotShape: "hexagon", yedShape: "hexagon")
        case .product: NodeStyle(fill: "#EFE0F5", dotShape: "component", yedShape: "rectangle")
        case .place: NodeStyle(fill: "#F5F0C8", dotShape: "house", yedShape: "trapezoid")
        }
    }
}
