import GraphModel

/// Two versions of a large made-up graph for measuring the diff (`newsgraph diff
/// --benchmark-nodes N`): `nodes` nodes (60% organizations, 30% people, 10% deals), three
/// edges per node, and a new version in which `fraction` of the nodes and of the edges differ,
/// a third each added, removed and changed. Seeded, so every run measures the same graphs.
public enum SyntheticGraphs {
    public static func pair(nodes n: Int, fraction: Double = 0.01) -> (old: KnowledgeGraph, new: KnowledgeGraph) {
        var rng = SplitMix(seed: 42)
        let orgs = max(1, n * 6 / 10), people = n * 3 / 10, deals = max(0, n - orgs - people)
        func org(_ i: Int) -> String { "org:company-\(i)" }
        var nodes: [Node] = []
        nodes.reserveCapacity(n)
        for i in 0..<orgs {
            nodes.append(Node(id: org(i), type: .organization, label: "Company \(i) AB",
                              aliases: ["Company \(i)", "Company \(i) AB"], sources: ["article-\(rng.next(1000))"]))
        }
        for i in 0..<people {
            nodes.append(Node(id: "person:person-\(i)", type: .person, label: "Person \(i)", aliases: ["Person \(i)"],
                              sources: ["article-\(rng.next(1000))"]))
        }
        for i in 0..<deals {
            nodes.append(Node(id: "deal:deal-\(i)", type: .deal, label: "Deal \(i)", sources: ["article-\(rng.next(1000))"],
                              kind: "investment", amount: Double(1 + rng.next(1000)) * 1e6, currency: "USD",
                              date: "2024-01-\(10 + rng.next(18))"))
        }
        var edges: [Edge] = []
        edges.reserveCapacity(3 * n)
        while edges.count < 3 * n {
            let src = "article-\(rng.next(1000))"
            let ev = Evidence(article: src, sentence: "Sentence \(edges.count).", start: 0, end: 12)
            switch rng.next(3) {
            case 0 where people > 0:
                edges.append(Edge(source: "person:person-\(rng.next(people))", target: org(rng.next(orgs)), type: .role,
                                  roles: ["ceo"], sources: [src], evidence: ev))
            case 1 where deals > 0:
                edges.append(Edge(source: org(rng.next(orgs)), target: "deal:deal-\(rng.next(deals))", type: .party,
                                  roles: ["investor"], sources: [src], evidence: ev))
            default:
                edges.append(Edge(source: org(rng.next(orgs)), target: org(rng.next(orgs)), type: .competesWith,
                                  sources: [src], evidence: ev))
            }
        }
        let old = KnowledgeGraph(nodes: nodes, edges: edges)

        // The new version: every k-th element touched, cycling through change, removal, addition.
        let step = max(1, Int((1 / fraction).rounded()))
        var newNodes: [Node] = [], removed: Set<String> = []
        newNodes.reserveCapacity(n)
        for (i, node) in nodes.enumerated() {
            guard i % step == 0 else { newNodes.append(node); continue }
            switch (i / step) % 3 {
            case 0:
                var m = node
                m.sources.insert("article-new")
                m.aliases.insert(node.label + " Group")
                newNodes.append(m)
            case 1: removed.insert(node.id)
            default:
                newNodes.append(node)
                newNodes.append(Node(id: "org:new-company-\(i)", type: .organization, label: "New Company \(i)",
                                     aliases: ["New Company \(i)"], sources: ["article-new"]))
            }
        }
        var newEdges: [Edge] = []
        newEdges.reserveCapacity(edges.count)
        for (i, edge) in edges.enumerated() where !removed.contains(edge.source) && !removed.contains(edge.target) {
            guard i % step == 1 else { newEdges.append(edge); continue }
            switch (i / step) % 3 {
            case 0:
                var m = edge
                m.sources.insert("article-new")
                newEdges.append(m)
            case 1: break
            default:
                newEdges.append(edge)
                newEdges.append(Edge(source: edge.source, target: org(rng.next(orgs)), type: .competesWith,
                                     sources: ["article-new"]))
            }
        }
        return (old, KnowledgeGraph(nodes: newNodes, edges: newEdges))
    }

    /// splitmix64: a tiny seeded generator, so the graphs are the same on every machine.
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }
}
