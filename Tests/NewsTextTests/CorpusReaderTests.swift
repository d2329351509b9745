import Foundation
import Testing
@testable import NewsCorpus

/// A scratch folder removed when the test ends.
final class ScratchFolder {
    let path: String
    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("newsgraph-text-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ rel: String, _ bytes: [UInt8]) throws -> String {
        let full = path + "/" + rel
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    @discardableResult
    func write(_ rel: String, _ text: String) throws -> String { try write(rel, Array(text.utf8)) }
}

@Suite struct CorpusReaderTests {
    @Test func readsTheDevCorpusInByteOrderWithDates() throws {
        let (articles, failures) = try CorpusReader(paths: [Fixtures.dev.path]).readAll()
        #expect(failures == [])
        #expect(articles.map(\.id) == [
            "de-01-siemens-altair", "de-02-voltaris-datenwerk", "en-01-microsoft-openai-investment",
            "en-02-amazon-anthropic-4bn", "en-03-quantiva-labs-series-b", "en-04-nvidia-runai",
            "en-05-helvion-arcturus-partnership", "en-06-meta-scale-ai-stake", "en-07-corvane-brightwell-acquisition",
            "fr-01-mistral-microsoft-cma", "fr-02-lumiere-robotique-datapilot", "fr-03-capgemini-wns",
            "sv-01-lovable-accel", "sv-02-nordvik-datavirke", "sv-03-ericsson-vonage", "sv-04-veckans-techaffarer",
        ])
        #expect(articles.map { $0.date ?? "-" } == [
            "2024-10-30", "2024-11-14", "2023-01-24", "2024-03-28", "2024-03-03", "2024-12-31", "2024-06-12",
            "2025-06-13", "2024-09-04", "2024-05-17", "2024-10-09", "2025-07-07", "2025-07-17", "2024-03-03",
            "2022-07-22", "2024-03-01",
        ])
        for a in articles {
            let head = a.text.split(separator: "\n").prefix(8)
            for phrase in ["Published", "Publicerad", "Uppdaterad", "Publié", "Veröffentlicht"] {
                #expect(!head.contains { $0.contains(phrase) }, "\(a.id): \(phrase)")
            }
            #expect(!a.text.contains("\n\n\n"), "\(a.id)")
            #expect(!a.text.hasPrefix("\n"))
        }
    }

    @Test func removesTheDatelineAndKeepsTheByline() throws {
        let (articles, _) = try CorpusReader(paths: [Fixtures.dev.appendingPathComponent("en-01-microsoft-openai-investment.txt").path]).readAll()
        let a = try #require(articles.first)
        #expect(a.text.hasPrefix("Microsoft deepens its OpenAI bet with $10 billion investment\n\nBy Dana Whitfield, Technology Correspondent\n\nMicrosoft Corp. will invest"))
        #expect(a.title == "Microsoft deepens its OpenAI bet with $10 billion investment")
        #expect(a.origin == Fixtures.dev.appendingPathComponent("en-01-microsoft-openai-investment.txt").path)
        #expect(a.declaredLanguage == nil)
    }

    @Test func txtTitleSkipsACookieNotice() throws {
        let (articles, _) = try CorpusReader(paths: [Fixtures.dev.appendingPathComponent("en-02-amazon-anthropic-4bn.txt").path]).readAll()
        #expect(articles.first?.title == "Amazon completes USD 4bn investment in Anthropic")
        #expect(articles.first?.text.hasPrefix("We use cookies to improve your experience. Accept all | Manage preferences\n\nAmazon completes USD 4bn investment in Anthropic\n\n") == true)
    }

    @Test func htmlPagesBecomeTheSameShapeAsText() throws {
        let (articles, _) = try CorpusReader(paths: [Fixtures.dev.appendingPathComponent("de-02-voltaris-datenwerk.html").path,
                                                     Fixtures.dev.appendingPathComponent("en-04-nvidia-runai.html").path]).readAll()
        let de = articles[0], en = articles[1]
        #expect(de.title == "Voltaris übernimmt Datenwerk für 2 Milliarden Euro")
        #expect(de.text.hasPrefix("Voltaris übernimmt Datenwerk für 2 Milliarden Euro\n\nÜbernahme\n\nVon Katrin Wolff\n\nDie Stuttgarter Voltaris AG übernimmt"))
        #expect(de.text.hasSuffix("sagte Feld."))
        #expect(de.declaredLanguage == "de")
        #expect(de.date == "2024-11-14")
        #expect(de.url == "https://www.techblatt.example/wirtschaft/voltaris-datenwerk-uebernahme")
        #expect(en.title == "Nvidia closes Run:ai acquisition, plans to open-source its software")
        #expect(en.text.hasPrefix("Nvidia closes Run:ai acquisition, plans to open-source its software\n\nBy Noa Levin\n\nNvidia Corp. has completed"))
        #expect(en.date == "2024-12-31")
        #expect(en.declaredLanguage == "en")
        #expect(en.text.components(separatedBy: "\n\n").count == 8)
        for junk in ["cookies", "Share this", "Trending", "SiliconDesk", "track(", "Newsletter"] {
            #expect(!en.text.contains(junk), "\(junk)")
        }
    }

    @Test func htmlTitleFallsBackToTitleWithoutSiteName() throws {
        let page = "<html><head><title>Ericsson buys Vonage | Tech Daily</title></head><body><p>Body.</p></body></html>"
        let a = try ArticleParser.html(Array(page.utf8), id: "x", origin: "x.html")
        #expect(a.title == "Ericsson buys Vonage")
        #expect(a.text == "Ericsson buys Vonage\n\nBody.")
        #expect(ArticleParser.stripSiteName("Mistral AI : Londres renonce - Le Monde", siteName: nil) == "Mistral AI : Londres renonce")
        #expect(ArticleParser.stripSiteName("Voltaris – Datenwerk", siteName: "Datenwerk") == "Voltaris")
        // A long tail is part of the title, not a site name.
        #expect(ArticleParser.stripSiteName("Deal done - and the market is happy about the whole thing", siteName: nil)
                == "Deal done - and the market is happy about the whole thing")
    }

    @Test func htmlDatePrefersMetaThenJSONLDThenTime() throws {
        let a = try ArticleParser.html(Array(try Data(contentsOf: Fixtures.articles.appendingPathComponent("boilerplate-page.html"))),
                                       id: "b", origin: "b.html")
        #expect(a.date == "2024-05-02")
        let ld = #"<html><head><script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2023-02-01T10:00:00Z"}]}</script></head><body><time datetime="2024-01-01">x</time><p>Published on March 3, 2020</p></body></html>"#
        #expect(try ArticleParser.html(Array(ld.utf8), id: "l", origin: "l.html").date == "2023-02-01")
        let time = #"<html><body><p>By A · <time datetime="2024-01-01T00:00">Jan 1</time></p></body></html>"#
        #expect(try ArticleParser.html(Array(time.utf8), id: "t", origin: "t.html").date == "2024-01-01")
        let line = #"<html><body><p>Publicerad 3 mars 2024 kl. 08.15</p><p>Text.</p></body></html>"#
        let l = try ArticleParser.html(Array(line.utf8), id: "d", origin: "d.html")
        #expect(l.date == "2024-03-03")
        #expect(l.text == "Text.")
    }

    @Test func seedDatelineOnTheFirstLine() throws {
        let (articles, failures) = try CorpusReader(paths: [Fixtures.seeds.path]).readAll()
        #expect(failures == [])
        try #require(articles.map(\.id) == ["000_ef8a678c1bfeb94e", "003_6ae79f09892b298c", "004_51911821f6c3b674"])
        #expect(articles[0].date == "2023-11-17")
        #expect(articles[0].text.hasPrefix("CIOs at Ignite, Microsoft’s annual conference"))
        #expect(articles[1].date == nil)
    }

    @Test func plainTextNormalizesLineEndsAndBOM() {
        let a = ArticleParser.plainText("\u{FEFF}Title\r\n\r\nPublicerad 17 juli 2025 kl. 10.02\r\n\r\nBody one.\r\n", id: "x", origin: "x.txt")
        #expect(a.text == "Title\n\nBody one.\n")
        #expect(a.date == "2025-07-17")
        let b = ArticleParser.plainText("Title\n\nPublicerad 22 juli 2022\nUppdaterad 23 juli 2022 kl. 09.40\n\nBody.", id: "y", origin: "y.txt")
        #expect(b.text == "Title\n\nBody.")
        #expect(b.date == "2022-07-22")
        let c = ArticleParser.plainText("Title\n\nUppdaterad 23 juli 2022\n\nBody.", id: "z", origin: "z.txt")
        #expect(c.date == "2022-07-23")
        // A dateline deep in the body is text, not a dateline.
        let deep = "T\n\n" + (1...9).map { "Paragraph \($0)." }.joined(separator: "\n\n") + "\n\nPublished on May 1, 2024\n"
        let d = ArticleParser.plainText(deep, id: "d", origin: "d.txt")
        #expect(d.date == nil)
        #expect(d.text == deep)
    }

    @Test func foldersAreReadRecursivelyInByteOrderAndOtherFilesIgnored() throws {
        let dir = try ScratchFolder()
        try dir.write("b.txt", "B")
        try dir.write("a/b.txt", "AB")
        try dir.write("a.txt", "A")
        try dir.write("C.htm", "<p>C</p>")
        try dir.write("a.gold.json", "{}")
        try dir.write("notes.md", "# no")
        try dir.write(".hidden.txt", "H")
        try dir.write(".git/x.txt", "G")
        let reader = CorpusReader(paths: [dir.path])
        #expect(try reader.files().map { String($0.path.dropFirst(dir.path.count + 1)) } == ["C.htm", "a.txt", "a/b.txt", "b.txt"])
        let (articles, failures) = try reader.readAll()
        // a.txt and a/b.txt have different ids; a/b.txt and b.txt share the id "b".
        #expect(articles.map(\.id) == ["C", "a", "b"])
        #expect(failures.map(\.description) == ["\(dir.path)/b.txt: error: duplicate article id \"b\" (first read from \(dir.path)/a/b.txt)"])
    }

    @Test func linksToFilesAreReadAndLinksToFoldersAreNotFollowed() throws {
        let dir = try ScratchFolder()
        let target = try dir.write("sub/a.txt", "A")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/link.txt", withDestinationPath: target)
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/sub/loop", withDestinationPath: dir.path)
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/broken.txt", withDestinationPath: dir.path + "/none.txt")
        let files = try CorpusReader(paths: [dir.path]).files().map { String($0.path.dropFirst(dir.path.count + 1)) }
        #expect(files == ["link.txt", "sub/a.txt"])
    }

    @Test func itemsLoadOnAnyThreadAndGiveTheSameArticles() throws {
        let dir = try ScratchFolder()
        try dir.write("a.txt", "A title\r\n\r\nBody.")
        try dir.write("b.html", "<h1>B</h1><p>Text.</p>")
        try dir.write("c.jsonl", #"{"id": "c", "text": "C"}"# + "\n\n")
        var items: [CorpusReader.Item] = []
        let jsonlBytes = try CorpusReader(paths: [dir.path]).forEachItem { items.append($0) }
        #expect(jsonlBytes == 26)
        #expect(items.count == 4)  // two files, two JSONL lines (one blank)
        let loaded = items.map(CorpusReader.load)
        #expect(loaded.compactMap { try? $0.result?.get().id } == ["a", "b", "c"])
        #expect(loaded.map(\.bytesRead) == [16, 22, 0, 0])
        #expect(try loaded[0].result?.get().text == "A title\n\nBody.")
        #expect(loaded[3].result == nil)
    }

    @Test func theSameFileNamedTwiceIsReadOnce() throws {
        let dir = try ScratchFolder()
        let f = try dir.write("x.txt", "X")
        let (articles, failures) = try CorpusReader(paths: [dir.path, f, dir.path + "/"]).readAll()
        #expect(articles.map(\.id) == ["x"])
        #expect(failures == [])
    }

    @Test func aMissingPathThrows() throws {
        do {
            try CorpusReader(paths: ["/nonexistent/corpus"]).forEach { _ in Issue.record("no article expected") }
            Issue.record("expected a throw")
        } catch let e as CorpusError {
            #expect(e.description == "/nonexistent/corpus: error: no such file or folder")
        }
    }

    @Test func anUnreadableFileIsAFailureNamingTheReason() throws {
        let dir = try ScratchFolder()
        let folder = dir.path + "/x.txt"  // a folder is never listed as an article, but may be given
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let loaded = CorpusReader.load(.file(.init(path: folder, kind: .text)))
        #expect(loaded.result.map { r in if case .failure(let e) = r { e.description } else { "" } }
                == "\(folder): error: cannot read: is a directory")
        let missing = CorpusReader.load(.file(.init(path: dir.path + "/gone.txt", kind: .text)))
        #expect(missing.result.map { r in if case .failure(let e) = r { e.description } else { "" } }
                == "\(dir.path)/gone.txt: error: cannot read: no such file or directory")
    }

    @Test func invalidUTF8IsAFailureNamingTheByte() throws {
        let dir = try ScratchFolder()
        let bad = try dir.write("bad.txt", Array("Ärende ok ".utf8) + [0xFF, 0x41])
        try dir.write("good.txt", "Good")
        let (articles, failures) = try CorpusReader(paths: [dir.path]).readAll()
        #expect(articles.map(\.id) == ["good"])
        #expect(failures.map(\.description) == ["\(bad): error: not valid UTF-8 (byte 11)"])
    }

    static let jsonl = """
        {"id": "one", "text": "Title one\\n\\nPublished on May 1, 2024\\n\\nBody.", "lang": "EN"}

        {"id": "two", "html": "<html lang=\\"sv\\"><h1>Rubrik</h1><p>Text.</p></html>", "url": "https://x.example/2", "date": "2024-02-03"}
        {"id": "bad", "text": "x",
        [1, 2]
        {"text": "no id"}
        {"id": "three"}
        {"id": "one", "text": "again"}
        {"id": 42, "text": "numeric id", "title": "T"}
        {"id": "four", "text": 5}
        """

    @Test func jsonlRecordsAndTheirErrors() throws {
        let dir = try ScratchFolder()
        let f = try dir.write("c.jsonl", Self.jsonl)
        let (articles, failures) = try CorpusReader(paths: [f]).readAll()
        #expect(articles.map(\.id) == ["one", "two", "42"])
        #expect(articles[0].text == "Title one\n\nBody.")
        #expect(articles[0].date == "2024-05-01")
        #expect(articles[0].declaredLanguage == "en")
        #expect(articles[0].origin == "\(f):1")
        #expect(articles[1].text == "Rubrik\n\nText.")
        #expect(articles[1].declaredLanguage == "sv")
        #expect(articles[1].date == "2024-02-03")
        #expect(articles[1].url == "https://x.example/2")
        #expect(articles[2].title == "T")
        let d = failures.map(\.description)
        #expect(d.count == 6)
        #expect(d[0].hasPrefix("\(f):4: error: line is not valid JSON: "))
        #expect(!d[0].contains("\n"))
        #expect(d[1] == "\(f):5: error: record is not a JSON object")
        #expect(d[2] == "\(f):6: error: record has no \"id\"")
        #expect(d[3] == "\(f):7: error: record has neither \"text\" nor \"html\"")
        #expect(d[4] == "\(f):8: error: duplicate article id \"one\" (first read from \(f):1)")
        #expect(d[5] == "\(f):10: error: \"text\" is not a string")
    }

    @Test func jsonlStreamsAcrossChunkBoundaries() throws {
        let dir = try ScratchFolder()
        let f = try dir.write("c.jsonl", Self.jsonl)
        var small = CorpusReader(paths: [f])
        small.chunkSize = 7
        let a = try small.readAll(), b = try CorpusReader(paths: [f]).readAll()
        #expect(a.articles == b.articles)
        #expect(a.failures == b.failures)
        #expect(a.articles.count == 3)
    }

    @Test func jsonlInvalidUTF8NamesLineAndFileByte() throws {
        let dir = try ScratchFolder()
        let first = Array(#"{"id": "a", "text": "ok"}"#.utf8) + [0x0A]
        let second = Array(#"{"id": "b", "text": "x"#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8) + [0x0A]
        let f = try dir.write("u.jsonl", first + second)
        let (articles, failures) = try CorpusReader(paths: [f]).readAll()
        #expect(articles.map(\.id) == ["a"])
        #expect(failures.map(\.description) == ["\(f):2: error: not valid UTF-8 (byte \(first.count + 22))"])
    }

    @Test func countsBytesAndStopsWhenTheCallerThrows() throws {
        let dir = try ScratchFolder()
        try dir.write("a.txt", "12345")
        try dir.write("b.jsonl", #"{"id": "b", "text": "x"}"# + "\n")
        let summary = try CorpusReader(paths: [dir.path]).forEach { _ in }
        #expect(summary == .init(articles: 2, failures: 0, bytesRead: 5 + 25))
        struct Stop: Error {}
        var seen = 0
        #expect(throws: Stop.self) {
            try CorpusReader(paths: [dir.path]).forEach { _ in seen += 1; throw Stop() }
        }
        #expect(seen == 1)
    }

    @Test func errorDescriptionsStayOnOneLine() {
        let e = CorpusError.duplicateID(origin: "a\nb.txt", id: "x\"\ny", firstOrigin: "c.txt")
        #expect(e.description == #"a\nb.txt: error: duplicate article id "x\"\ny" (first read from c.txt)"#)
    }
}
