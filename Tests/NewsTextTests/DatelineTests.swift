import Testing
@testable import NewsText

@Suite struct DatelineTests {
    let parser = DatelineParser.shared

    @Test(arguments: [
        ("Published on November 17, 2023, 12:35 am", "2023-11-17"),
        ("Published on March 28, 2024 · 4 min read", "2024-03-28"),
        ("Published on June 12, 2024 | Updated June 13, 2024", "2024-06-12"),
        ("Published on 4 September 2024", "2024-09-04"),
        ("Publicerad 17 juli 2025 kl. 10.02", "2025-07-17"),
        ("Publicerad 3 mars 2024 kl. 08.15", "2024-03-03"),
        ("Publié le 17 mai 2024 à 18h05", "2024-05-17"),
        ("Publié le 1er août 2024", "2024-08-01"),
        ("Veröffentlicht am 30. Oktober 2024", "2024-10-30"),
        ("Veröffentlicht am 3. März 2024, 10:15 Uhr", "2024-03-03"),
        ("Published: 2024-03-28T09:10:00Z", "2024-03-28"),
        ("Publicerad 17.07.2025", "2025-07-17"),
        ("Published on Dec. 3, 2024", "2024-12-03"),
    ])
    func readsDatelines(_ line: String, _ iso: String) {
        let m = parser.parse(line)
        #expect(m?.date == iso)
        #expect(m?.kind == .published)
        #expect(m?.kept == "")
    }

    @Test func readsUpdateLines() {
        #expect(parser.parse("Uppdaterad 22 juli 2022 kl. 09.40") == .init(kind: .updated, date: "2022-07-22", kept: ""))
        #expect(parser.parse("Mis à jour le 9 octobre 2024")?.kind == .updated)
    }

    @Test func keepsTheBylineBeforeADateline() {
        #expect(parser.parse("Von Katrin Wolff · Veröffentlicht am 14. November 2024")
                == .init(kind: .published, date: "2024-11-14", kept: "Von Katrin Wolff"))
        #expect(parser.parse("By Noa Levin | Published on December 31, 2024 | 3 min read")?.kept == "By Noa Levin")
    }

    @Test(arguments: [
        "Published research shows that AI is hard.",
        "Published on a Tuesday, the report was short.",
        "By Dana Whitfield, Technology Correspondent",
        "Publicerade siffror 17 juli 2025",
        "Published on February 30th of last year",
        "Veröffentlicht am 32. Oktober 2024",
        "",
    ])
    func rejectsOtherLines(_ line: String) {
        #expect(parser.parse(line) == nil)
    }
}
