/// One corpus graph: nodes keyed by their stable id, edges by source, type and target.
///
/// A value type; adding a node or edge that is already present merges the two, so building
/// from partial graphs in any order gives the same graph. Nodes and edges sit in `GraphTable`s
/// (dense arrays with a small index), which read like dictionaries.
public struct KnowledgeGraph: Sendable, Equatable {
    public private(set) var nodes = NodeTable()
    public private(set) var edges = EdgeTable()

    public init() {}

    public init(nodes: some Sequence<Node>, edges: some Sequence<Edge>) {
        for n in nodes { add(n) }
        for e in edges { add(e) }
    }

    /// One hash lookup; a repeated id merges (merging is commutative and associative).
    public mutating func add(_ node: Node) {
        nodes.insert(node) { old, new in old.merge(new) }
    }

    public mutating func add(_ edge: Edge) {
        edges.insert(edge) { old, new in old.merge(new) }
    }

    /// Room for this many nodes and edges, so a reader that knows (or estimates) the size does not
    /// re-hash the tables as they grow.
    public mutating func reserveCapacity(nodes n: Int, edges e: Int) {
        nodes.reserveCapacity(n)
        edges.reserveCapacity(e)
    }

    public mutating func removeNode(_ id: String) {
        nodes.removeAll { $0.id == id }
        edges.removeAll { $0.source == id || $0.target == id }
    }

    /// Nodes in export order: by id.
    public var sortedNodes: [Node] { nodes.values.sorted { $0.id < $1.id } }

    /// Edges in export order: by source, type, target.
    public var sortedEdges: [Edge] { edges.values.sorted { $0.key < $1.key } }

    /// Merges another graph into this one.
    public mutating func merge(_ other: KnowledgeGraph) {
        for n in other.nodes.values { add(n) }
        for e in other.edges.values { add(e) }
    }

    public func nodeCounts() -> [NodeType: Int] {
        var c: [NodeType: Int] = [:]
        for n in nodes.values { c[n.type, default: 0] += 1 }
        return c
    }

    public func edgeCounts() -> [EdgeType: Int] {
        var c: [EdgeType: Int] = [:]
        for e in edges.values { c[e.type, default: 0] += 1 }
        return c
    }
}
