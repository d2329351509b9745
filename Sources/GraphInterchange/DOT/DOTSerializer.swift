import GraphModel

/// Writes `graph.dot`: a Graphviz `digraph` with every id and string quoted and escaped, node
/// attributes `type` and `label` (the GraphML label), shape and colour by type, edge `type` and a
/// label from the role, and a legend as the graph's HTML-like label (a label adds no node, so
/// DOT holds exactly the GraphML nodes).
///
/// Does not hold: aliases, sources, deal amounts, evidence (the other formats do); characters
/// XML 1.0 forbids (dropped: SVG output could not hold them). With `focus`, only the
/// neighbourhood of one entity, `depth` hops in either direction.
struct DOTSerializer: GraphSerializer {
    var fileNames: [String] { ["graph.dot"] }

    func write(_ g: PreparedGraph, to dir: String, options: ExportOptions) throws -> [String] {
        let out = try OutputFile(path: joinPath(dir, "graph.dot"))
        try DOTSerializer.write(g, options: options, to: out)
        try out.commit()
        return []
    }

    static func write(_ g: PreparedGraph, options: ExportOptions, to out: OutputFile) throws {
        var keep: Set<String>? = nil
        if let focus = options.focus {
            keep = try neighbourhood(of: focus, depth: max(0, options.depth), in: g)
        }
        try out.text("digraph \"newsgraph\" {\n")
        try out.text("  graph [rankdir=\"LR\", fontname=\"Helvetica\", labelloc=\"b\", labeljust=\"l\", label=<")
        try legend(to: out)
        try out.text(">];\n")
        try out.text("  node [fontname=\"Helvetica\", style=\"filled\"];\n")
        try out.text("  edge [fontname=\"Helvetica\", fontsize=\"10\"];\n")
        for n in g.nodes {
            if let keep, !keep.contains(n.id) { continue }
            let style = NodeStyle.of(n.type)
            try out.text("  ")
            try quoted(n.id, to: out)
            try out.text(" [type=")
            try quoted(n.type.rawValue, to: out)
            try out.text(", label=")
            try quoted(n.label, to: out)
            try out.text(", shape=\"")
            try out.text(style.dotShape)
            try out.text("\", fillcolor=\"")
            try out.text(style.fill)
            try out.text("\"];\n")
        }
        for e in g.edges {
            if let keep, !keep.contains(e.source) || !keep.contains(e.target) { continue }
            try out.text("  ")
            try quoted(e.source, to: out)
            try out.text(" -> ")
            try quoted(e.target, to: out)
            try out.text(" [type=")
            try quoted(e.type.rawValue, to: out)
            try out.text(", label=")
            try quoted(e.primaryRole ?? e.type.rawValue.replacingUnderscores(), to: out)
            try out.text("];\n")
        }
        try out.text("}\n")
    }

    /// The legend: one row per node type, in the colour and named shape of that type.
    static func legend(to out: OutputFile) throws {
        try out.text("<table border=\"0\" cellborder=\"1\" cellspacing=\"0\" cellpadding=\"4\"><tr><td colspan=\"2\">legend</td></tr>")
        for t in NodeType.allCases {
            let s = NodeStyle.of(t)
            try out.text("<tr><td bgcolor=\"\(s.fill)\">\(t.rawValue)</td><td>\(s.dotShape)</td></tr>")
        }
        try out.text("<tr><td colspan=\"2\">edge label: role or relation</td></tr></table>")
    }

    /// A DOT double-quoted string: `"` and `\` escaped by a backslash (so a trailing backslash
    /// cannot escape the closing quote, and `\N`, `\G`, `\l` are not Graphviz escapes), newline
    /// as `\n`; a carriage return stays raw (Graphviz's `\r` would turn it into a line break,
    /// and the label would no longer equal the GraphML one). Keywords (`node`, `graph`, `strict`) are safe because every id is quoted.
    /// Works on UTF-8 bytes: other bytes pass through.
    static func quoted(_ s: String, to out: OutputFile) throws {
        try out.byte(0x22)
        var s = s
        try s.withUTF8 { u in
            var start = 0
            for i in 0..<u.count {
                let b = u[i]
                let esc: UInt8
                switch b {
                case 0x22: esc = 0x22  // "
                case 0x5C: esc = 0x5C  // \
                case 0x0A: esc = 0x6E  // \n
                default: continue
                }
                try out.bytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(u)[start..<i]))
                try out.byte(0x5C)
                try out.byte(esc)
                start = i + 1
            }
            try out.bytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(u)[start..<u.count]))
        }
        try out.byte(0x22)
    }

    /// Ids within `depth` hops of the node named `focus`, following edges both ways.
    static func neighbourhood(of focus: String, depth: Int, in g: PreparedGraph) throws -> Set<String> {
        let want = focus.lowercased()
        let starts = g.nodes.filter { n in
            n.id.lowercased() == want || n.label.lowercased() == want || n.aliases.contains { $0.lowercased() == want }
        }.map(\.id)
        if starts.isEmpty { throw InterchangeError.focusNotFound(focus) }
        var adjacent: [String: [String]] = [:]
        for e in g.edges {
            adjacent[e.source, default: []].append(e.target)
            adjacent[e.target, default: []].append(e.source)
        }
        var seen = Set(starts)
        var frontier = starts
        for _ in 0..<depth {
            var next: [String] = []
            for id in frontier {
                for m in adjacent[id] ?? [] where seen.insert(m).inserted { next.append(m) }
            }
            frontier = next
        }
        return seen
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String {
        String(unicodeScalars.map { $0 == "_" ? " " : Character($0) })
    }
}
