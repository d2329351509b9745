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

    func role(_ g: KnowledgeGraph, _ p: String, _ o: String) -> StringSet? {
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

final class ExtractionMoreTests: XCTestCase {
    func graph(_ text: String, _ lang: String, lexicon: [LexiconEntry] = []) throws -> KnowledgeGraph {
        let x = try Extractor(packs: LanguagePack.bundled(), userLexicon: lexicon)
        var m = CorpusMerger(shortFormSuffixes: x.shortFormSuffixes)
        m.add(x.extract(Article(id: "t", text: text, origin: "t"), language: lang))
        return m.finish()
    }

    func testPersonInvestors() throws {
        let g = try graph("Zorvex Dynamics Inc. is growing. Angel investor Maria Lindqvist invested $2 million in Zorvex Dynamics.", "en")
        let e = g.edges[EdgeKey(source: "person:maria-lindqvist", type: .party, target: "deal:investment--maria-lindqvist--zorvex-dynamics")]
        XCTAssertEqual(e?.primaryRole, "investor")
        XCTAssertEqual(g.nodes["deal:investment--maria-lindqvist--zorvex-dynamics"]?.amount, 2e6)
    }

    func testUserLexiconNamesACompanyTheTextDoesNotMark() throws {
        let text = "Quorble said on Monday that it would hire 200 engineers."
        XCTAssertNil(try graph(text, "en").nodes["org:quorble"])
        let g = try graph(text, "en", lexicon: [LexiconEntry(name: "Quorble Systems", aliases: ["Quorble"])])
        XCTAssertEqual(g.nodes["org:quorble-systems"]?.label, "Quorble Systems")
        XCTAssertEqual(g.nodes["org:quorble-systems"]?.aliases, ["Quorble"])
    }

    func testGenitivesAreTheSameName() throws {
        let g = try graph("Brovik Data AB köper Saltvik AB. Broviks vd Karin Holm är nöjd. Brovik Datas aktie steg.", "sv")
        XCTAssertEqual(g.nodes.values.filter { $0.type == .organization }.map(\.label).sorted(), ["Brovik Data", "Saltvik"])
        XCTAssertFalse(g.nodes["org:brovik-data"]!.aliases.contains("Broviks"))
        let fr = try graph("Microsoft a investi 15 millions d'euros dans Lumeris SAS, le rival d'OpenAI.", "fr")
        XCTAssertNotNil(fr.nodes["org:openai"])
        XCTAssertFalse(fr.nodes["org:openai"]!.aliases.contains("d'OpenAI"))
    }

    func testReferencesAttachFactsToTheCompanyTheyNameBack() throws {
        let g = try graph("Quarrow Labs, a Boston start-up, builds robots. Helix Capital invested in it last year. The start-up's chief executive, Anna Berg, said so.", "en")
        XCTAssertEqual(g.edges[EdgeKey(source: "person:anna-berg", type: .role, target: "org:quarrow-labs")]?.primaryRole, "ceo")
    }
}
