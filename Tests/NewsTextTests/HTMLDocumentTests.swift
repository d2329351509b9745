import Foundation
import LibXML
import Testing

@Suite struct HTMLDocumentTests {
    func page(_ name: String) throws -> HTMLDocument {
        let bytes = try [UInt8](Data(contentsOf: Fixtures.articles.appendingPathComponent(name)))
        return try HTMLDocument(bytes: bytes, origin: name)
    }

    @Test func readsHeadValues() throws {
        let p = try page("boilerplate-page.html")
        #expect(p.title == "Quantiva Labs raises $48 million & more – The Ledger")
        #expect(p.firstHeading == "Quantiva Labs raises $48 million")
        #expect(p.language == "en-GB")
        #expect(p.meta["og:site_name"] == "The Ledger")
        #expect(p.meta["article:published_time"] == "2024-05-02T08:00:00+02:00")
        #expect(p.meta["charset"] == nil)
        #expect(p.canonicalURL == "https://ledger.example/quantiva?x=1&y=2")
        #expect(p.times == ["2024-05-03"])
        #expect(p.jsonLD.count == 1 && p.jsonLD[0].contains("\"datePublished\":\"2024-05-01\""))
    }

    @Test func cutsBodyTextIntoBlocksAndDropsBoilerplate() throws {
        let p = try page("boilerplate-page.html")
        #expect(p.blocks == [
            .init(element: "h1", text: "Quantiva Labs raises $48 million"),
            .init(element: "p", text: "By Marcus Hale · Published on May 3, 2024"),
            .init(element: "p", text: "Quantiva Labs Inc., a <fintech> start-up, said \"yes\" — in London."),
            .init(element: "div", text: "Direct text in a div."),
            .init(element: "p", text: "Nested paragraph."),
            .init(element: "div", text: "Tail text."),
            .init(element: "li", text: "First item"),
            .init(element: "li", text: "Second item"),
            .init(element: "td", text: "Cell one"),
            .init(element: "td", text: "Cell two"),
            .init(element: "blockquote", text: "A quote, indeed."),
            .init(element: "p", text: "Emoji 🚀 and Ärende & «quotes»."),
        ])
    }

    @Test func boilerplateMarkersAreOneTable() {
        for marker in ["cookie", "consent", "share", "social", "newsletter", "related", "trending", "advert",
                       "promo", "subscribe"] {
            #expect(HTMLDocument.boilerplateMarkers.contains(marker))
        }
        for element in ["script", "style", "noscript", "template", "svg", "iframe", "nav", "header", "footer",
                        "aside", "form", "button", "select"] {
            #expect(HTMLDocument.droppedElements.contains(element))
        }
    }

    @Test func honoursADeclaredCharset() throws {
        let p = try page("latin1-charset.html")
        #expect(p.title == "Café")
        #expect(p.firstHeading == "Frédéric à Malmö")
        #expect(p.blocks.last?.text == "Le marché croît.")
    }

    @Test func defaultsToUTF8WithoutACharset() throws {
        // libxml2 alone would read these bytes as ISO-8859-1 and give "Ã\u{84}rende".
        let p = try page("no-charset-utf8.html")
        #expect(p.firstHeading == "Ärende")
        #expect(p.blocks.map(\.text) == ["Ärende", "Åtta företag köper Öresundsbolaget."])
    }

    @Test func emptyAndBrokenInputStillParse() throws {
        #expect(try HTMLDocument(bytes: [], origin: "e.html").blocks == [])
        let p = try HTMLDocument(html: "<p>Unclosed <b>bold<p>Next & last", origin: "b.html")
        #expect(p.blocks.map(\.text) == ["Unclosed bold", "Next & last"])
    }

    @Test func readsTheDevPages() throws {
        let nvidia = try HTMLDocument(bytes: [UInt8](Data(contentsOf: Fixtures.dev.appendingPathComponent("en-04-nvidia-runai.html"))),
                                      origin: "en-04")
        #expect(nvidia.firstHeading == "Nvidia closes Run:ai acquisition, plans to open-source its software")
        #expect(nvidia.blocks.count == 8)
        #expect(!nvidia.blocks.contains { $0.text.contains("cookies") || $0.text.contains("Share this") || $0.text.contains("Trending") || $0.text.contains("SiliconDesk") })
        let voltaris = try HTMLDocument(bytes: [UInt8](Data(contentsOf: Fixtures.dev.appendingPathComponent("de-02-voltaris-datenwerk.html"))),
                                        origin: "de-02")
        #expect(voltaris.blocks.first?.text == "Übernahme")
        #expect(voltaris.blocks.contains { $0.text == "Von Katrin Wolff · Veröffentlicht am 14. November 2024" })
        #expect(!voltaris.blocks.contains { $0.text.contains("Cookies") || $0.text.contains("Artikel teilen") || $0.text.contains("Impressum") })
    }
}
