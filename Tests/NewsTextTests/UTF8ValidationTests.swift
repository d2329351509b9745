import Testing
@testable import NewsText

@Suite struct UTF8ValidationTests {
    @Test func reportsTheFirstInvalidByte() {
        let bytes: [UInt8] = Array("Ärende ok ".utf8) + [0xFF] + Array(" tail".utf8)
        #expect(UTF8Validation.decode(bytes) == .failure(InvalidUTF8(byteOffset: 11)))
    }

    @Test(arguments: [
        ([0xC0, 0x80] as [UInt8], 0),            // overlong NUL
        ([0x61, 0xE0, 0x80, 0x80], 1),           // overlong three-byte form
        ([0x61, 0x62, 0xED, 0xA0, 0x80], 2),     // UTF-16 surrogate
        ([0xF4, 0x90, 0x80, 0x80], 0),           // past U+10FFFF
        ([0x61, 0xE2, 0x82], 1),                 // truncated at the end
        ([0xE2, 0x28, 0xA1], 0),                 // bad continuation
    ])
    func rejectsMalformedSequences(_ bytes: [UInt8], _ offset: Int) {
        #expect(bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidByte($0) } == offset)
        #expect(UTF8Validation.decode(bytes) == .failure(InvalidUTF8(byteOffset: offset)))
    }

    @Test func acceptsValidText() {
        let s = "Ericssons vd · 😀 € ß"
        #expect(UTF8Validation.decode(Array(s.utf8)) == .success(s))
        #expect(Array(s.utf8).withUnsafeBufferPointer { UTF8Validation.firstInvalidByte($0) } == nil)
    }
}
