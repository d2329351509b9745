import GraphModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text rules every format shares, so GraphML, DOT, JSON-LD, GEXF and the Neo4j CSV spell the
/// same graph: the same order, the same numbers, the same list items.
enum ExportText {
    /// Byte order of UTF-8, which is code-point order: what Python's `sorted` and the validator use.
    @inline(__always)
    static func less(_ a: String, _ b: String) -> Bool { compare(a, b) < 0 }

    @inline(__always)
    static func compare(_ a: String, _ b: String) -> Int {
        let r = a.utf8.withContiguousStorageIfAvailable { pa in
            b.utf8.withContiguousStorageIfAvailable { pb -> Int in
                let n = min(pa.count, pb.count)
                if n > 0 {
                    let c = memcmp(pa.baseAddress!, pb.baseAddress!, n)
                    if c != 0 { return Int(c) }
                }
                return pa.count - pb.count
            }
        }
        if let r, let r { return r }
        return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : (a == b ? 0 : 1)
    }

    /// A set's items in code-point order.
    static func sorted(_ s: Set<String>) -> [String] {
        s.count < 2 ? Array(s) : s.sorted(by: less)
    }

    /// `a|b|c`: the flat spelling of a list (GRAPH_MODEL.md); `nil` for an empty list.
    static func joined(_ s: Set<String>) -> String? {
        if s.isEmpty { return nil }
        if s.count == 1 { return s.first! }
        return sorted(s).joined(separator: "|")
    }

    /// The one text of a number in every format: whole numbers as plain digits
    /// (`10000000000`, never `1e10` or `10000000000.0`), others as the shortest text that reads
    /// back as the same Double (`1.5`, `2.5e-07`).
    static func number(_ v: Double) -> String {
        if v == v.rounded(.towardZero) && abs(v) < 1e21 {
            if abs(v) < 9.0e18 { return String(Int64(v)) }
            // Exact digits of a large whole double (glibc prints them exactly).
            var buf = [UInt8](repeating: 0, count: 64)
            let n = withVaList([v]) { args in buf.withUnsafeMutableBufferPointer { p in
                p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: 64) { vsnprintf($0, 64, "%.0f", args) } } }
            return String(decoding: buf[0..<Int(n)], as: UTF8.self)
        }
        return v.description
    }

    /// True for a character XML 1.0 cannot hold (the `Char` production): C0 controls but
    /// tab, newline and carriage return; U+FFFE and U+FFFF.
    @inline(__always)
    static func isForbidden(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || v == 0xFFFE || v == 0xFFFF
    }

    /// Fast check on bytes: could `s` hold a forbidden character? (0xEF leads U+FFFE/U+FFFF.)
    @inline(__always)
    static func mayHoldForbidden(_ s: String) -> Bool {
        anyByte(s) { b in (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D) || b == 0xEF }
    }

    /// Does any UTF-8 byte of `s` satisfy `test`? A tight loop over contiguous storage (the
    /// generic `utf8.contains` path was a hot spot in profiles).
    @inline(__always)
    static func anyByte(_ s: String, _ test: (UInt8) -> Bool) -> Bool {
        if let r = s.utf8.withContiguousStorageIfAvailable({ p -> Bool in
            for b in p where test(b) { return true }
            return false
        }) { return r }
        return s.utf8.contains(where: test)
    }

    /// Could `id` hold a character a GraphML id (`xs:NMTOKEN`, checked by libxml2 with the
    /// XML 1.0 4th-edition name tables) cannot: anything outside the BMP, such as emoji?
    @inline(__always)
    static func mayNeedIDRewrite(_ id: String) -> Bool {
        anyByte(id) { b in b >= 0xF0 || (b < 0x80 && !isASCIINameByte(b)) }
    }

    @inline(__always)
    static func isASCIINameByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
            || b == 0x2D || b == 0x2E || b == 0x5F || b == 0x3A
    }

    /// The id with every character an `xs:NMTOKEN` cannot hold spelled `u` + hex code point:
    /// `org:rocket-🚀-labs` → `org:rocket-u1f680-labs`. Deterministic, so every format and every
    /// build agree on the rewritten id.
    static func nameSafeID(_ id: String, rewritten: inout Int) -> String {
        guard mayNeedIDRewrite(id) else { return id }
        var out = ""
        var changed = false
        for u in id.unicodeScalars {
            let ok = u.isASCII ? isASCIINameByte(UInt8(u.value))
                : (u.value < 0x10000 && (u.properties.isAlphabetic || u.properties.numericType != nil))
            if ok { out.unicodeScalars.append(u) } else { out += "u" + String(u.value, radix: 16); changed = true }
        }
        if changed { rewritten += 1 }
        return out
    }

    /// `s` without the characters XML 1.0 forbids; `dropped` counts them.
    static func clean(_ s: String, dropped: inout Int) -> String {
        guard mayHoldForbidden(s) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if isForbidden(u) { dropped += 1 } else { out.append(u) }
        }
        return String(out)
    }
}

/// The graph as every writer sees it: cleaned once, sorted once, shared by all formats.
///
/// Cleaning makes the exports agree with each other: characters XML 1.0 forbids are dropped from
/// every string (not only in the XML formats), list items holding the `|` separator are split
/// there and empty items dropped (so `a|b` reads back as the same set), and a non-finite amount
/// is dropped. A graph that needs none of this is not copied.
public struct PreparedGraph: Sendable {
    public let graph: KnowledgeGraph
    /// Nodes by id, in UTF-8 byte order.
    public let nodes: [Node]
    /// Edges by source, type, target, in UTF-8 byte order.
    public let edges: [Edge]
    /// One line per kind of change cleaning made, for the user.
    public let warnings: [String]

    public init(_ g: KnowledgeGraph) {
        var dropped = 0, split = 0, amounts = 0, ids = 0
        var graph = g
        if PreparedGraph.needsCleaning(g) {
            graph = PreparedGraph.cleaned(g, dropped: &dropped, split: &split, amounts: &amounts, ids: &ids)
        }
        var w: [String] = []
        if dropped > 0 {
            w.append("warning: dropped \(dropped) character\(dropped == 1 ? "" : "s") that XML 1.0 cannot hold (control characters, U+FFFE, U+FFFF) from the exports")
        }
        if split > 0 {
            w.append("warning: \(split) list item\(split == 1 ? "" : "s") held the list separator '|' or was empty; split or dropped in the exports")
        }
        if ids > 0 {
            w.append("warning: \(ids) node id\(ids == 1 ? "" : "s") held characters a GraphML id (xs:NMTOKEN) cannot hold, such as emoji; written as u<hex> in every format")
        }
        if amounts > 0 {
            w.append("warning: dropped \(amounts) non-finite deal amount\(amounts == 1 ? "" : "s") from the exports")
        }
        self.graph = graph
        self.warnings = w
        self.nodes = PreparedGraph.sortedNodes(graph)
        self.edges = PreparedGraph.sortedEdges(graph)
    }

    /// Sorts by byte keys packed in one arena and compared with memcmp: comparing through
    /// whole Node/Edge values or String views cost retains and releases per comparison.
    static func sortedNodes(_ g: KnowledgeGraph) -> [Node] {
        let nodes = Array(g.nodes.values)
        let order = KeyArena.order(count: nodes.count) { i, arena in arena.append(nodes[i].id) }
        return order.map { nodes[Int($0)] }
    }

    static func sortedEdges(_ g: KnowledgeGraph) -> [Edge] {
        let edges = Array(g.edges.values)
        // source, 0x00, type rank, 0x00, target: byte order of the key is (source, type, target) order
        // (ids hold no NUL: XML could not carry one).
        let rank = Dictionary(uniqueKeysWithValues: EdgeType.allCases.sorted().enumerated().map { ($1, UInt8($0 + 1)) })
        let order = KeyArena.order(count: edges.count) { i, arena in
            let e = edges[i]
            arena.append(e.source)
            arena.bytes.append(0)
            arena.bytes.append(rank[e.type]!)
            arena.bytes.append(0)
            arena.append(e.target)
        }
        return order.map { edges[Int($0)] }
    }

    static func badList(_ s: Set<String>) -> Bool {
        s.contains { $0.isEmpty || ExportText.anyByte($0) { b in b == 0x7C || (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D) || b == 0xEF } }
    }

    static func needsCleaning(_ g: KnowledgeGraph) -> Bool {
        for n in g.nodes.values {
            if ExportText.mayHoldForbidden(n.id) || ExportText.mayHoldForbidden(n.label) { return true }
            if ExportText.mayNeedIDRewrite(n.id) { return true }
            if badList(n.aliases) || badList(n.sources) { return true }
            if let k = n.kind, ExportText.mayHoldForbidden(k) { return true }
            if let c = n.currency, ExportText.mayHoldForbidden(c) { return true }
            if let d = n.date, ExportText.mayHoldForbidden(d) { return true }
            if let a = n.amount, !a.isFinite { return true }
        }
        for e in g.edges.values {
            if ExportText.mayHoldForbidden(e.source) || ExportText.mayHoldForbidden(e.target) { return true }
            if ExportText.mayNeedIDRewrite(e.source) || ExportText.mayNeedIDRewrite(e.target) { return true }
            if badList(e.roles) || badList(e.sources) { return true }
            if let ev = e.evidence, ExportText.mayHoldForbidden(ev.article) || ExportText.mayHoldForbidden(ev.sentence) {
                return true
            }
        }
        return false
    }

    static func cleanList(_ s: Set<String>, dropped: inout Int, split: inout Int) -> Set<String> {
        guard badList(s) else { return s }
        var out = Set<String>()
        for item in s {
            let c = ExportText.clean(item, dropped: &dropped)
            let parts = c.split(separator: "|", omittingEmptySubsequences: true)
            if parts.count != 1 || parts[0].count != c.count { split += 1 }
            for p in parts { out.insert(String(p)) }
        }
        return out
    }

    static func cleaned(_ g: KnowledgeGraph, dropped: inout Int, split: inout Int, amounts: inout Int,
                        ids: inout Int) -> KnowledgeGraph {
        var endpoints = 0  // edge endpoints are the same ids again: count nodes only
        var nodes: [Node] = []
        nodes.reserveCapacity(g.nodes.count)
        for var n in g.nodes.values {
            n.id = ExportText.nameSafeID(ExportText.clean(n.id, dropped: &dropped), rewritten: &ids)
            n.label = ExportText.clean(n.label, dropped: &dropped)
            n.aliases = cleanList(n.aliases, dropped: &dropped, split: &split)
            n.sources = cleanList(n.sources, dropped: &dropped, split: &split)
            n.kind = n.kind.map { ExportText.clean($0, dropped: &dropped) }
            n.currency = n.currency.map { ExportText.clean($0, dropped: &dropped) }
            n.date = n.date.map { ExportText.clean($0, dropped: &dropped) }
            if let a = n.amount, !a.isFinite { n.amount = nil; amounts += 1 }
            nodes.append(n)
        }
        var edges: [Edge] = []
        edges.reserveCapacity(g.edges.count)
        for var e in g.edges.values {
            e.source = ExportText.nameSafeID(ExportText.clean(e.source, dropped: &dropped), rewritten: &endpoints)
            e.target = ExportText.nameSafeID(ExportText.clean(e.target, dropped: &dropped), rewritten: &endpoints)
            e.roles = cleanList(e.roles, dropped: &dropped, split: &split)
            e.sources = cleanList(e.sources, dropped: &dropped, split: &split)
            if var ev = e.evidence {
                ev.article = ExportText.clean(ev.article, dropped: &dropped)
                ev.sentence = ExportText.clean(ev.sentence, dropped: &dropped)
                e.evidence = ev
            }
            edges.append(e)
        }
        return KnowledgeGraph(nodes: nodes, edges: edges)
    }
}

/// Sort keys as bytes in one buffer, with offsets; sorting compares with memcmp.
struct KeyArena {
    var bytes: [UInt8] = []

    mutating func append(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// The permutation that sorts `count` keys built by `key`.
    static func order(count: Int, _ key: (Int, inout KeyArena) -> Void) -> [Int32] {
        var arena = KeyArena()
        arena.bytes.reserveCapacity(count * 32)
        var offsets = [Int](repeating: 0, count: count + 1)
        for i in 0..<count {
            key(i, &arena)
            offsets[i + 1] = arena.bytes.count
        }
        var idx = (0..<Int32(count)).map { $0 }
        arena.bytes.withUnsafeBufferPointer { b in
            offsets.withUnsafeBufferPointer { o in
                let base = b.baseAddress!
                idx.sort { x, y in
                    let xs = o[Int(x)], xl = o[Int(x) + 1] - xs
                    let ys = o[Int(y)], yl = o[Int(y) + 1] - ys
                    let c = memcmp(base + xs, base + ys, min(xl, yl))
                    return c != 0 ? c < 0 : xl < yl
                }
            }
        }
        return idx
    }
}
