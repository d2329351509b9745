import EntityExtraction
import Foundation
import GraphInterchange
import GraphModel
import NewsCorpus
import XCTest

/// Extraction never traps on text it was not written for: token soup of names, suffixes, titles,
/// money, quotes, elisions, emoji, control characters and random scalars, in all four languages.
final class RobustnessTests: XCTestCase {
    func testTokenSoupNeverTrapsAndExportsStayReadable() throws {
        let words = ["Acme", "Labs", "Inc.", "AB", "GmbH", "CEO", "vd", "said", "invests", "$", "€", "£", "10", "billion",
                     "1,5", "miljarder", "kronor", "the", "company", "and", "och", "d'", "’s", "'s", "-", "–", "(", ")",
                     "«", "»", "\"", ",", ".", ";", "Mr", "Dr", "founded", "by", "acquire", "partnership", "rival", "with",
                     "of", "Zorvex", "Dynamics", "Anna", "Berg", "Microsoft", "OpenAI", "🚀", "Ünïcödé", "ß", "\u{200B}",
                     "\t", "\n", "\n\n", "...", "?", "Corp.", "SE", "AI", "Mio.", "Euro", "USD", "4bn", "%", "&", "AT&T",
                     "Run:ai", "Qure.ai", "a-b-c", "--", "’", "l'", "qu'", "\u{1}", "\u{202E}", "Inc", "Konzern"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {  // SplitMix64: the same soup on every run
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int(truncatingIfNeeded: (z ^ (z >> 31)) >> 1)
        }
        let extractor = try Extractor(packs: LanguagePack.bundled())
        var merger = CorpusMerger(shortFormSuffixes: extractor.shortFormSuffixes)
        for i in 0..<400 {
            var text = (0..<(next() % 120)).map { _ in words[next() % words.count] }.joined(separator: " ")
            if i % 10 == 0 {
                text = String(String.UnicodeScalarView((0..<(next() % 200)).compactMap { _ in Unicode.Scalar(UInt32(1 + next() % 0x2FFF)) }))
            }
            let lang = ["en", "sv", "fr", "de"][i % 4]
            merger.add(extractor.extract(Article(id: "f\(i)", text: text, origin: "f\(i)"), language: lang))
        }
        let g = merger.finish()
        XCTAssertGreaterThan(g.nodes.count, 0)
        for e in g.edges.values {
            XCTAssertNotNil(g.nodes[e.source], e.source)
            XCTAssertNotNil(g.nodes[e.target], e.target)
        }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("soup-\(UUID().uuidString)").path
        _ = try writeExports(g, formats: [.graphml, .jsonld], to: out, options: ExportOptions())
        XCTAssertEqual(try readGraph(at: out + "/graph.graphml").nodes.count, PreparedCount.nodes(g))
    }
}

/// The number of nodes the exports hold (ids that clean to the same text merge).
enum PreparedCount {
    static func nodes(_ g: KnowledgeGraph) -> Int { PreparedGraph(g).nodes.count }
}
