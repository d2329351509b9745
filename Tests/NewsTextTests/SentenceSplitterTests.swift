import Testing
@testable import NewsText

@Suite struct SentenceSplitterTests {
    let splitter = SentenceSplitter.shared

    func split(_ s: String) -> [String] { splitter.sentences(s).map(String.init) }

    @Test func splitsAtTerminalPunctuationBeforeUppercase() {
        #expect(split("Nvidia bought Run:ai. The price was not disclosed! Why? Nobody said.")
                == ["Nvidia bought Run:ai.", "The price was not disclosed!", "Why?", "Nobody said."])
    }

    @Test func doesNotSplitBeforeLowercase() {
        #expect(split("It grew 5 p.c. in the year. Next.") == ["It grew 5 p.c. in the year.", "Next."])
        #expect(split("The deal. and more") == ["The deal. and more"])
    }

    @Test func splitsBeforeDigitsQuotesAndDashes() {
        #expect(split("It ended. 2024 was good.") == ["It ended.", "2024 was good."])
        #expect(split("He left. \"We grow,\" she said.") == ["He left.", "\"We grow,\" she said."])
        #expect(split("Er ging. „Wir wachsen“, sagte sie.") == ["Er ging.", "„Wir wachsen“, sagte sie."])
        #expect(split("Il part. « Nous grandissons », dit-elle.") == ["Il part.", "« Nous grandissons », dit-elle."])
        #expect(split("It ended. – Then more.") == ["It ended.", "– Then more."])
    }

    @Test func keepsClosingQuotesAndBracketsWithTheSentence() {
        #expect(split("She said “we grow.” Then left.") == ["She said “we grow.”", "Then left."])
        #expect(split("(It was late.) Then it ended.") == ["(It was late.)", "Then it ended."])
        #expect(split("„Ein Meilenstein.“ Feld lachte.") == ["„Ein Meilenstein.“", "Feld lachte."])
    }

    @Test func splitsBeforeNonASCIIUppercase() {
        #expect(split("Det är klart. Ägarna jublar. Över allt.") == ["Det är klart.", "Ägarna jublar.", "Över allt."])
        #expect(split("C'est fait. État et entreprises.") == ["C'est fait.", "État et entreprises."])
    }

    @Test(arguments: [
        "Microsoft Corp. Chief Executive Satya Nadella spoke.",
        "Helvion Robotics Inc. And Arcturus Cloud agreed.",
        "Corvane Group Ltd. Announced it.",
        "Acme Co. Shares rose.",
        "Dr. Lena Brandt leads it.",
        "Mr. Smith and Mrs. Jones and Ms. Lee met.",
        "St. Louis is a city.",
        "Martin Luther King Jr. Day is a holiday.",
        "The U.S. Department of Justice sued.",
        "Companies, e.g. Microsoft, grew.",
        "Rivals, i.e. Google, too.",
        "Apple vs. Google is old.",
        "Voltaris zahlt 150 Mio. Euro für Datenwerk.",
        "Siemens zahlt 10 Mrd. Dollar.",
        "Partner, z. B. Siemens, profitieren.",
        "Die Firma bzw. Die Gruppe zahlt.",
        "Es kostet ca. 5 Mio. Euro.",
        "Publicerad kl. 10.02 i dag.",
        "Bolag, bl.a. Klarna, växer.",
        "Bolag, t.ex. Klarna, växer.",
        "Selon M. Mensch, tout va bien.",
        "Apples, pears, etc. Were sold.",
        "John F. Kennedy spoke.",
        "Veröffentlicht am 30. Oktober 2024 in Berlin.",
        "Publicerad 1. Maj 2024.",
    ])
    func neverSplitsAfterAbbreviations(_ s: String) {
        #expect(split(s) == [s])
    }

    @Test func neverSplitsInsideNumbers() {
        #expect(split("It rose 3.5 percent to $1.2 billion. Then fell.")
                == ["It rose 3.5 percent to $1.2 billion.", "Then fell."])
        #expect(split("Version 2.0.1 shipped.") == ["Version 2.0.1 shipped."])
    }

    @Test func alwaysSplitsAtLineBreaks() {
        #expect(split("Microsoft deepens its OpenAI bet\n\nBy Dana Whitfield\nMicrosoft will invest.")
                == ["Microsoft deepens its OpenAI bet", "By Dana Whitfield", "Microsoft will invest."])
        #expect(split("Inc.\nNext") == ["Inc.", "Next"])
    }

    @Test func trimsSpacesAndSkipsBlankLines() {
        #expect(split("  First one.   Second one.  \n   \n\t Third\u{A0}") == ["First one.", "Second one.", "Third"])
        #expect(split("") == [])
        #expect(split(" \n \n") == [])
    }

    @Test func rangesAreUTF8ByteOffsets() {
        let text = "Ärende ett. Över två."
        let ranges = splitter.split(text)
        #expect(ranges == [0..<12, 13..<24])
        #expect(Array(text.utf8)[13..<24] == Array("Över två.".utf8)[...])
    }

    @Test func ellipsisAndRunsOfPunctuation() {
        #expect(split("Wait... Then it came. Really?! Yes… Done.") == ["Wait...", "Then it came.", "Really?!", "Yes…", "Done."])
    }

    @Test func splitsEveryDevArticleIntoCleanSentences() throws {
        for url in try Fixtures.articleFiles(in: Fixtures.dev) where url.pathExtension == "txt" {
            let text = try Fixtures.read(url)
            let sentences = split(text)
            #expect(sentences.count > 5, "\(url.lastPathComponent)")
            for s in sentences {
                #expect(s.first?.isWhitespace == false && s.last?.isWhitespace == false)
                #expect(!s.contains("\n"))
            }
            // No sentence ends in an abbreviation that the text continues after.
            for s in sentences.dropLast() {
                #expect(!s.hasSuffix(" Inc.") && !s.hasSuffix(" Corp.") && !s.hasSuffix(" Mio."), "\(s)")
            }
        }
    }
}
