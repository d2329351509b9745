import GraphModel

/// A Graphviz picture of the union of both graphs: added elements green, removed red (dashed),
/// changed orange, unchanged grey. With `context`, only the changed elements and their
/// neighbours within that many hops are drawn, which keeps a big graph's diff readable.
///
///     newsgraph diff old/ new/ --format dot --context 1 | dot -Tsvg > diff.svg
///
/// Does not support: positions or clusters; a changed node's label lists the names of the
/// changed attributes, the values are in the text and JSON reports. Every element carries
/// `class="added|removed|changed|unchanged"`, which Graphviz copies into SVG output.
public struct DOTDiffRenderer: DiffRenderer {
    /// Hops of neighbourhood kept around the changes; nil draws everything.
    public var context: Int?

    public init(context: Int? = nil) {
        self.context = context
    }

    enum Status: String {
        case added, removed, changed, unchanged

        var color: String {
            switch self {
            case .added: "green4"
            case .removed: "red3"
            case .changed: "darkorange"
            case .unchanged: "grey60"
            }
        }

        var fill: String {
            switch self {
            case .added: "#e3f4e3"
            case .removed: "#fbe3e3"
            case .changed: "#fff0dc"
            case .unchanged: "#f4f4f4"
            }
        }
    }

    /// A diff streamed without graphs (`diff.old` nil) has no unchanged parts to draw: only the
    /// changed elements are, from the change lists. `newsgraph diff --format dot` builds graphs.
    public func render(_ diff: GraphDiff) -> String {
        let old = diff.old ?? GraphDiff.graph(of: diff, side: .old), new = diff.new ?? GraphDiff.graph(of: diff, side: .new)
        var nodeStatus: [String: (Status, String)] = [:]
        for n in diff.addedNodes { nodeStatus[n.id] = (.added, "") }
        for n in diff.removedNodes { nodeStatus[n.id] = (.removed, "") }
        for c in diff.changedNodes { nodeStatus[c.id] = (.changed, c.changes.map(\.attribute.rawValue).joined(separator: ", ")) }
        var edgeStatus: [EdgeKey: (Status, String)] = [:]
        for e in diff.addedEdges { edgeStatus[e.key] = (.added, "") }
        for e in diff.removedEdges { edgeStatus[e.key] = (.removed, "") }
        for c in diff.changedEdges { edgeStatus[c.key] = (.changed, c.changes.map(\.attribute.rawValue).joined(separator: ", ")) }

        let keep: Set<String>? = context.map {
            neighbourhood([old.edges, new.edges], hops: max(0, $0), seeds: edgeStatus.keys, nodeSeeds: nodeStatus.keys)
        }

        var ids = Set(old.nodes.keys).union(new.nodes.keys)
        if let keep { ids.formIntersection(keep) }
        var keys: [EdgeKey] = []
        for k in old.edges.keys where keep == nil || (keep!.contains(k.source) && keep!.contains(k.target)) {
            keys.append(k)
        }
        for k in new.edges.keys where old.edges[k] == nil
            && (keep == nil || (keep!.contains(k.source) && keep!.contains(k.target))) {
            keys.append(k)
        }
        keys.sort()

        var out = "digraph \"newsgraph diff\" {\n"
        let t = diff.nodeTotals, u = diff.edgeTotals
        let legend = "newsgraph diff (nodes/edges): green added \(t.added)/\(u.added), red removed "
            + "\(t.removed)/\(u.removed), orange changed \(t.changed)/\(u.changed), grey unchanged"
            + (context.map { "; showing changes and neighbours within \(max(0, $0)) hops" } ?? "")
        out += "  graph [label=\(DOTDiffRenderer.quote(legend)), labelloc=t, fontname=\"Helvetica\", rankdir=LR];\n"
        out += "  node [fontname=\"Helvetica\", style=filled];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=10];\n"
        for id in ids.sorted() {
            guard let n = new.nodes[id] ?? old.nodes[id] else { continue }
            let (status, what) = nodeStatus[id] ?? (.unchanged, "")
            var label = n.label
            if status == .changed { label += "\n~ " + what }
            out += "  \(DOTDiffRenderer.quote(id)) [label=\(DOTDiffRenderer.quote(label, label: true)), "
            out += "shape=\(DOTDiffRenderer.shape(n.type)), class=\"\(status.rawValue)\", color=\"\(status.color)\", "
            out += "fillcolor=\"\(status.fill)\", fontcolor=\"\(status == .unchanged ? "grey40" : status.color)\""
            if status == .removed { out += ", style=\"filled,dashed\"" }
            out += "];\n"
        }
        for k in keys {
            guard let e = new.edges[k] ?? old.edges[k] else { continue }
            let (status, what) = edgeStatus[k] ?? (.unchanged, "")
            var label = e.primaryRole ?? e.type.rawValue
            if status == .changed { label += "\n~ " + what }
            out += "  \(DOTDiffRenderer.quote(k.source)) -> \(DOTDiffRenderer.quote(k.target)) "
            out += "[label=\(DOTDiffRenderer.quote(label, label: true)), class=\"\(status.rawValue)\", "
            out += "color=\"\(status.color)\", fontcolor=\"\(status == .unchanged ? "grey40" : status.color)\""
            if status == .removed { out += ", style=dashed" }
            if status != .unchanged { out += ", penwidth=2" }
            out += "];\n"
        }
        out += "}\n"
        return out
    }

    /// The changed nodes, the endpoints of changed edges, and every node within `hops` edges of
    /// them in either graph (edges taken as undirected).
    ///
    /// - Complexity: O(hops × e): each hop scans the edges of both graphs once, which needs no
    ///   adjacency index and stays cheap for the small hop counts a picture can show.
    private func neighbourhood(_ graphs: [EdgeTable], hops: Int, seeds: Dictionary<EdgeKey, (Status, String)>.Keys,
                               nodeSeeds: Dictionary<String, (Status, String)>.Keys) -> Set<String> {
        var keep = Set(nodeSeeds)
        for k in seeds { keep.insert(k.source); keep.insert(k.target) }
        var frontier = keep
        var hop = 0
        while hop < hops && !frontier.isEmpty {
            var next: Set<String> = []
            for edges in graphs {
                for k in edges.keys {
                    if frontier.contains(k.source), !keep.contains(k.target) { next.insert(k.target) }
                    if frontier.contains(k.target), !keep.contains(k.source) { next.insert(k.source) }
                }
            }
            keep.formUnion(next)
            frontier = next
            hop += 1
        }
        return keep
    }

    static func shape(_ t: NodeType) -> String {
        switch t {
        case .organization: "box"
        case .person: "ellipse"
        case .deal: "diamond"
        case .product: "component"
        case .place: "house"
        }
    }

    /// A DOT double-quoted string. The DOT lexer only unescapes `\"`, so `\` is doubled (a
    /// trailing one would otherwise swallow the closing quote) and newlines become `\n`; other
    /// control characters are shown as visible `\u{7}` text. In labels `&` becomes `&amp;`,
    /// because Graphviz reads `&...;` in labels as an HTML entity.
    static func quote(_ s: String, label: Bool = false) -> String {
        var out = "\""
        let plain = !s.utf8.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || (label && $0 == 0x26) }
        if plain {
            out += s
        } else {
            for u in s.unicodeScalars {
                switch u.value {
                case 0x22: out += "\\\""
                case 0x5C: out += "\\\\"
                case 0x0A: out += "\\n"
                case 0x26 where label: out += "&amp;"
                case 0x00..<0x20, 0x7F: out += "\\\\u{" + String(u.value, radix: 16, uppercase: true) + "}"
                default: out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
