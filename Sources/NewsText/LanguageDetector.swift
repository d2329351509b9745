/// Guesses the language of a text from how many of each language's frequent function words it
/// uses (`[words]` of `Languages/<code>.txt`).
///
/// Words are runs of letters (ASCII letters and any non-ASCII scalar except general
/// punctuation), lowercased (ASCII and Latin-1 capitals), hashed with FNV-1a and looked up
/// without building strings. Each word scores one point for every language that lists it; the
/// language with most points wins, ties go to the smaller code. Function words are the most
/// frequent words of running text, so a few sentences decide.
///
///     LanguageDetector.shared.detect("Die Stuttgarter Voltaris AG übernimmt den Berliner ...") // "de"
///
/// - Complexity: O(min(n, maxBytes)).
public struct LanguageDetector: Sendable {
    /// Language codes, sorted; bit `k` of a mask is `codes[k]`.
    public let codes: [String]
    private let table: [UInt64: UInt64]

    public static let shared = LanguageDetector(languages: LanguageData.bundled)

    public init(languages: [LanguageData]) {
        precondition(languages.count <= 64, "at most 64 languages")
        let sorted = languages.sorted { $0.code < $1.code }
        codes = sorted.map(\.code)
        var t: [UInt64: UInt64] = [:]
        for (k, l) in sorted.enumerated() {
            for w in l.functionWords {
                t[Self.hash(Array(w.utf8)[...]), default: 0] |= 1 << UInt64(k)
            }
        }
        table = t
    }

    /// The best language code, or nil when the text holds no function word of any language.
    public func detect(_ text: String, maxBytes: Int = 16_384) -> String? {
        let s = scores(text, maxBytes: maxBytes)
        var best: (code: String, score: Int)? = nil
        for code in codes {
            let v = s[code] ?? 0
            if v > 0, best == nil || v > best!.score { best = (code, v) }
        }
        return best?.code
    }

    /// Points per language code, over the first `maxBytes` bytes of the text.
    public func scores(_ text: String, maxBytes: Int = 16_384) -> [String: Int] {
        var counts = [Int](repeating: 0, count: codes.count)
        var t = text
        t.withUTF8 { all in
            let b = UnsafeBufferPointer(rebasing: all[0..<min(all.count, maxBytes)])
            var i = 0
            var h: UInt64 = Self.offsetBasis
            var inWord = false
            func endWord() {
                if inWord, let mask = table[h] {
                    var m = mask
                    while m != 0 {
                        counts[m.trailingZeroBitCount] += 1
                        m &= m - 1
                    }
                }
                inWord = false
                h = Self.offsetBasis
            }
            while i < b.count {
                let c = b[i]
                if c < 0x80 {
                    if (0x61...0x7A).contains(c) || (0x41...0x5A).contains(c) {
                        h = (h ^ UInt64(c | 0x20)) &* Self.prime
                        inWord = true
                    } else {
                        endWord()
                    }
                    i += 1
                    continue
                }
                // Non-ASCII: general punctuation (U+2000...U+206F) and Latin-1 symbols
                // (U+0080...U+00BF) separate words; other scalars are letters.
                let width = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1
                let separator = (c == 0xE2 && i + 1 < b.count && (b[i + 1] == 0x80 || b[i + 1] == 0x81))
                    || c == 0xC2 || width == 1
                if separator {
                    endWord()
                } else {
                    for k in 0..<width where i + k < b.count {
                        var byte = b[i + k]
                        // Latin-1 capitals À...Þ (not ×) lowercase by adding 0x20 to the second byte.
                        if k == 1, c == 0xC3, (0x80...0x9E).contains(byte), byte != 0x97 { byte += 0x20 }
                        h = (h ^ UInt64(byte)) &* Self.prime
                    }
                    inWord = true
                }
                i += width
            }
            endWord()
        }
        var out: [String: Int] = [:]
        for (k, code) in codes.enumerated() { out[code] = counts[k] }
        return out
    }

    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var h = offsetBasis
        for c in bytes { h = (h ^ UInt64(c)) &* prime }
        return h
    }
}
