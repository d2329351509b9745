import Foundation
import GraphInterchange
import GraphModel

/// The diff of two `graph.jsonld` exports as a merge-join of their items, without building
/// either graph: newsgraph writes nodes sorted by id, then edges sorted by source, type and
/// target (byte order), so walking both files side by side pairs every element with its other
/// version. Each file is read on a thread of its own; items whose bytes are equal on both sides
/// are equal elements and are only compared, never parsed; the others are parsed and compared as
/// `GraphDiff` compares them, so the result is the same `GraphDiff` (less the graphs).
///
///     if let d = StreamedDiff.diff(old: "a/graph.jsonld", new: "b/graph.jsonld") { ... }
///
/// Returns nil (the caller then reads both graphs) whenever the shortcut might not give what
/// the full reading gives: a file not in that order (another tool wrote it, or ids repeat), an
/// id whose bytes are not in Unicode NFC (Swift compares strings by canonical equivalence, so two
/// such ids could be one node to the full reader), or any read or parse error (the full reader
/// phrases it, with its line).
///
/// Measured on the benchmark pair (two 1,000,000-node, ~3,000,000-edge exports differing in 1%,
/// 1.4 GB each; 2 cores shared with other builds, load 6-8, so CPU is the steadier figure): the
/// whole `newsgraph diff old new` took 78.3 s (CPU 44.5 s, peak RSS 4.94 GB) reading both graphs,
/// and 10-11 s (CPU 5.2-5.5 s, peak RSS 86-94 MB) streamed, with byte-identical text, JSON and
/// patch reports.
public enum StreamedDiff {
    public static func diff(old: String, new: String, chunk: Int = 4 << 20) -> GraphDiff? {
        guard let a = try? JSONLDRecords(path: old, chunk: chunk) else { return nil }
        guard let b = try? JSONLDRecords(path: new, chunk: chunk) else { try? a.finish(); return nil }
        var join = MergeJoin(old: Cursor(a), new: Cursor(b))
        let ok = (try? join.run()) != nil
        // A reader's error is known only once it has stopped: finish both before trusting the walk.
        let aFailed = (try? a.finish()) == nil, bFailed = (try? b.finish()) == nil
        guard ok, !aFailed, !bFailed else { return nil }
        return GraphDiff(old: nil, new: nil,
                         oldSize: GraphSize(nodes: join.old.nodes, edges: join.old.edges),
                         newSize: GraphSize(nodes: join.new.nodes, edges: join.new.edges),
                         nodes: (join.addedNodes, join.removedNodes, join.changedNodes),
                         edges: (join.addedEdges, join.removedEdges, join.changedEdges))
    }

    /// Why the walk gave up; never shown (the caller falls back to the full reading).
    struct GiveUp: Error {}

    /// One side's records in file order, checked as they come: nodes strictly increasing by id,
    /// then edges strictly increasing by key, every id in NFC.
    struct Cursor {
        let reader: JSONLDRecords
        var batch = RecordBatch()
        var k = 0
        /// The batch holding the previous record, and its index (to check the order).
        var prevBatch = RecordBatch()
        var prevK = -1
        var nodes = 0, edges = 0

        init(_ reader: JSONLDRecords) { self.reader = reader }

        /// The current record, loading the next batch as needed; nil at the end.
        mutating func current() -> ItemRecord? {
            while k >= batch.records.count {
                guard let next = reader.next() else { return nil }
                if prevK >= 0 && prevK == batch.records.count - 1 { prevBatch = batch; prevK = -2 }
                batch = next
                k = 0
            }
            return batch.records[k]
        }

        /// Moves past the current record, after checking it against the one before.
        mutating func advance() throws {
            let r = batch.records[k]
            if !r.asciiKey { try Cursor.checkNFC(batch, r) }
            if prevK != -1 {
                let (pb, p) = prevK == -2 ? (prevBatch, prevBatch.records[prevBatch.records.count - 1])
                                          : (batch, batch.records[prevK])
                if p.isEdge && !r.isEdge { throw GiveUp() }
                let order = p.isEdge == r.isEdge ? MergeJoin.compare(pb, p, batch, r) : -1
                guard order < 0 else { throw GiveUp() }
            }
            if r.isEdge { edges += 1 } else { nodes += 1 }
            prevK = k
            k += 1
        }

        /// Byte order is Swift's string order, and byte equality its equality, only for NFC ids.
        static func checkNFC(_ b: RecordBatch, _ r: ItemRecord) throws {
            for (lo, hi) in [(r.firstStart, r.firstEnd), (r.secondStart, r.secondEnd)] {
                let bytes = Array(b.bytes[Int(lo)..<Int(hi)])
                if bytes.allSatisfy({ $0 < 0x80 }) { continue }
                let s = String(decoding: bytes, as: UTF8.self)
                guard Array(s.precomposedStringWithCanonicalMapping.utf8) == bytes else { throw GiveUp() }
            }
        }
    }

    /// The walk: nodes of both sides first, then edges, each pair of heads compared by key.
    struct MergeJoin {
        var old: Cursor
        var new: Cursor
        var addedNodes: [Node] = [], removedNodes: [Node] = [], changedNodes: [NodeChange] = []
        var addedEdges: [Edge] = [], removedEdges: [Edge] = [], changedEdges: [EdgeChange] = []

        mutating func run() throws {
            try walk(edges: false)
            try walk(edges: true)
            guard old.current() == nil, new.current() == nil else { throw GiveUp() }
        }

        private mutating func walk(edges: Bool) throws {
            while true {
                let a = old.current().flatMap { $0.isEdge == edges ? $0 : nil }
                let b = new.current().flatMap { $0.isEdge == edges ? $0 : nil }
                switch (a, b) {
                case (nil, nil):
                    return
                case let (a?, nil):
                    try removed(a)
                case let (nil, b?):
                    try added(b)
                case let (a?, b?):
                    let c = MergeJoin.compare(old.batch, a, new.batch, b)
                    if c < 0 {
                        try removed(a)
                    } else if c > 0 {
                        try added(b)
                    } else {
                        if !MergeJoin.sameBytes(old.batch, a, new.batch, b) { try changed(a, b) }
                        try old.advance()
                        try new.advance()
                    }
                }
            }
        }

        private mutating func removed(_ r: ItemRecord) throws {
            switch try JSONLDRecords.element(old.batch, r) {
            case .node(let n): removedNodes.append(n)
            case .edge(let e): removedEdges.append(e)
            }
            try old.advance()
        }

        private mutating func added(_ r: ItemRecord) throws {
            switch try JSONLDRecords.element(new.batch, r) {
            case .node(let n): addedNodes.append(n)
            case .edge(let e): addedEdges.append(e)
            }
            try new.advance()
        }

        /// Same key, different bytes: compared as `GraphDiff.match` compares.
        private mutating func changed(_ a: ItemRecord, _ b: ItemRecord) throws {
            switch (try JSONLDRecords.element(old.batch, a), try JSONLDRecords.element(new.batch, b)) {
            case let (.node(x), .node(y)):
                if !NodeMatching.same(x, y), let c = NodeMatching.change(x, y) { changedNodes.append(c) }
            case let (.edge(x), .edge(y)):
                if !EdgeMatching.same(x, y), let c = EdgeMatching.change(x, y) { changedEdges.append(c) }
            default:
                throw GiveUp()
            }
        }

        /// Key order: node ids, or edge (source, type, target), each id by its bytes; < 0, 0, > 0.
        static func compare(_ ab: RecordBatch, _ a: ItemRecord, _ bb: RecordBatch, _ b: ItemRecord) -> Int {
            ab.bytes.withUnsafeBufferPointer { x in
                bb.bytes.withUnsafeBufferPointer { y in
                    let c = bytes(x, a.firstStart, a.firstEnd, y, b.firstStart, b.firstEnd)
                    if c != 0 || !a.isEdge { return c }
                    if a.edgeType != b.edgeType { return a.edgeType < b.edgeType ? -1 : 1 }
                    return bytes(x, a.secondStart, a.secondEnd, y, b.secondStart, b.secondEnd)
                }
            }
        }

        @inline(__always)
        static func bytes(_ x: UnsafeBufferPointer<UInt8>, _ xs: Int32, _ xe: Int32,
                          _ y: UnsafeBufferPointer<UInt8>, _ ys: Int32, _ ye: Int32) -> Int {
            let n = Int(xe - xs), m = Int(ye - ys)
            let c = memcmp(x.baseAddress! + Int(xs), y.baseAddress! + Int(ys), min(n, m))
            if c != 0 { return Int(c) }
            return n == m ? 0 : (n < m ? -1 : 1)
        }

        static func sameBytes(_ ab: RecordBatch, _ a: ItemRecord, _ bb: RecordBatch, _ b: ItemRecord) -> Bool {
            ab.bytes.withUnsafeBufferPointer { x in
                bb.bytes.withUnsafeBufferPointer { y in
                    bytes(x, a.itemStart, a.itemEnd, y, b.itemStart, b.itemEnd) == 0
                }
            }
        }
    }
}

extension GraphDiff {
    public enum Side: Sendable { case old, new }

    /// The elements of one side that the diff lists: removed and changed ones for `.old`, added
    /// and changed ones for `.new`. All there is of a side when the diff holds no graphs.
    public static func graph(of diff: GraphDiff, side: Side) -> KnowledgeGraph {
        switch side {
        case .old:
            KnowledgeGraph(nodes: diff.removedNodes + diff.changedNodes.map(\.old),
                           edges: diff.removedEdges + diff.changedEdges.map(\.old))
        case .new:
            KnowledgeGraph(nodes: diff.addedNodes + diff.changedNodes.map(\.new),
                           edges: diff.addedEdges + diff.changedEdges.map(\.new))
        }
    }
}

/// The diff of two exports in any format `readGraph` reads (GraphML, or GraphML against
/// JSON-LD) as a merge-join of their parsed elements: the readers' own parse, without the
/// graph's hash tables. Elements are matched and ordered with Swift's own `==` and `<` on ids
/// (what the graph's dictionaries and `EdgeKey` use), so a file counts as sorted only when its
/// elements strictly increase in that order, and then every element is one graph entry.
///
/// Returns nil when the shortcut does not apply: a node after an edge, elements out of order
/// or repeated, or any read error (the caller reads both graphs and reports it).
///
/// The parse is the cost here: on the GraphML benchmark pair (as `StreamedDiff`'s, same load)
/// `newsgraph diff` took 136.2 s (CPU 71.7 s, 4.94 GB) reading both graphs, and 65.9 s (CPU
/// 39.7 s, 82 MB) streamed, with a byte-identical report.
public enum ElementStreamDiff {
    public static func diff(old: String, new: String) -> GraphDiff? {
        guard let a = try? ElementStream(path: old) else { return nil }
        guard let b = try? ElementStream(path: new) else { try? a.finish(); return nil }
        var join = Join(old: Side(a), new: Side(b))
        let ok = (try? join.run()) != nil
        let aFailed = (try? a.finish()) == nil, bFailed = (try? b.finish()) == nil
        guard ok, !aFailed, !bFailed else { return nil }
        return GraphDiff(old: nil, new: nil,
                         oldSize: GraphSize(nodes: join.old.nodeCount, edges: join.old.edgeCount),
                         newSize: GraphSize(nodes: join.new.nodeCount, edges: join.new.edgeCount),
                         nodes: (join.addedNodes, join.removedNodes, join.changedNodes),
                         edges: (join.addedEdges, join.removedEdges, join.changedEdges))
    }

    /// One side's elements in file order: each batch's nodes, then its edges.
    struct Side {
        let stream: ElementStream
        var batch = ReadBatch()
        var n = 0, e = 0
        var sawEdge = false
        var nodeCount = 0, edgeCount = 0
        var lastNode: Node?
        var lastEdge: Edge?

        init(_ stream: ElementStream) { self.stream = stream }

        /// Loads batches until one has elements left; false at the end.
        mutating func fill() throws -> Bool {
            while n >= batch.nodes.count && e >= batch.edges.count {
                guard let next = stream.next() else { return false }
                if next.nodeAfterEdge || (sawEdge && !next.nodes.isEmpty) { throw StreamedDiff.GiveUp() }
                batch = next
                n = 0
                e = 0
            }
            return true
        }

        mutating func node() throws -> Node? {
            guard try fill(), n < batch.nodes.count else { return nil }
            return batch.nodes[n]
        }

        mutating func edge() throws -> Edge? {
            guard try fill(), n >= batch.nodes.count, e < batch.edges.count else { return nil }
            return batch.edges[e]
        }

        mutating func takeNode() throws {
            let x = batch.nodes[n]
            if let p = lastNode, !(p.id < x.id) { throw StreamedDiff.GiveUp() }
            lastNode = x
            nodeCount += 1
            n += 1
        }

        mutating func takeEdge() throws {
            let x = batch.edges[e]
            if let p = lastEdge, Join.order(p, x) >= 0 { throw StreamedDiff.GiveUp() }
            lastEdge = x
            sawEdge = true
            edgeCount += 1
            e += 1
        }
    }

    struct Join {
        var old: Side
        var new: Side
        var addedNodes: [Node] = [], removedNodes: [Node] = [], changedNodes: [NodeChange] = []
        var addedEdges: [Edge] = [], removedEdges: [Edge] = [], changedEdges: [EdgeChange] = []

        mutating func run() throws {
            while true {
                let a = try old.node(), b = try new.node()
                guard a != nil || b != nil else { break }
                if let a, let b, a.id == b.id {
                    if !NodeMatching.same(a, b), let c = NodeMatching.change(a, b) { changedNodes.append(c) }
                    try old.takeNode()
                    try new.takeNode()
                } else if let a, b == nil || a.id < b!.id {
                    removedNodes.append(a)
                    try old.takeNode()
                } else {
                    addedNodes.append(b!)
                    try new.takeNode()
                }
            }
            while true {
                let a = try old.edge(), b = try new.edge()
                guard a != nil || b != nil else { break }
                let c = a.flatMap { a in b.map { Join.order(a, $0) } }
                if let a, let b, c == 0 {
                    if !EdgeMatching.same(a, b), let c = EdgeMatching.change(a, b) { changedEdges.append(c) }
                    try old.takeEdge()
                    try new.takeEdge()
                } else if let a, b == nil || c! < 0 {
                    removedEdges.append(a)
                    try old.takeEdge()
                } else {
                    addedEdges.append(b!)
                    try new.takeEdge()
                }
            }
            // Both at their ends: a node left after the edges would be out of order.
            guard try !old.fill(), try !new.fill() else { throw StreamedDiff.GiveUp() }
        }

        /// `EdgeKey` order (source, type, target) without building the keys.
        static func order(_ a: Edge, _ b: Edge) -> Int {
            if a.source != b.source { return a.source < b.source ? -1 : 1 }
            if a.type != b.type { return a.type < b.type ? -1 : 1 }
            if a.target != b.target { return a.target < b.target ? -1 : 1 }
            return 0
        }
    }
}
