import Dispatch
import GraphModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The graph as every writer sees it: cleaned once, sorted once, shared by all formats.
///
/// Cleaning makes the exports agree with each other: characters XML 1.0 forbids are dropped from
/// every string (not only in the XML formats), list items holding the `|` separator are split
/// there and empty items dropped (so `a|b` reads back as the same set), and a non-finite amount
/// is dropped. Two ids that become one after cleaning are one node (or edge), merged.
///
/// Built without copying the graph: a node's number is its position in the graph (each edge
/// endpoint is one look-up in the graph's own index), the ids are sorted once by their UTF-8
/// bytes, and edges are then ordered by integer ranks (source, type, target) instead of by
/// strings. At 1,000,000 nodes and 3,000,000 edges this replaced a 33 s
/// clean-and-rebuild-and-sort with a few seconds, and adds about 210 MB at its peak.
public struct PreparedGraph: Sendable {
    /// The cleaned graph: the input itself when cleaning changed nothing, else rebuilt from
    /// `nodes` and `edges` on each access (the writers never need it).
    public var graph: KnowledgeGraph {
        unchanged ?? KnowledgeGraph(nodes: Array(nodes), edges: Array(edges))
    }
    /// Nodes by id, in UTF-8 byte order.
    public let nodes: PreparedList<Node>
    /// Edges by source, type, target, in UTF-8 byte order.
    public let edges: PreparedList<Edge>
    /// One line per kind of change cleaning made, for the user.
    public let warnings: [String]
    private let unchanged: KnowledgeGraph?

    public init(_ g: KnowledgeGraph) {
        var c = CleaningCounts()
        let ids = IDTable(g)
        nodes = PreparedGraph.sortedNodes(g, ids, &c)
        edges = PreparedGraph.sortedEdges(g, ids, &c)
        unchanged = c.changedAnything ? nil : g
        warnings = c.warnings
    }

    /// Nodes in the order of their ids' ranks; cleaned copies of those that need it. Nodes whose
    /// cleaned ids coincide merge (in the order of their original ids, so the result does not
    /// depend on hashing).
    static func sortedNodes(_ g: KnowledgeGraph, _ ids: IDTable, _ c: inout CleaningCounts) -> PreparedList<Node> {
        let nodeCount = g.nodes.count
        var list = PreparedList(g.nodes.values, capacity: nodeCount)
        var lastRank: Int32 = -1
        for slot in ids.order where Int(slot) < nodeCount {
            let s = Int(slot)
            let position = Int32(s)
            let merge = ids.rank[s] == lastRank
            lastRank = ids.rank[s]
            guard merge || ids.nodeNeedsCleaning[s] || ids.idChanged[s] else {
                list.append(position)
                continue
            }
            var n = g.nodes.values[s]
            c.dropped += Int(ids.dropped[s])
            if ids.rewritten[s] { c.ids += 1 }
            n.id = ids.cleaned[s]
            c.clean(&n)
            if merge {
                var m = list.last!
                m.merge(n)
                list.replaceLast(with: m)
            } else {
                list.append(position, cleaned: n)
            }
        }
        return list
    }

    /// Edges sorted by (source rank, type rank, target rank), ties in edge order; cleaned
    /// copies of those that need it. Edges whose cleaned keys coincide merge (edge merging is
    /// commutative).
    ///
    /// A counting sort by source rank, then each source's few edges sorted by (type, target
    /// rank): linear, and 4 bytes per edge, where a radix sort of (key, item) pairs needed 32
    /// (80 MB more at the peak of a 3,000,000-edge write).
    static func sortedEdges(_ g: KnowledgeGraph, _ ids: IDTable, _ c: inout CleaningCounts) -> PreparedList<Edge> {
        let count = g.edges.count
        let typeRank = EdgeType.typeRanks
        let order = ids.rank.withUnsafeBufferPointer { rank in
            ids.sourceSlot.withUnsafeBufferPointer { sourceSlot in
                ids.targetSlot.withUnsafeBufferPointer { targetSlot in
                    ids.edgeType.withUnsafeBufferPointer { edgeType in
                        /// (type rank, target rank) of edge i, one integer.
                        func secondary(_ i: Int32) -> UInt64 {
                            UInt64(typeRank[Int(edgeType[Int(i)])]) << 32 | UInt64(UInt32(rank[Int(targetSlot[Int(i)])]))
                        }
                        var start = [Int32](repeating: 0, count: rank.count + 1)
                        for i in 0..<count { start[Int(rank[Int(sourceSlot[i])]) + 1] += 1 }
                        for r in 0..<rank.count { start[r + 1] += start[r] }
                        var order = [Int32](repeating: 0, count: count)
                        var next = start
                        for i in 0..<count {
                            let r = Int(rank[Int(sourceSlot[i])])
                            order[Int(next[r])] = Int32(i)
                            next[r] += 1
                        }
                        next = []
                        order.withUnsafeMutableBufferPointer { o in
                            for r in 0..<rank.count where start[r + 1] - start[r] > 1 {
                                var run = UnsafeMutableBufferPointer(rebasing: o[Int(start[r])..<Int(start[r + 1])])
                                run.sort { a, b in
                                    let x = secondary(a), y = secondary(b)
                                    return x != y ? x < y : a < b
                                }
                            }
                        }
                        return order
                    }
                }
            }
        }
        var list = PreparedList(g.edges.values, capacity: count)
        var lastKey: (Int32, UInt8, Int32) = (-1, 0, -1)
        for item in order {
            let i = Int(item)
            let s = Int(ids.sourceSlot[i]), t = Int(ids.targetSlot[i])
            let key = (ids.rank[s], ids.edgeType[i], ids.rank[t])
            let merge = key == lastKey && !list.isEmpty
            lastKey = key
            guard merge || ids.edgeNeedsCleaning[i] || ids.idChanged[s] || ids.idChanged[t] else {
                list.append(Int32(i))
                continue
            }
            var e = g.edges.values[i]
            c.dropped += Int(ids.dropped[s]) + Int(ids.dropped[t])
            if ids.rewritten[s] || ids.rewritten[t] { c.endpointRewrites += 1 }
            e.source = ids.cleaned[s]
            e.target = ids.cleaned[t]
            c.clean(&e)
            if merge {
                var m = list.last!
                m.merge(e)
                list.replaceLast(with: m)
            } else {
                list.append(Int32(i), cleaned: e)
            }
        }
        return list
    }
}

/// The nodes or edges of a prepared graph in export order, without copying them: positions in
/// the graph's own array of elements (4 bytes each), plus cleaned copies of the few elements
/// cleaning changed. At 3,000,000 edges this saves a 384 MB array and the time to fill it.
public struct PreparedList<Element: Sendable>: RandomAccessCollection, Sendable {
    private let storage: [Element]
    private var positions: [Int32] = []
    /// Per position: -1, or where its cleaned copy is in `cleaned` (empty when none is).
    private var replaced: [Int32] = []
    private var cleaned: [Element] = []

    init(_ storage: [Element], capacity: Int) {
        self.storage = storage
        positions.reserveCapacity(capacity)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { positions.count }

    /// Yields the element in place (a read accessor, not a copy: copying an edge retains and
    /// releases each of its strings, shared between the cores that format them).
    public subscript(i: Int) -> Element {
        _read {
            if !replaced.isEmpty, case let r = replaced[i], r >= 0 {
                yield cleaned[Int(r)]
            } else {
                yield storage[Int(positions[i])]
            }
        }
    }

    /// Calls `body` with the elements at `range` and their positions, each borrowed in place
    /// (the subscript's read accessor still copied edges, a retain and release per string).
    func forEach(in range: Range<Int>, _ body: (borrowing Element, Int) -> Void) {
        storage.withUnsafeBufferPointer { s in
            positions.withUnsafeBufferPointer { p in
                if replaced.isEmpty {
                    for i in range { body(s[Int(p[i])], i) }
                    return
                }
                replaced.withUnsafeBufferPointer { rep in
                    cleaned.withUnsafeBufferPointer { c in
                        for i in range {
                            if rep[i] >= 0 { body(c[Int(rep[i])], i) } else { body(s[Int(p[i])], i) }
                        }
                    }
                }
            }
        }
    }

    mutating func append(_ position: Int32) {
        positions.append(position)
        if !replaced.isEmpty { replaced.append(-1) }
    }

    mutating func append(_ position: Int32, cleaned element: Element) {
        if replaced.isEmpty {
            replaced = [Int32](repeating: -1, count: positions.count)
            replaced.reserveCapacity(positions.capacity)
        }
        positions.append(position)
        replaced.append(Int32(cleaned.count))
        cleaned.append(element)
    }

    mutating func replaceLast(with element: Element) {
        if replaced.isEmpty || replaced[positions.count - 1] < 0 {
            let p = positions.removeLast()
            if !replaced.isEmpty { replaced.removeLast() }
            append(p, cleaned: element)
        } else {
            cleaned[Int(replaced[positions.count - 1])] = element
        }
    }
}

extension EdgeType {
    /// Rank of each case (by `allCases` position) in the byte order of the raw values.
    static let typeRanks: [UInt8] = {
        let sorted = EdgeType.allCases.sorted()
        return EdgeType.allCases.map { t in UInt8(sorted.firstIndex(of: t)!) }
    }()

    var caseNumber: UInt8 { UInt8(EdgeType.allCases.firstIndex(of: self)!) }
}

/// Every id of the graph (node ids first, then edge endpoints that name no node) numbered once,
/// with its cleaned spelling and its rank in the byte order of the cleaned ids; which nodes and
/// edges need cleaning, found in one pass in storage order (cache-friendly).
struct IDTable {
    /// Per id slot: the cleaned id, characters cleaning dropped, whether the id was rewritten,
    /// whether the cleaned id differs from the original.
    var cleaned: [String] = []
    var originals: [String] = []
    var dropped: [Int32] = []
    var rewritten: [Bool] = []
    var idChanged: [Bool] = []
    /// Per id slot: its position in byte order of cleaned ids (equal cleaned ids share a rank).
    var rank: [Int32] = []
    /// Slots in rank order.
    var order: [Int32] = []
    /// Node slot i is `g.nodes.values[i]`.
    var nodeNeedsCleaning: [Bool] = []
    /// Per edge k (`g.edges.values[k]`): its endpoints' slots, its type's case number.
    var edgeNeedsCleaning: [Bool] = []
    var sourceSlot: [Int32] = []
    var targetSlot: [Int32] = []
    var edgeType: [UInt8] = []

    init(_ g: KnowledgeGraph) {
        // Node slot i is node position i, so the graph's own index numbers the endpoints.
        nodeNeedsCleaning.reserveCapacity(g.nodes.count)
        for n in g.nodes.values {
            add(n.id)
            nodeNeedsCleaning.append(CleaningCounts.needsCleaning(n))
        }
        let m = g.edges.count
        var needs = [Bool](repeating: false, count: m)
        var types = [UInt8](repeating: 0, count: m)
        var sources = [Int32](repeating: -1, count: m)
        var targets = [Int32](repeating: -1, count: m)
        // Reading every edge and looking up both endpoints is bound by memory latency: split over
        // the cores. Edges are read in place (a copy would retain each of their strings, shared
        // between cores). Ids that name no node are numbered after, in edge order.
        needs.withUnsafeMutableBufferPointer { needs in
            types.withUnsafeMutableBufferPointer { types in
                sources.withUnsafeMutableBufferPointer { sources in
                    targets.withUnsafeMutableBufferPointer { targets in
                        let out = EdgePassOutput(needs: needs, types: types, sources: sources, targets: targets)
                        let workers = m < 50_000 ? 1 : ParallelChunks.workers
                        let per = (m + workers - 1) / max(1, workers)
                        let edges = g.edges.values, nodes = g.nodes
                        DispatchQueue.concurrentPerform(iterations: workers) { w in
                            edges.withUnsafeBufferPointer { edges in
                                for k in (w * per)..<min(m, (w + 1) * per) {
                                    out.types[k] = edges[k].type.caseNumber
                                    out.needs[k] = CleaningCounts.needsCleaning(edges[k])
                                    out.sources[k] = nodes.index(forKey: edges[k].source).map(Int32.init) ?? -1
                                    out.targets[k] = nodes.index(forKey: edges[k].target).map(Int32.init) ?? -1
                                }
                            }
                        }
                    }
                }
            }
        }
        var extra: [String: Int32] = [:]
        for k in 0..<m where sources[k] < 0 || targets[k] < 0 {
            let e = g.edges.values[k]
            if sources[k] < 0 { sources[k] = slot(e.source, &extra) }
            if targets[k] < 0 { targets[k] = slot(e.target, &extra) }
        }
        edgeNeedsCleaning = needs
        edgeType = types
        sourceSlot = sources
        targetSlot = targets
        rankSlots()
    }

    /// The slot of an edge endpoint that names no node: one of its own, the same for every edge.
    private mutating func slot(_ id: String, _ extra: inout [String: Int32]) -> Int32 {
        if let s = extra[id] { return s }
        let s = Int32(cleaned.count)
        extra[id] = s
        add(id)
        return s
    }

    private mutating func add(_ id: String) {
        var d = 0, r = 0
        let c = ExportText.nameSafeID(ExportText.clean(id, dropped: &d), rewritten: &r)
        cleaned.append(c)
        originals.append(id)
        dropped.append(Int32(d))
        rewritten.append(r > 0)
        idChanged.append((d > 0 || r > 0) && ExportText.compare(c, id) != 0)
    }

    /// Sorts the slots by cleaned id bytes (ties: original id bytes, so merges happen in a fixed
    /// order) and numbers the distinct cleaned ids.
    private mutating func rankSlots() {
        let (order, startsRun) = ByteKeySort.order(cleaned) { [originals] a, b in
            ExportText.less(originals[Int(a)], originals[Int(b)])
        }
        self.order = order
        rank = [Int32](repeating: 0, count: cleaned.count)
        var r: Int32 = -1
        for (k, slot) in order.enumerated() {
            if startsRun[k] { r += 1 }
            rank[Int(slot)] = r
        }
    }
}

/// Where the parallel edge pass of `IDTable` writes: each worker its own range of each buffer.
private struct EdgePassOutput: @unchecked Sendable {
    let needs: UnsafeMutableBufferPointer<Bool>
    let types: UnsafeMutableBufferPointer<UInt8>
    let sources: UnsafeMutableBufferPointer<Int32>
    let targets: UnsafeMutableBufferPointer<Int32>
}

/// What cleaning changed, counted for the warnings.
struct CleaningCounts {
    var dropped = 0, split = 0, amounts = 0, ids = 0, endpointRewrites = 0

    var changedAnything: Bool { dropped + split + amounts + ids + endpointRewrites > 0 }

    var warnings: [String] {
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
        return w
    }

    /// Would `clean` change this node? A byte scan of each string; no copies.
    static func needsCleaning(_ n: Node) -> Bool {
        if ExportText.mayHoldForbidden(n.label) || PreparedGraph.badList(n.aliases) || PreparedGraph.badList(n.sources) { return true }
        if let k = n.kind, ExportText.mayHoldForbidden(k) { return true }
        if let v = n.currency, ExportText.mayHoldForbidden(v) { return true }
        if let v = n.date, ExportText.mayHoldForbidden(v) { return true }
        if let a = n.amount, !a.isFinite { return true }
        return false
    }

    /// Would `clean` change this edge?
    static func needsCleaning(_ e: Edge) -> Bool {
        if PreparedGraph.badList(e.roles) || PreparedGraph.badList(e.sources) { return true }
        if let ev = e.evidence, ExportText.mayHoldForbidden(ev.article) || ExportText.mayHoldForbidden(ev.sentence) { return true }
        return false
    }

    /// Cleans every string of a node but its id (done by `IDTable`). Strings that need nothing
    /// are kept as they are: one byte scan each, no copy.
    mutating func clean(_ n: inout Node) {
        if ExportText.mayHoldForbidden(n.label) { n.label = ExportText.clean(n.label, dropped: &dropped) }
        if PreparedGraph.badList(n.aliases) { n.aliases = cleanList(n.aliases) }
        if PreparedGraph.badList(n.sources) { n.sources = cleanList(n.sources) }
        if let k = n.kind, ExportText.mayHoldForbidden(k) { n.kind = ExportText.clean(k, dropped: &dropped) }
        if let v = n.currency, ExportText.mayHoldForbidden(v) { n.currency = ExportText.clean(v, dropped: &dropped) }
        if let v = n.date, ExportText.mayHoldForbidden(v) { n.date = ExportText.clean(v, dropped: &dropped) }
        if let a = n.amount, !a.isFinite { n.amount = nil; amounts += 1 }
    }

    /// Cleans every string of an edge but its endpoints (done by `IDTable`).
    mutating func clean(_ e: inout Edge) {
        if PreparedGraph.badList(e.roles) { e.roles = cleanList(e.roles) }
        if PreparedGraph.badList(e.sources) { e.sources = cleanList(e.sources) }
        if let ev = e.evidence, ExportText.mayHoldForbidden(ev.article) || ExportText.mayHoldForbidden(ev.sentence) {
            e.evidence!.article = ExportText.clean(ev.article, dropped: &dropped)
            e.evidence!.sentence = ExportText.clean(ev.sentence, dropped: &dropped)
        }
    }

    mutating func cleanList(_ s: StringSet) -> StringSet {
        var out = StringSet()
        for item in s {
            let c = ExportText.clean(item, dropped: &dropped)
            let parts = c.split(separator: "|", omittingEmptySubsequences: true)
            if parts.count != 1 || parts[0].count != c.count { split += 1 }
            for p in parts { out.insert(String(p)) }
        }
        return out
    }
}

extension PreparedGraph {
    /// Could cleaning change this list? (an empty item, `|`, a forbidden character)
    static func badList(_ s: StringSet) -> Bool {
        s.contains { $0.isEmpty || ExportText.anyByte($0) { b in b == 0x7C || (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D) || b == 0xEF } }
    }
}

/// Sorts strings by their UTF-8 bytes: the first 16 bytes packed big-endian into two integers
/// compared first, the rest with memcmp over one arena; `tie` orders byte-equal strings.
enum ByteKeySort {
    private struct Entry {
        var hi: UInt64
        var lo: UInt64
        var item: Int32
    }

    /// The sorting permutation, and for each sorted position whether its string differs from
    /// the one before (starts a run of equal strings).
    static func order(_ strings: [String], tie: (Int32, Int32) -> Bool) -> (order: [Int32], startsRun: [Bool]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(strings.count * 24)
        var offsets = [Int](repeating: 0, count: strings.count + 1)
        var entries: [Entry] = []
        entries.reserveCapacity(strings.count)
        for (i, s) in strings.enumerated() {
            var s = s
            let start = bytes.count
            s.withUTF8 { u in
                bytes.append(contentsOf: u)
                var hi: UInt64 = 0, lo: UInt64 = 0
                for j in 0..<16 {
                    let b = UInt64(j < u.count ? u[j] : 0)
                    if j < 8 { hi = hi << 8 | b } else { lo = lo << 8 | b }
                }
                entries.append(Entry(hi: hi, lo: lo, item: Int32(i)))
            }
            offsets[i + 1] = start + s.utf8.count
        }
        bytes.withUnsafeBufferPointer { b in
            offsets.withUnsafeBufferPointer { o in
                let base = b.baseAddress ?? UnsafePointer(bitPattern: 1)!
                entries.sort { x, y in
                    if x.hi != y.hi { return x.hi < y.hi }
                    if x.lo != y.lo { return x.lo < y.lo }
                    let xs = o[Int(x.item)], xl = o[Int(x.item) + 1] - xs
                    let ys = o[Int(y.item)], yl = o[Int(y.item) + 1] - ys
                    let c = memcmp(base + xs, base + ys, min(xl, yl))
                    if c != 0 { return c < 0 }
                    if xl != yl { return xl < yl }
                    return tie(x.item, y.item)
                }
            }
        }
        var startsRun = [Bool](repeating: true, count: entries.count)
        bytes.withUnsafeBufferPointer { b in
            let base = b.baseAddress ?? UnsafePointer(bitPattern: 1)!
            for k in entries.indices.dropFirst() {
                let x = entries[k - 1], y = entries[k]
                guard x.hi == y.hi && x.lo == y.lo else { continue }
                let xs = offsets[Int(x.item)], xl = offsets[Int(x.item) + 1] - xs
                let ys = offsets[Int(y.item)], yl = offsets[Int(y.item) + 1] - ys
                startsRun[k] = xl != yl || memcmp(base + xs, base + ys, xl) != 0
            }
        }
        return (entries.map(\.item), startsRun)
    }
}
