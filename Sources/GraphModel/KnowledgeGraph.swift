/// One corpus graph: nodes keyed by their stable id, edges by source, type and target.
///
/// A value type; adding a node or edge that is already present merges the two, so building
/// from partial graphs in any order gives the same graph.
public struct KnowledgeGraph: Sendable, Equatable {
    public private(set) var nodes: [String: Node] = [:]
    public private(set) var edges: [EdgeKey: Edge] = [:]

    public init() {}

    public init(nodes: some Sequence<Node>, edges: some Sequence<Edge>) {
        for n in nodes { add(n) }
        for e in edges { add(e) }
    }

    /// One hash lookup in the common case (a new id); a repeated id merges, and since merging is
    /// commutative the old report can be folded into the new one.
    public mutating func add(_ node: Node) {
        if let old = nodes.updateValue(node, forKey: node.id) { nodes[node.id]!.merge(old) }
    }

    public mutating func add(_ edge: Edge) {
        let k = edge.key
        if let old = edges.updateValue(edge, forKey: k) { edges[k]!.merge(old) }
    }

    /// Room for this many nodes and edges, so a reader that knows (or estimates) the size does not
    /// re-hash the tables as they grow.
    public mutating func reserveCapacity(nodes n: Int, edges e: Int) {
        nodes.reserveCapacity(n)
        edges.reserveCapacity(e)
    }

    public mutating func removeNode(_ id: String) {
        nodes[id] = nil
        edges = edges.filter { $0.key.source != id && $0.key.target != id }
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
