/// Small byte-level text helpers shared by the readers and the extractor, for places that run
/// per line or per entry of a large table, where `String.lowercased()` and Foundation's
/// `range(of:)` cost more than the work around them.
public enum ByteText {
    /// ASCII capitals and the two-byte Latin-1 capitals (`C3 80`...`C3 9E`, not `×`) lowercased;
    /// other bytes as they are. Enough for matching lowercase ASCII or Latin-1 words.
    public static func lowercasedLatin1(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        var l = Array(bytes)
        for i in l.indices {
            if l[i] >= 0x41 && l[i] <= 0x5A { l[i] |= 0x20 }
            else if i > 0, l[i - 1] == 0xC3, l[i] >= 0x80 && l[i] <= 0x9E, l[i] != 0x97 { l[i] += 0x20 }
        }
        return l
    }

    /// The offset of the first occurrence of `needle` in `hay`, or nil.
    public static func firstOffset(of needle: [UInt8], in hay: [UInt8]) -> Int? {
        guard !needle.isEmpty, hay.count >= needle.count else { return needle.isEmpty ? 0 : nil }
        return (0...(hay.count - needle.count)).first { i in hay[i..<(i + needle.count)].elementsEqual(needle) }
    }
}
