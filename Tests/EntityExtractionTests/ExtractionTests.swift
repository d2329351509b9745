import EntityExtraction
import Foundation
import GraphModel
import NewsCorpus
import XCTest

final class ExtractionTests: XCTestCase {
    static let extractor = try! Extractor(packs: LanguagePack.bundled())

    func graph(_ text: String, _ lang: String) -> KnowledgeGraph {
        let p = Self.extractor.extract(Article(id: "t", text: text, origin: "t"), language: lang)
        var m = CorpusMerger(shortFormSuffixes: Self.extractor.shortFormSuffixes)
        m.add(p)
        return m.finish()
    }

    func role(_ g: KnowledgeGraph, _ p: String, _ o: String) -> Set<String>? {
        g.edges[EdgeKey(source: p, type: .role, target: o)]?.roles
    }

    func testEveryPackHasTheSameFileSet() throws {
        let packs = try LanguagePack.bundled()
        XCTAssertEqual(Set(packs.map(\.code)), ["de", "en", "fr", "sv"])
        for p in packs {
            XCTAssertFalse(p.firstNames.isEmpty, p.code)
            XCTAssertFalse(p.titles.isEmpty, p.code)
            XCTAssertFalse(p.dealTriggers.isEmpty, p.code)
            XCTAssertFalse(p.currencies.isEmpty, p.code)
        }
    }

    func testUnknownCompaniesAreFoundWhereTheTextMarksThem() {
        let g = graph("Zorvex Dynamics Inc. agreed to acquire Plimsoll Data Ltd, a Leeds start-up, for £45m. Zorvex competes with Quarrow.", "en")
        XCTAssertEqual(g.nodes["org:zorvex-dynamics"]?.aliases, ["Zorvex", "Zorvex Dynamics Inc."])
        let d = g.nodes["deal:acquisition--zorvex-dynamics--plimsoll-data"]
        XCTAssertEqual(d?.amount, 45e6)
        XCTAssertEqual(d?.currency, "GBP")
        XCTAssertNotNil(g.edges[EdgeKey(source: "org:quarrow", type: .competesWith, target: "org:zorvex-dynamics")]
                        ?? g.edges[EdgeKey(source: "org:zorvex-dynamics", type: .competesWith, target: "org:quarrow")])
    }

    func testSpeculativeAndNegatedDealsMakeNothing() {
        XCTAssertTrue(graph("Analysts said Zorvex Dynamics could acquire Plimsoll Data.", "en").nodes.values.allSatisfy { $0.type != .deal })
        XCTAssertTrue(graph("Enligt uppgifter överväger Saltvik Kapital att investera i Brovik Data AB.", "sv").nodes.values.allSatisfy { $0.type != .deal })
        XCTAssertTrue(graph("Lumeris SAS n'a pas l'intention de racheter Vectoria Automation.", "fr").nodes.values.allSatisfy { $0.type != .deal })
    }

    func testRolesInFourLanguages() {
        XCTAssertEqual(role(graph("Zorvex Dynamics said on Monday. CEO Anna Berg said the deal was good.", "en"), "person:anna-berg", "org:zorvex-dynamics"), ["ceo"])
        XCTAssertEqual(role(graph("Brovik Data AB växer. Broviks vd Karin Holm säger att det går bra.", "sv"), "person:karin-holm", "org:brovik-data"), ["ceo"])
        XCTAssertEqual(role(graph("Le PDG de Lumeris Robotique, Julien Marchal, est confiant.", "fr"), "person:julien-marchal", "org:lumeris-robotique"), ["ceo"])
        XCTAssertEqual(role(graph("Die Voltra AG wächst. Vorstandschef Markus Feldt sagte, alles sei gut.", "de"), "person:markus-feldt", "org:voltra"), ["ceo"])
    }

    func testAmountsInEveryNotation() {
        let cases: [(String, String, Double, String)] = [
            ("Zorvex Dynamics Inc. will invest $10 billion in Plimsoll Data Ltd.", "en", 1e10, "USD"),
            ("Zorvex Dynamics Inc. is investing 14.3 billion dollars in Plimsoll Data Ltd.", "en", 14.3e9, "USD"),
            ("Brovik Data AB förvärvar Saltvik Systems AB för 1,5 miljarder kronor.", "sv", 1.5e9, "SEK"),
            ("Lumeris SAS rachète Vectoria SA pour 400 millions d'euros.", "fr", 400e6, "EUR"),
            ("Die Voltra AG übernimmt die Datenmark GmbH für 2 Milliarden Euro.", "de", 2e9, "EUR"),
        ]
        for (text, lang, value, cur) in cases {
            let d = graph(text, lang).nodes.values.first { $0.type == .deal }
            XCTAssertEqual(d?.amount ?? 0, value, accuracy: value * 1e-9, text)
            XCTAssertEqual(d?.currency, cur, text)
        }
    }
}
