import Foundation
import GraphModel

/// What changed between two versions of the corpus graph: nodes and edges added, removed and
/// changed, matched by their stable ids (GRAPH_MODEL.md promises the same entity keeps its id
/// in every build, which is what makes a diff by id meaningful).
///
///     let diff = GraphDiff(old: lastWeek, new: today)
///     diff.addedNodes.map(\.id)        // ["org:quantiva-labs"]
///     diff.changedNodes.first?.changes // [.items(.sources, added: ["en-09"], removed: [])]
///
/// Every list is sorted by type, then id (edges: type, source, target), so renderers can group
/// by type by walking each list once and the output is the same on every run.
///
/// - Complexity: O(n + e) dictionary look-ups to match both graphs, plus O(k log k) to sort
///   the k elements that differ; unchanged elements are compared with `==` and never sorted.
public struct GraphDiff: Sendable {
    /// The graph before, when the diff was made from graphs (copy-on-write, so free); nil for a
    /// diff streamed from two sorted exports (`StreamedDiff`), which never builds them. Only the
    /// DOT renderer, which also draws unchanged parts, needs it.
    public let old: KnowledgeGraph?
    /// The graph after; nil as `old`.
    public let new: KnowledgeGraph?
    /// Node and edge counts of the graph before and after.
    public let oldSize: GraphSize
    public let newSize: GraphSize

    public let addedNodes: [Node]
    public let removedNodes: [Node]
    public let changedNodes: [NodeChange]
    public let addedEdges: [Edge]
    public let removedEdges: [Edge]
    public let changedEdges: [EdgeChange]

    public init(old: KnowledgeGraph, new: KnowledgeGraph) {
        let nodes = GraphDiff.match(old.nodes, new.nodes, NodeMatching.self)
        let edges = GraphDiff.match(old.edges, new.edges, EdgeMatching.self)
        self.init(old: old, new: new, oldSize: GraphSize(nodes: old.nodes.count, edges: old.edges.count),
                  newSize: GraphSize(nodes: new.nodes.count, edges: new.edges.count), nodes: nodes, edges: edges)
    }

    /// From the unsorted differences, found by matching graphs or by walking two sorted exports.
    init(old: KnowledgeGraph?, new: KnowledgeGraph?, oldSize: GraphSize, newSize: GraphSize,
         nodes: (added: [Node], removed: [Node], changed: [NodeChange]),
         edges: (added: [Edge], removed: [Edge], changed: [EdgeChange])) {
        self.old = old
        self.new = new
        self.oldSize = oldSize
        self.newSize = newSize
        addedNodes = nodes.added.sorted(by: GraphDiff.nodeOrder)
        removedNodes = nodes.removed.sorted(by: GraphDiff.nodeOrder)
        changedNodes = nodes.changed.sorted { GraphDiff.nodeOrder($0.new, $1.new) }
        addedEdges = edges.added.sorted(by: GraphDiff.edgeOrder)
        removedEdges = edges.removed.sorted(by: GraphDiff.edgeOrder)
        changedEdges = edges.changed.sorted { GraphDiff.edgeOrder($0.new, $1.new) }
    }

    /// Matches two dictionaries by key: values only in `new`, only in `old`, and `change` of the
    /// pairs that differ. Unsorted; the caller sorts the (few) results.
    ///
    /// One look-up per key of `old` (a hash and a probe per key, mostly cache misses on big
    /// graphs), split into contiguous ranges of dictionary positions matched on all cores. Each
    /// range also keeps the positions in `new` it matched, sorted; the additions are then the
    /// positions of `new` missing from those lists, found by walking `new` in order beside
    /// them, so no key of `new` is hashed again. Skipped when every key of `new` was matched.
    ///
    /// The comparison comes in as a type, not closures: specialized and inlined, the fields
    /// are read in place, where a closure call copies both values (a retain, and so a write to
    /// a cold cache line, per string and set).
    static func match<V: GraphElement, M: Matching>(
        _ old: GraphTable<V>, _ new: GraphTable<V>, _: M.Type
    ) -> (added: [V], removed: [V], changed: [M.Change]) where M.Value == V {
        let parts = inParallel(count: old.count) { lo, hi in
            var removed: [V] = [], changed: [M.Change] = [], matched: [Int] = []
            matched.reserveCapacity(hi - lo)
            var i = old.index(old.startIndex, offsetBy: lo)
            for _ in lo..<hi {
                // Compare in place: copying both values first would retain every field twice.
                if let j = new.index(forKey: old.keys[i]) {
                    matched.append(j)
                    if !M.same(old.values[i], new.values[j]), let c = M.change(old.values[i], new.values[j]) {
                        changed.append(c)
                    }
                } else {
                    removed.append(old.values[i])
                }
                old.formIndex(after: &i)
            }
            matched.sort()
            return (removed, changed, matched)
        }
        let removed = parts.flatMap(\.0), changed = parts.flatMap(\.1)
        // Matched keys number old.count - removed.count; if new has no more, none was added.
        guard new.count != old.count - removed.count else { return ([], removed, changed) }
        var added: [V] = []
        added.reserveCapacity(new.count - (old.count - removed.count))
        var heads = parts.map { _ in 0 }
        var j = new.startIndex
        while j != new.endIndex {
            var seen = false
            for p in parts.indices where heads[p] < parts[p].2.count && parts[p].2[heads[p]] == j {
                heads[p] += 1
                seen = true
                break
            }
            if !seen { added.append(new.values[j]) }
            new.formIndex(after: &j)
        }
        return (added, removed, changed)
    }

    /// Runs `body` on contiguous ranges covering `0..<count`, concurrently, and returns the
    /// results in range order. Small inputs run on the calling thread.
    static func inParallel<R: Sendable>(count: Int, _ body: @escaping @Sendable (Int, Int) -> R) -> [R] {
        let parts = count < 50_000 ? 1 : max(1, ProcessInfo.processInfo.activeProcessorCount) * 2
        if parts == 1 { return [body(0, count)] }
        let results = Slots<R>(parts)
        DispatchQueue.concurrentPerform(iterations: parts) { p in
            results.set(p, body(count * p / parts, count * (p + 1) / parts))
        }
        return results.values
    }

    /// True when the two graphs hold the same nodes and edges with the same attributes.
    public var isEmpty: Bool {
        addedNodes.isEmpty && removedNodes.isEmpty && changedNodes.isEmpty
            && addedEdges.isEmpty && removedEdges.isEmpty && changedEdges.isEmpty
    }

    /// Added, removed and changed counts for one node or edge type.
    public struct Counts: Sendable, Hashable {
        public var added = 0, removed = 0, changed = 0
        public var total: Int { added + removed + changed }
        public init(added: Int = 0, removed: Int = 0, changed: Int = 0) {
            self.added = added
            self.removed = removed
            self.changed = changed
        }
    }

    /// Counts of every node type that has at least one difference, in type order.
    public var nodeCounts: [(type: NodeType, counts: Counts)] {
        var c: [NodeType: Counts] = [:]
        for n in addedNodes { c[n.type, default: Counts()].added += 1 }
        for n in removedNodes { c[n.type, default: Counts()].removed += 1 }
        for n in changedNodes { c[n.type, default: Counts()].changed += 1 }
        return c.sorted { $0.key < $1.key }.map { (type: $0.key, counts: $0.value) }
    }

    /// Counts of every edge type that has at least one difference, in type order.
    public var edgeCounts: [(type: EdgeType, counts: Counts)] {
        var c: [EdgeType: Counts] = [:]
        for e in addedEdges { c[e.type, default: Counts()].added += 1 }
        for e in removedEdges { c[e.type, default: Counts()].removed += 1 }
        for e in changedEdges { c[e.type, default: Counts()].changed += 1 }
        return c.sorted { $0.key < $1.key }.map { (type: $0.key, counts: $0.value) }
    }

    /// Totals over all node types.
    public var nodeTotals: Counts {
        Counts(added: addedNodes.count, removed: removedNodes.count, changed: changedNodes.count)
    }

    /// Totals over all edge types.
    public var edgeTotals: Counts {
        Counts(added: addedEdges.count, removed: removedEdges.count, changed: changedEdges.count)
    }

    /// `==` without the id, which the look-up has just matched: on graphs read from two files
    /// every id is a separate heap string, and comparing it again costs a cache miss.
    static func sameAttributes(_ a: Node, _ b: Node) -> Bool {
        a.type == b.type && a.label == b.label && a.amount == b.amount && a.kind == b.kind
            && a.currency == b.currency && a.date == b.date && sameSet(a.sources, b.sources)
            && sameSet(a.aliases, b.aliases)
    }

    /// `==` without source, type and target, which the look-up has just matched.
    static func sameAttributes(_ a: Edge, _ b: Edge) -> Bool {
        sameSet(a.roles, b.roles) && sameSet(a.sources, b.sources) && a.evidence == b.evidence
    }

    /// Set equality without hashing for the usual few items: `Set ==` hashes every element of
    /// one side to probe the other, while equal counts and every item of `a` found in `b` by a
    /// scan prove the same (sets hold no duplicates) with string compares alone.
    @inline(__always)
    static func sameSet(_ a: StringSet, _ b: StringSet) -> Bool {
        guard a.count == b.count else { return false }
        switch a.count {
        case 0: return true
        case 1: return a.first! == b.first!
        case 2...4: return a.allSatisfy { x in b.contains { $0 == x } }
        default: return a == b
        }
    }

    /// The order of every node list: type, then id. A type change (impossible for well-formed
    /// ids, which carry the type prefix) sorts under the new type.
    static func nodeOrder(_ a: Node, _ b: Node) -> Bool {
        a.type != b.type ? a.type < b.type : a.id < b.id
    }

    /// The order of every edge list: type, then source, then target.
    static func edgeOrder(_ a: Edge, _ b: Edge) -> Bool {
        if a.type != b.type { return a.type < b.type }
        return a.source != b.source ? a.source < b.source : a.target < b.target
    }
}

/// How many nodes and edges one side of a diff holds.
public struct GraphSize: Sendable, Hashable {
    public var nodes: Int
    public var edges: Int
    public init(nodes: Int, edges: Int) {
        self.nodes = nodes
        self.edges = edges
    }
}

/// How `GraphDiff.match` compares the two versions of one element.
protocol Matching: Sendable {
    associatedtype Value: Sendable
    associatedtype Change: Sendable
    /// Equal attributes (the key is already matched).
    static func same(_ a: Value, _ b: Value) -> Bool
    /// The change between two unequal values, or nil when they differ yet nothing changed.
    static func change(_ a: Value, _ b: Value) -> Change?
}

enum NodeMatching: Matching {
    @inline(__always) static func same(_ a: Node, _ b: Node) -> Bool { GraphDiff.sameAttributes(a, b) }
    static func change(_ a: Node, _ b: Node) -> NodeChange? {
        let c = NodeChange(old: a, new: b)
        return c.changes.isEmpty ? nil : c  // a NaN amount is unequal to itself, yet no change
    }
}

enum EdgeMatching: Matching {
    @inline(__always) static func same(_ a: Edge, _ b: Edge) -> Bool { GraphDiff.sameAttributes(a, b) }
    static func change(_ a: Edge, _ b: Edge) -> EdgeChange? { EdgeChange(old: a, new: b) }
}

/// One node present in both graphs whose attributes differ.
public struct NodeChange: Sendable, Hashable {
    public let old: Node
    public let new: Node
    /// The differing attributes, in `Attribute` order.
    public let changes: [AttributeChange]

    public init(old: Node, new: Node) {
        self.old = old
        self.new = new
        self.changes = AttributeChange.between(old, new)
    }

    public var id: String { new.id }
    public var type: NodeType { new.type }
}

/// One edge present in both graphs (same source, type and target) whose attributes differ.
public struct EdgeChange: Sendable, Hashable {
    public let old: Edge
    public let new: Edge
    /// The differing attributes, in `Attribute` order.
    public let changes: [AttributeChange]

    public init(old: Edge, new: Edge) {
        self.old = old
        self.new = new
        self.changes = AttributeChange.between(old, new)
    }

    public var key: EdgeKey { new.key }
    public var type: EdgeType { new.type }
}

/// One result slot per parallel part, written under a lock (NSLock: `Mutex` needs macOS 15).
private final class Slots<R: Sendable>: @unchecked Sendable {
    private var slots: [R?]
    private let lock = NSLock()

    init(_ n: Int) { slots = Array(repeating: nil, count: n) }

    func set(_ i: Int, _ r: R) {
        lock.lock()
        slots[i] = r
        lock.unlock()
    }

    var values: [R] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}
