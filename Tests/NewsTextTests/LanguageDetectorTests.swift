import Foundation
import Testing
@testable import NewsText

@Suite struct LanguageDetectorTests {
    let detector = LanguageDetector.shared

    @Test func loadsEveryBundledLanguage() {
        #expect(detector.codes == ["de", "en", "fr", "sv"])
    }

    @Test func detectsShortSentences() {
        #expect(detector.detect("Microsoft will invest $10 billion in the start-up, the company said.") == "en")
        #expect(detector.detect("Bolaget har tagit in 200 miljoner dollar och det är en av de största.") == "sv")
        #expect(detector.detect("La start-up a levé 400 millions d'euros pour les robots de la société.") == "fr")
        #expect(detector.detect("Die Stuttgarter Voltaris AG übernimmt den Berliner KI-Spezialisten für 2 Milliarden Euro.") == "de")
    }

    @Test func uppercaseAndNonASCIIWordsCount() {
        // "ÜBER" and "FÜR" only match the German list when Latin-1 capitals are lowercased.
        let s = detector.scores("ÜBER FÜR")
        #expect(s["de"] == 2)
        #expect(s["sv"] == 0)
    }

    @Test func noFunctionWordGivesNil() {
        #expect(detector.detect("Nvidia Run:ai 2024 $$$") == nil)
        #expect(detector.detect("") == nil)
    }

    @Test func detectsEveryDevAndSeedArticle() throws {
        var checked = 0
        for dir in [Fixtures.dev, Fixtures.seeds] {
            for url in try Fixtures.articleFiles(in: dir) {
                let truth = try Fixtures.goldLanguage(of: url)
                #expect(detector.detect(try Fixtures.read(url)) == truth, "\(url.lastPathComponent)")
                checked += 1
            }
        }
        #expect(checked == 19)
    }

    @Test func aNewLanguageIsOneDataFile() throws {
        let nl = try LanguageData(code: "nl", parsing: "[words]\nhet een van niet zijn\n", origin: "nl.txt")
        let d = LanguageDetector(languages: LanguageData.bundled + [nl])
        #expect(d.detect("Het bedrijf is een van de grootste, maar niet het enige.") == "nl")
    }

    @Test func badLanguageFilesReportFileAndLine() {
        #expect(throws: LanguageDataError.self) { try LanguageData(code: "x", parsing: "[wrods]\n", origin: "x.txt") }
        do {
            _ = try LanguageData(code: "x", parsing: "# c\n\n[datelines]\npublished Published\n", origin: "x.txt")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "x.txt:4: error: expected 'published: PHRASE' or 'updated: PHRASE'")
        }
    }
}
