import GraphModel

/// The readable report: counts first, then one section per node type and per edge type with the
/// added (`+`), removed (`-`) and changed (`~`) elements, changed ones attribute by attribute.
///
///     nodes: 1 added, 0 removed, 1 changed (12 → 13)
///       Organization    +1 -0 ~1
///     ...
///     Organization nodes
///     + org:quantiva-labs "Quantiva Labs" aliases: "Quantiva" sources: en-03
///     ~ org:openai "OpenAI"
///         aliases: + "Open AI"
///         sources: + en-09
///
/// Strings are quoted and escaped (`DiffText.quoted`), so a name holding a newline or a bidi
/// override cannot forge a line of the report. Colours are ANSI SGR codes, only when asked.
public struct TextDiffRenderer: DiffRenderer {
    public var options: DiffRenderOptions

    public init(options: DiffRenderOptions = DiffRenderOptions()) {
        self.options = options
    }

    public func render(_ diff: GraphDiff) -> String {
        var out = ""
        if let a = options.oldName, let b = options.newName {
            line(&out, paint("--- " + DiffText.escaped(a), .bold))
            line(&out, paint("+++ " + DiffText.escaped(b), .bold))
        }
        if diff.isEmpty {
            line(&out, "no differences: \(diff.oldSize.nodes) nodes, \(diff.oldSize.edges) edges")
            return out
        }
        let nodeRows = diff.nodeCounts.map { ($0.type.rawValue, $0.counts) }
        let edgeRows = diff.edgeCounts.map { ($0.type.rawValue, $0.counts) }
        let width = (nodeRows + edgeRows).map { $0.0.count }.max() ?? 0
        summary(&out, "nodes", diff.nodeTotals, diff.oldSize.nodes, diff.newSize.nodes, nodeRows, width)
        summary(&out, "edges", diff.edgeTotals, diff.oldSize.edges, diff.newSize.edges, edgeRows, width)

        for (type, _) in diff.nodeCounts {
            line(&out, "")
            line(&out, paint("\(type.rawValue) nodes", .bold))
            for n in diff.addedNodes where n.type == type { line(&out, paint("+ " + describe(n), .added)) }
            for n in diff.removedNodes where n.type == type { line(&out, paint("- " + describe(n), .removed)) }
            for c in diff.changedNodes where c.type == type {
                line(&out, paint("~ \(DiffText.escaped(c.id)) \(DiffText.quoted(c.new.label))", .changed))
                for ch in c.changes { line(&out, "    " + describe(ch)) }
            }
        }
        for (type, _) in diff.edgeCounts {
            line(&out, "")
            line(&out, paint("\(type.rawValue) edges", .bold))
            for e in diff.addedEdges where e.type == type { line(&out, paint("+ " + describe(e), .added)) }
            for e in diff.removedEdges where e.type == type { line(&out, paint("- " + describe(e), .removed)) }
            for c in diff.changedEdges where c.type == type {
                line(&out, paint("~ " + endpoints(c.new), .changed))
                for ch in c.changes { line(&out, "    " + describe(ch)) }
            }
        }
        return out
    }

    // MARK: - Pieces

    private func summary(_ out: inout String, _ what: String, _ t: GraphDiff.Counts, _ before: Int, _ after: Int,
                         _ rows: [(String, GraphDiff.Counts)], _ width: Int) {
        line(&out, "\(what): \(t.added) added, \(t.removed) removed, \(t.changed) changed (\(before) → \(after))")
        for (name, c) in rows {
            let pad = String(repeating: " ", count: width - name.count + 2)
            line(&out, "  \(name)\(pad)" + paint("+\(c.added)", .added) + " " + paint("-\(c.removed)", .removed)
                + " " + paint("~\(c.changed)", .changed))
        }
    }

    /// One line for an added or removed node: id, label, then the attributes it carries.
    private func describe(_ n: Node) -> String {
        var s = "\(DiffText.escaped(n.id)) \(DiffText.quoted(n.label))"
        if let k = n.kind { s += " kind: " + DiffText.token(k) }
        if let a = n.amount { s += " amount: " + DiffText.number(a) }
        if let c = n.currency { s += " currency: " + DiffText.token(c) }
        if let d = n.date { s += " date: " + DiffText.token(d) }
        if !n.aliases.isEmpty { s += " aliases: " + n.aliases.sorted().map(DiffText.quoted).joined(separator: " ") }
        if !n.sources.isEmpty { s += " sources: " + n.sources.sorted().map(DiffText.token).joined(separator: " ") }
        return s
    }

    private func endpoints(_ e: Edge) -> String {
        "\(DiffText.escaped(e.source)) → \(DiffText.escaped(e.target))"
    }

    /// One line for an added or removed edge: endpoints, role, sources.
    private func describe(_ e: Edge) -> String {
        var s = endpoints(e)
        if let r = e.primaryRole { s += " role: " + DiffText.token(r) }
        if e.roles.count > 1 { s += " roles: " + e.roles.sorted().map(DiffText.token).joined(separator: " ") }
        if !e.sources.isEmpty { s += " sources: " + e.sources.sorted().map(DiffText.token).joined(separator: " ") }
        return s
    }

    private func describe(_ c: AttributeChange) -> String {
        switch c {
        case let .value(a, old, new):
            let text = a == .label ? DiffText.quoted : DiffText.token
            return "\(a.rawValue): \(old.map(text) ?? "none") → \(new.map(text) ?? "none")"
        case let .amount(old, new):
            return "amount: \(old.map(DiffText.number) ?? "none") → \(new.map(DiffText.number) ?? "none")"
        case let .items(a, added, removed):
            let text = a == .aliases ? DiffText.quoted : DiffText.token
            var parts: [String] = []
            if !added.isEmpty { parts.append(paint("+ " + added.map(text).joined(separator: " "), .added)) }
            if !removed.isEmpty { parts.append(paint("- " + removed.map(text).joined(separator: " "), .removed)) }
            return "\(a.rawValue): " + parts.joined(separator: ", ")
        case let .evidence(old, new):
            return "evidence: \(DiffText.evidence(old)) → \(DiffText.evidence(new))"
        }
    }

    private enum Style: String {
        case bold = "1", added = "32", removed = "31", changed = "33"
    }

    private func paint(_ s: String, _ style: Style) -> String {
        options.color ? "\u{1B}[\(style.rawValue)m\(s)\u{1B}[0m" : s
    }

    private func line(_ out: inout String, _ s: String) {
        out += s
        out += "\n"
    }
}
