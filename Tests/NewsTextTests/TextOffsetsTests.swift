import Testing
@testable import NewsText

@Suite struct TextOffsetsTests {
    @Test func convertsByteOffsetsToScalarOffsets() {
        let text = "Ä€😀x" // 2 + 3 + 4 + 1 bytes
        let o = TextOffsets(text)
        #expect(o.scalarOffset(ofByte: 0) == 0)
        #expect(o.scalarOffset(ofByte: 2) == 1)
        #expect(o.scalarOffset(ofByte: 5) == 2)
        #expect(o.scalarOffset(ofByte: 9) == 3)
        #expect(o.scalarOffset(ofByte: 10) == 4)
        #expect(o.byteOffset(ofScalar: 3) == 9)
        #expect(o.byteOffset(ofScalar: 4) == 10)
    }

    @Test func agreesWithTheStandardLibraryOnLongTexts() {
        // Long enough to cross many checkpoints, with multi-byte scalars across their edges.
        var text = ""
        for k in 0..<2000 { text += k % 3 == 0 ? "é" : k % 7 == 0 ? "€" : k % 11 == 0 ? "👍🏽" : "a" }
        let o = TextOffsets(text)
        let utf8 = Array(text.utf8)
        var scalarIndex = 0
        var byte = 0
        for s in text.unicodeScalars {
            #expect(o.scalarOffset(ofByte: byte) == scalarIndex)
            #expect(o.byteOffset(ofScalar: scalarIndex) == byte)
            byte += String(s).utf8.count
            scalarIndex += 1
        }
        #expect(o.scalarOffset(ofByte: utf8.count) == text.unicodeScalars.count)
        #expect(o.byteOffset(ofScalar: text.unicodeScalars.count) == utf8.count)
    }

    @Test func sentenceRangesConvertToPythonStyleOffsets() {
        let text = "Ericssons vd Börje Ekholm 👍. Ericsson köpte Vonage."
        let o = TextOffsets(text)
        let ranges = SentenceSplitter.shared.split(text).map(o.scalarRange(ofBytes:))
        let scalars = Array(text.unicodeScalars)
        let second = String(String.UnicodeScalarView(scalars[ranges[1]]))
        #expect(second == "Ericsson köpte Vonage.")
        #expect(ranges[1] == 29..<51)
    }
}
