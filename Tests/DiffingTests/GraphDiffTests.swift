import Diffing
import GraphModel
import XCTest

final class GraphDiffTests: XCTestCase {
    let diff = GraphDiff(old: DiffFixtures.oldGraph, new: DiffFixtures.newGraph)

    func testMatchesNodesAndEdgesById() {
        XCTAssertEqual(diff.addedNodes.map(\.id), ["org:quantiva-labs"])
        XCTAssertEqual(diff.removedNodes.map(\.id), ["org:oldco"])
        // Sorted by type (Deal < Organization), then id; unchanged Microsoft, Google and Brad Smith are absent.
        XCTAssertEqual(diff.changedNodes.map(\.id), ["deal:microsoft-openai-investment", "org:openai"])
        XCTAssertEqual(diff.addedEdges.map(\.key),
                       [EdgeKey(source: "org:quantiva-labs", type: .party, target: "deal:microsoft-openai-investment")])
        XCTAssertEqual(diff.removedEdges.map(\.key),
                       [EdgeKey(source: "org:oldco", type: .competesWith, target: "org:microsoft")])
        XCTAssertEqual(diff.changedEdges.map(\.key),
                       [EdgeKey(source: "person:brad-smith", type: .role, target: "org:microsoft")])
        XCTAssertFalse(diff.isEmpty)
    }

    func testNodeChangesAttributeByAttribute() {
        let deal = diff.changedNodes[0], openai = diff.changedNodes[1]
        XCTAssertEqual(deal.changes, [
            .value(.label, old: "Microsoft → OpenAI investment ($10B)", new: "Microsoft → OpenAI investment (€13B)"),
            .amount(old: 10_000_000_000, new: 13_000_000_000),
            .value(.currency, old: "USD", new: "EUR"),
            .items(.sources, added: ["en-09"], removed: []),
        ])
        XCTAssertEqual(openai.changes, [
            .value(.label, old: "Open AI", new: "OpenAI"),
            .items(.aliases, added: ["OpenAI"], removed: []),
            .items(.sources, added: ["en-09"], removed: ["fr-01"]),
        ])
    }

    func testEdgeChangesReportTitleRolesAndEvidence() {
        let role = diff.changedEdges[0]
        XCTAssertEqual(role.changes.map(\.attribute), [.role, .roles, .evidence])
        XCTAssertEqual(role.changes[0], .value(.role, old: "president", new: "ceo"))
        XCTAssertEqual(role.changes[1], .items(.roles, added: ["ceo"], removed: []))
        guard case let .evidence(old?, new?) = role.changes[2] else { return XCTFail("no evidence change") }
        XCTAssertEqual(old.end, 51)
        XCTAssertEqual(new.sentence, "Brad Smith, chief executive of Microsoft, said.")
    }

    func testCountsPerTypeComeFromTheLists() {
        XCTAssertEqual(diff.nodeTotals, GraphDiff.Counts(added: 1, removed: 1, changed: 2))
        XCTAssertEqual(diff.edgeTotals, GraphDiff.Counts(added: 1, removed: 1, changed: 1))
        XCTAssertEqual(diff.nodeCounts.map(\.type), [.deal, .organization])
        XCTAssertEqual(diff.nodeCounts.map(\.counts), [GraphDiff.Counts(changed: 1),
                                                       GraphDiff.Counts(added: 1, removed: 1, changed: 1)])
        XCTAssertEqual(diff.edgeCounts.map(\.type), [.competesWith, .party, .role])
        XCTAssertEqual(diff.edgeCounts.map(\.counts.total), [1, 1, 1])
    }

    func testEqualGraphsHaveNoDifferences() {
        let same = GraphDiff(old: DiffFixtures.newGraph, new: DiffFixtures.newGraph)
        XCTAssertTrue(same.isEmpty)
        XCTAssertEqual(same.nodeTotals.total + same.edgeTotals.total, 0)
        XCTAssertTrue(same.nodeCounts.isEmpty)
    }

    func testReverseDiffSwapsAddedAndRemovedAndInvertsChanges() {
        let back = GraphDiff(old: DiffFixtures.newGraph, new: DiffFixtures.oldGraph)
        XCTAssertEqual(back.addedNodes.map(\.id), diff.removedNodes.map(\.id))
        XCTAssertEqual(back.removedNodes.map(\.id), diff.addedNodes.map(\.id))
        XCTAssertEqual(back.addedEdges.map(\.key), diff.removedEdges.map(\.key))
        XCTAssertEqual(back.changedNodes[1].changes, [
            .value(.label, old: "OpenAI", new: "Open AI"),
            .items(.aliases, added: [], removed: ["OpenAI"]),
            .items(.sources, added: ["fr-01"], removed: ["en-09"]),
        ])
    }

    func testAmountAppearingAndNaNAmounts() {
        let a = Node(id: "deal:x", type: .deal, label: "X", kind: "investment")
        var b = a
        b.amount = 1.5e9
        b.currency = "SEK"
        XCTAssertEqual(AttributeChange.between(a, b), [.amount(old: nil, new: 1.5e9), .value(.currency, old: nil, new: "SEK")])
        // NaN != NaN, so the nodes compare unequal, but the diff must not invent a change.
        var n1 = a, n2 = a
        n1.amount = .nan
        n2.amount = .nan
        let d = GraphDiff(old: KnowledgeGraph(nodes: [n1], edges: []), new: KnowledgeGraph(nodes: [n2], edges: []))
        XCTAssertTrue(d.isEmpty)
    }

    func testDiffDoesNotDependOnInsertionOrder() {
        let shuffled = KnowledgeGraph(nodes: DiffFixtures.newGraph.sortedNodes.reversed(),
                                      edges: DiffFixtures.newGraph.sortedEdges.reversed())
        let again = GraphDiff(old: DiffFixtures.oldGraph, new: shuffled)
        for format in DiffFormat.allCases {
            let r = format.renderer(DiffRenderOptions(context: 1))
            XCTAssertEqual(r.render(again), r.render(diff), "\(format)")
        }
    }
}
