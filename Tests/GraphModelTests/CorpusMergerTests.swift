import GraphModel
import XCTest

final class CorpusMergerTests: XCTestCase {
    func ev(_ a: String, _ s: Int) -> Evidence { Evidence(article: a, sentence: "s\(s)", start: s, end: s + 1) }

    func partial(_ article: String, org: String, count: Int = 1, amount: Double? = nil) -> PartialGraph {
        var p = PartialGraph(article: article, date: "2024-0\(article.count % 9 + 1)-01")
        let ms = EntityKey(type: .organization, key: "microsoft")
        let o = EntityKey(type: .organization, key: Slug.matchKey(org))
        p.entities = [PartialEntity(key: ms, labels: ["Microsoft": 1], aliases: ["Microsoft Corp."]),
                      PartialEntity(key: o, labels: [org: count], aliases: [org])]
        p.deals = [PartialDeal(kind: "investment", parties: [.init(entity: ms, role: "investor"), .init(entity: o, role: "investee")],
                               amount: amount, currency: amount == nil ? nil : "USD", evidence: ev(article, 3))]
        return p
    }

    func graph(_ ps: [PartialGraph]) -> KnowledgeGraph {
        var m = CorpusMerger(shortFormSuffixes: ["ai"])
        for p in ps { m.add(p) }
        return m.finish()
    }

    func testMergingDoesNotDependOnArticleOrder() {
        let ps = [partial("a", org: "Open AI", count: 1, amount: 1e9), partial("b", org: "OpenAI", count: 3, amount: 1e10),
                  partial("c", org: "OpenAI", count: 1)]
        let g1 = graph(ps), g2 = graph(ps.reversed()), g3 = graph([ps[1], ps[2], ps[0]])
        XCTAssertEqual(g1, g2)
        XCTAssertEqual(g1, g3)
        // Spelling variants are one node, labelled by the most frequent spelling, with both as aliases.
        XCTAssertEqual(g1.nodes["org:openai"]?.label, "OpenAI")
        XCTAssertEqual(g1.nodes["org:openai"]?.aliases, ["Open AI", "OpenAI"])
        XCTAssertEqual(g1.nodes["org:openai"]?.sources, ["a", "b", "c"])
        // The same deal from three articles is one node with all sources, the total as amount,
        // the earliest article date, and the first evidence.
        let d = g1.nodes["deal:investment--microsoft--openai"]
        XCTAssertEqual(d?.sources, ["a", "b", "c"])
        XCTAssertEqual(d?.amount, 1e10)
        XCTAssertEqual(d?.label, "Microsoft → OpenAI investment ($10B)")
        XCTAssertEqual(g1.edges[EdgeKey(source: "org:openai", type: .party, target: "deal:investment--microsoft--openai")]?.evidence?.article, "a")
    }

    func testOneWordShortFormJoinsItsLongFormAcrossArticles() {
        let g = graph([partial("a", org: "Mistral"), partial("b", org: "Mistral AI")])
        XCTAssertNil(g.nodes["org:mistral"])
        XCTAssertEqual(g.nodes["org:mistral-ai"]?.aliases, ["Mistral", "Mistral AI"])
        XCTAssertNotNil(g.nodes["deal:investment--microsoft--mistral-ai"])
    }

    func testSlugsAndDealLabels() {
        XCTAssertEqual(Slug.make("Lumière Robotique"), "lumiere-robotique")
        XCTAssertEqual(Slug.make("Run:ai"), "run-ai")
        XCTAssertEqual(Slug.make("  Brad  Smith "), "brad-smith")
        XCTAssertEqual(Slug.matchKey("Open AI"), Slug.matchKey("OpenAI"))
        XCTAssertEqual(Money.short(1.5e9, "SEK"), "SEK 1.5B")
        XCTAssertEqual(Money.short(85e6, "EUR"), "€85M")
        XCTAssertEqual(Money.short(14.3e9, "USD"), "$14.3B")
    }

    func testRoleEdgesExportTheMostSeniorTitle() {
        let e = Edge(source: "person:a", target: "org:b", type: .role, roles: ["founder", "ceo", "board member"])
        XCTAssertEqual(e.primaryRole, "ceo")
    }
}

final class StableIDTests: XCTestCase {
    func testMoreArticlesWithAnotherSpellingChangeTheLabelNotTheID() {
        func graph(_ counts: [String: Int]) -> KnowledgeGraph {
            var m = CorpusMerger()
            var p = PartialGraph(article: "a")
            p.entities = [PartialEntity(key: EntityKey(type: .organization, key: "openai"), labels: counts, aliases: Set(counts.keys))]
            m.add(p)
            return m.finish()
        }
        let v1 = graph(["OpenAI": 3, "Open AI": 1]), v2 = graph(["OpenAI": 3, "Open AI": 9])
        XCTAssertEqual(v1.nodes["org:openai"]?.label, "OpenAI")
        XCTAssertEqual(v2.nodes["org:openai"]?.label, "Open AI")
        XCTAssertEqual(Array(v1.nodes.keys), Array(v2.nodes.keys))
    }
}
