import GraphModel

/// The machine-readable report, in the schema documented in Guides/Diffing.md
/// (`"format": "newsgraph-diff", "version": 1`).
///
/// Keys come in a fixed order and every list in the diff's order (type, then id), so two runs
/// give the same bytes and a golden file can hold the expected output. Absent attributes are
/// left out of element objects; in a change, an absent side is `null`.
public struct JSONDiffRenderer: DiffRenderer {
    public init() {}

    public func render(_ diff: GraphDiff) -> String {
        let doc = JSON.object([
            ("format", .string("newsgraph-diff")),
            ("version", .int(1)),
            ("equal", .bool(diff.isEmpty)),
            ("old", .object([("nodes", .int(diff.oldSize.nodes)), ("edges", .int(diff.oldSize.edges))])),
            ("new", .object([("nodes", .int(diff.newSize.nodes)), ("edges", .int(diff.newSize.edges))])),
            ("summary", .object([
                ("nodes", counts(diff.nodeTotals, diff.nodeCounts.map { ($0.type.rawValue, $0.counts) })),
                ("edges", counts(diff.edgeTotals, diff.edgeCounts.map { ($0.type.rawValue, $0.counts) })),
            ])),
            ("nodes", .object([
                ("added", .array(diff.addedNodes.map(node))),
                ("removed", .array(diff.removedNodes.map(node))),
                ("changed", .array(diff.changedNodes.map { c in
                    .object([("id", .string(c.id)), ("type", .string(c.type.rawValue)),
                             ("label", .string(c.new.label)), ("changes", .array(c.changes.map(change)))])
                })),
            ])),
            ("edges", .object([
                ("added", .array(diff.addedEdges.map(edge))),
                ("removed", .array(diff.removedEdges.map(edge))),
                ("changed", .array(diff.changedEdges.map { c in
                    .object([("source", .string(c.key.source)), ("type", .string(c.type.rawValue)),
                             ("target", .string(c.key.target)), ("changes", .array(c.changes.map(change)))])
                })),
            ])),
        ])
        var out = ""
        doc.write(to: &out, indent: 0)
        out += "\n"
        return out
    }

    private func counts(_ total: GraphDiff.Counts, _ rows: [(String, GraphDiff.Counts)]) -> JSON {
        func c(_ x: GraphDiff.Counts) -> [(String, JSON)] {
            [("added", .int(x.added)), ("removed", .int(x.removed)), ("changed", .int(x.changed))]
        }
        return .object(c(total) + [("byType", .object(rows.map { ($0.0, .object(c($0.1))) }))])
    }

    private func node(_ n: Node) -> JSON {
        var f: [(String, JSON)] = [("id", .string(n.id)), ("type", .string(n.type.rawValue)), ("label", .string(n.label))]
        if let k = n.kind { f.append(("kind", .string(k))) }
        if let a = n.amount { f.append(("amount", .number(a))) }
        if let c = n.currency { f.append(("currency", .string(c))) }
        if let d = n.date { f.append(("date", .string(d))) }
        f.append(("aliases", .strings(n.aliases.sorted())))
        f.append(("sources", .strings(n.sources.sorted())))
        return .object(f)
    }

    private func edge(_ e: Edge) -> JSON {
        var f: [(String, JSON)] = [("source", .string(e.source)), ("type", .string(e.type.rawValue)),
                                   ("target", .string(e.target))]
        if let r = e.primaryRole { f.append(("role", .string(r))) }
        f.append(("roles", .strings(e.roles.sorted())))
        f.append(("sources", .strings(e.sources.sorted())))
        if let ev = e.evidence { f.append(("evidence", evidence(ev))) }
        return .object(f)
    }

    private func evidence(_ e: Evidence?) -> JSON {
        guard let e else { return .null }
        return .object([("article", .string(e.article)), ("sentence", .string(e.sentence)),
                        ("start", .int(e.start)), ("end", .int(e.end))])
    }

    private func change(_ c: AttributeChange) -> JSON {
        let name = ("attribute", JSON.string(c.attribute.rawValue))
        switch c {
        case let .value(_, old, new):
            return .object([name, ("old", old.map(JSON.string) ?? .null), ("new", new.map(JSON.string) ?? .null)])
        case let .amount(old, new):
            return .object([name, ("old", old.map(JSON.number) ?? .null), ("new", new.map(JSON.number) ?? .null)])
        case let .items(_, added, removed):
            return .object([name, ("added", .strings(added)), ("removed", .strings(removed))])
        case let .evidence(old, new):
            return .object([name, ("old", evidence(old)), ("new", evidence(new))])
        }
    }
}

/// A JSON document with ordered keys, printed two spaces per level; arrays of plain values stay
/// on one line so lists of aliases and sources read like the exports.
enum JSON {
    case string(String)
    case number(Double)
    case int(Int)
    case bool(Bool)
    case null
    indirect case array([JSON])
    indirect case object([(String, JSON)])

    static func strings(_ items: [String]) -> JSON { .array(items.map(JSON.string)) }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    func write(to out: inout String, indent: Int) {
        switch self {
        case .string(let s): JSON.quote(s, into: &out)
        // JSON has no NaN or infinity: an amount that is not a number is written as null.
        case .number(let x): out += x.isFinite ? DiffText.number(x) : "null"
        case .int(let i): out += String(i)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            if items.allSatisfy(\.isScalar) {
                out += "["
                for (i, v) in items.enumerated() {
                    if i > 0 { out += ", " }
                    v.write(to: &out, indent: indent)
                }
                out += "]"
                return
            }
            out += "[\n"
            for (i, v) in items.enumerated() {
                JSON.pad(&out, indent + 1)
                v.write(to: &out, indent: indent + 1)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            JSON.pad(&out, indent)
            out += "]"
        case .object(let fields):
            if fields.isEmpty { out += "{}"; return }
            out += "{\n"
            for (i, (k, v)) in fields.enumerated() {
                JSON.pad(&out, indent + 1)
                JSON.quote(k, into: &out)
                out += ": "
                v.write(to: &out, indent: indent + 1)
                out += i + 1 < fields.count ? ",\n" : "\n"
            }
            JSON.pad(&out, indent)
            out += "}"
        }
    }

    private static func pad(_ out: inout String, _ level: Int) {
        out += String(repeating: "  ", count: level)
    }

    /// RFC 8259 string: `"` and `\` escaped, control characters as `\n`-style or `\u00XX`.
    /// Scans UTF-8 bytes first; strings without anything to escape are appended whole.
    static func quote(_ s: String, into out: inout String) {
        out += "\""
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out += s
        } else {
            for u in s.unicodeScalars {
                switch u.value {
                case 0x22: out += "\\\""
                case 0x5C: out += "\\\\"
                case 0x0A: out += "\\n"
                case 0x0D: out += "\\r"
                case 0x09: out += "\\t"
                case 0x08: out += "\\b"
                case 0x0C: out += "\\f"
                case 0x00..<0x20:
                    let hex = String(u.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }
}
