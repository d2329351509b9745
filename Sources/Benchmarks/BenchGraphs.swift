import Diffing
import GraphModel

/// The graphs the graph stages measure: seeded, so every run and every stage sees the same
/// graph of a given size, and the peers read the very files our writers wrote.
enum BenchGraphs {
    /// A graph of `nodes` nodes and three edges per node, with names that exercise escaping
    /// (quotes, `<`, `&`, emoji, control characters): the writers' and readers' worst honest case.
    static func graph(nodes: Int) -> KnowledgeGraph {
        SyntheticGraph.make(nodes: nodes, seed: 1)
    }

    /// Two versions of a graph of `nodes` nodes in which 1% of the nodes and of the edges differ
    /// (the diff engineer's pair, also behind `newsgraph diff --benchmark-nodes`).
    static func pair(nodes: Int) -> (old: KnowledgeGraph, new: KnowledgeGraph) {
        SyntheticGraphs.pair(nodes: nodes, fraction: 0.01)
    }
}
