import GraphModel
import XCTest

final class GraphTableTests: XCTestCase {
    func node(_ i: Int, source: String = "a") -> Node {
        Node(id: "org:n\(i)", type: .organization, label: "N\(i)", sources: [source])
    }

    /// Enough elements to grow the index many times; every key is found, a missing one is not.
    func testLookupAfterGrowth() {
        var g = KnowledgeGraph()
        for i in 0..<10_000 { g.add(node(i)) }
        XCTAssertEqual(g.nodes.count, 10_000)
        for i in stride(from: 0, to: 10_000, by: 7) { XCTAssertEqual(g.nodes["org:n\(i)"]?.label, "N\(i)") }
        XCTAssertNil(g.nodes["org:n10000"])
        XCTAssertNil(g.nodes.index(forKey: "org:missing"))
        XCTAssertEqual(g.nodes.index(forKey: "org:n42"), 42, "positions follow insertion order")
        XCTAssertEqual(Array(g.nodes.keys.prefix(3)), ["org:n0", "org:n1", "org:n2"])
    }

    func testRepeatedKeyMerges() {
        var g = KnowledgeGraph()
        g.add(node(1, source: "a"))
        g.add(node(2))
        g.add(node(1, source: "b"))
        XCTAssertEqual(g.nodes.count, 2)
        XCTAssertEqual(g.nodes["org:n1"]?.sources, ["a", "b"])
        let k = EdgeKey(source: "org:n1", type: .competesWith, target: "org:n2")
        g.add(Edge(source: "org:n1", target: "org:n2", type: .competesWith, sources: ["a"]))
        g.add(Edge(source: "org:n1", target: "org:n2", type: .develops, sources: ["a"]))
        g.add(Edge(source: "org:n1", target: "org:n2", type: .competesWith, sources: ["c"]))
        XCTAssertEqual(g.edges.count, 2)
        XCTAssertEqual(g.edges[k]?.sources, ["a", "c"])
        XCTAssertNil(g.edges[EdgeKey(source: "org:n2", type: .competesWith, target: "org:n1")])
    }

    func testRemoveNodeKeepsTheRestFindable() {
        var g = KnowledgeGraph()
        for i in 0..<100 { g.add(node(i)) }
        for i in 0..<99 { g.add(Edge(source: "org:n\(i)", target: "org:n\(i + 1)", type: .competesWith)) }
        g.removeNode("org:n50")
        XCTAssertEqual(g.nodes.count, 99)
        XCTAssertEqual(g.edges.count, 97)
        XCTAssertNil(g.nodes["org:n50"])
        XCTAssertEqual(g.nodes["org:n51"]?.label, "N51")
        XCTAssertNotNil(g.edges[EdgeKey(source: "org:n51", type: .competesWith, target: "org:n52")])
        XCTAssertNil(g.edges[EdgeKey(source: "org:n49", type: .competesWith, target: "org:n50")])
    }

    /// Equality is by content, whatever the insertion order.
    func testEqualityIgnoresOrder() {
        let nodes = (0..<50).map { node($0) }
        let edges = (0..<49).map { Edge(source: "org:n\($0)", target: "org:n\($0 + 1)", type: .competesWith) }
        let a = KnowledgeGraph(nodes: nodes, edges: edges)
        let b = KnowledgeGraph(nodes: nodes.reversed(), edges: edges.reversed())
        XCTAssertEqual(a, b)
        var c = b
        c.add(node(3, source: "z"))
        XCTAssertNotEqual(a, c)
        var d = a
        d.removeNode("org:n0")
        XCTAssertNotEqual(a, d)
    }

    func testIterationAsDictionary() {
        let g = KnowledgeGraph(nodes: [node(2), node(1)], edges: [Edge]())
        var seen: [String] = []
        for (id, n) in g.nodes {
            XCTAssertEqual(n.id, id)
            seen.append(id)
        }
        XCTAssertEqual(seen, ["org:n2", "org:n1"])
    }
}
