/// Splits text into sentences, as UTF-8 byte ranges, working on the bytes.
///
/// The policy, in order:
/// - every line break ends a sentence (a headline without final punctuation is a sentence);
/// - `.`, `!`, `?` or `…`, with any closing quotes or brackets after them, end a sentence when
///   whitespace and then an uppercase letter, a digit, an opening quote or a dash follow;
/// - except after an abbreviation of any loaded language (`Inc.`, `U.S.`, `z. B.`, `kl.`; the
///   `[abbreviations]` of `Languages/<code>.txt`), a single capital letter (an initial: `M.`,
///   `John F. Kennedy`), or a day number before a month name (`30. Oktober`);
/// - a period inside a number (`3.5`, `1.2 billion`) is never followed by whitespace, so it never
///   splits. Ranges exclude surrounding spaces; blank lines give no sentence.
///
///     SentenceSplitter.shared.sentences("Microsoft Corp. invested $1.5 billion. It said so.")
///     // ["Microsoft Corp. invested $1.5 billion.", "It said so."]
///
/// - Complexity: O(n); abbreviations are looked up only where a period meets whitespace.
public struct SentenceSplitter: Sendable {
    private let abbreviations: Set<[UInt8]>
    private let monthNames: Set<[UInt8]>

    public static let shared = SentenceSplitter(languages: LanguageData.bundled)

    public init(languages: [LanguageData]) {
        var a = Set<[UInt8]>(), m = Set<[UInt8]>()
        for l in languages {
            for w in l.abbreviations { a.insert(Array(w.utf8)) }
            for (spelling, _) in l.months { m.insert(Array(spelling.utf8)) }
        }
        abbreviations = a
        monthNames = m
    }

    /// The sentences of a text as byte ranges into `text.utf8`.
    public func split(_ text: String) -> [Range<Int>] {
        var t = text
        return t.withUTF8 { split(utf8: $0) }
    }

    /// The sentences of a text as substrings.
    public func sentences(_ text: String) -> [Substring] {
        let u = text.utf8
        return split(text).map { r in
            Substring(u[u.index(u.startIndex, offsetBy: r.lowerBound)..<u.index(u.startIndex, offsetBy: r.upperBound)])
        }
    }

    /// The sentences of UTF-8 bytes as byte ranges.
    public func split(utf8 b: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        let n = b.count
        var start = 0
        var i = 0
        func emit(_ s: Int, _ e: Int) {
            var s = s, e = e
            while s < e, let w = Self.spaceWidth(b, s, forward: true) { s += w }
            while e > s, let w = Self.spaceWidth(b, e, forward: false) { e -= w }
            if s < e { out.append(s..<e) }
        }
        while i < n {
            let c = b[i]
            if c == 0x0A {
                emit(start, i)
                start = i + 1
                i += 1
                continue
            }
            let isEllipsis = c == 0xE2 && i + 2 < n && b[i + 1] == 0x80 && b[i + 2] == 0xA6
            guard c == 0x2E || c == 0x21 || c == 0x3F || isEllipsis else { i += 1; continue }
            // The run of terminal punctuation, then closing quotes and brackets.
            var j = i
            var singlePeriod = c == 0x2E
            while j < n {
                if b[j] == 0x2E || b[j] == 0x21 || b[j] == 0x3F { j += 1 }
                else if b[j] == 0xE2 && j + 2 < n && b[j + 1] == 0x80 && b[j + 2] == 0xA6 { j += 3 }
                else { break }
            }
            if j - i != 1 { singlePeriod = false }
            while j < n, let w = Self.closingWidth(b, j) { j += w }
            // Whitespace, then what opens a sentence.
            guard j < n, b[j] != 0x0A, let w0 = Self.spaceWidth(b, j, forward: true) else { i = j; continue }
            var k = j + w0
            while k < n, b[k] != 0x0A, let w = Self.spaceWidth(b, k, forward: true) { k += w }
            if k < n, b[k] != 0x0A, Self.opensSentence(b, k),
               !(singlePeriod && isAbbreviation(b, period: i, next: k)) {
                emit(start, j)
                start = j
            }
            i = k
        }
        emit(start, n)
        return out
    }

    /// Whether the period at `period` belongs to an abbreviation, an initial or a day number.
    private func isAbbreviation(_ b: UnsafeBufferPointer<UInt8>, period: Int, next: Int) -> Bool {
        var s = period
        while s > 0 {
            let p = b[s - 1]
            if p == 0x20 || p == 0x09 || p == 0x0A || p == 0x28 || p == 0x22 || p == 0x5B { break }
            if p == 0xA0 && s >= 2 && b[s - 2] == 0xC2 { break }
            s -= 1
        }
        let word = Array(b[s...period]).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        if abbreviations.contains(word) { return true }
        // An initial: one uppercase ASCII letter.
        if period - s == 1, (0x41...0x5A).contains(b[s]) { return true }
        // A day number before a month name: `30. Oktober`, `1. maj`.
        if period - s <= 2, period > s, b[s..<period].allSatisfy({ (0x30...0x39).contains($0) }) {
            var e = next
            while e < b.count, b[e] != 0x20, b[e] != 0x2C, b[e] != 0x0A, b[e] != 0x2E { e += 1 }
            let nextWord = Array(b[next..<e]).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            if monthNames.contains(Self.lowercasedLatin1(nextWord)) { return true }
        }
        return false
    }

    /// Lowercases `Ä`-style two-byte Latin-1 capitals (`C3 80`...`C3 9E`); ASCII bytes are left
    /// as they are.
    static func lowercasedLatin1(_ w: [UInt8]) -> [UInt8] {
        var w = w
        var i = 0
        while i + 1 < w.count {
            if w[i] == 0xC3, (0x80...0x9E).contains(w[i + 1]), w[i + 1] != 0x97 { w[i + 1] += 0x20 }
            i += 1
        }
        return w
    }

    /// Byte width of a space, tab, CR or no-break space at `i` (looking at the bytes before `i`
    /// when `forward` is false), or nil.
    private static func spaceWidth(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, forward: Bool) -> Int? {
        if forward {
            guard i < b.count else { return nil }
            let c = b[i]
            if c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A { return 1 }
            if c == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 { return 2 }
            return nil
        }
        guard i > 0 else { return nil }
        let c = b[i - 1]
        if c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A { return 1 }
        if c == 0xA0, i >= 2, b[i - 2] == 0xC2 { return 2 }
        return nil
    }

    /// Byte width of a closing quote or bracket at `i`: `"` `'` `)` `]` `”` `’` `“` (German) `»`.
    private static func closingWidth(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        let c = b[i]
        if c == 0x22 || c == 0x27 || c == 0x29 || c == 0x5D { return 1 }
        if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, [0x9D, 0x99, 0x9C].contains(b[i + 2]) { return 3 }
        if c == 0xC2, i + 1 < b.count, b[i + 1] == 0xBB { return 2 }
        return nil
    }

    /// Whether the scalar at `k` can open a sentence: an uppercase letter, a digit, an opening
    /// quote (`"` `'` `“` `„` `‘` `«`) or a dash (`-` `–` `—`).
    private static func opensSentence(_ b: UnsafeBufferPointer<UInt8>, _ k: Int) -> Bool {
        let c = b[k]
        if (0x41...0x5A).contains(c) || (0x30...0x39).contains(c) || c == 0x22 || c == 0x27 || c == 0x2D {
            return true
        }
        if c < 0x80 { return false }
        if c == 0xC2, k + 1 < b.count, b[k + 1] == 0xAB { return true }
        if c == 0xE2, k + 2 < b.count, b[k + 1] == 0x80, [0x9C, 0x9E, 0x98, 0x93, 0x94].contains(b[k + 2]) {
            return true
        }
        guard let scalar = decodeScalar(b, k) else { return false }
        return scalar.properties.isUppercase
    }

    /// Decodes the scalar starting at `i` of valid UTF-8.
    static func decodeScalar(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Unicode.Scalar? {
        let c = UInt32(b[i])
        let n = b.count
        func cont(_ k: Int) -> UInt32 { k < n ? UInt32(b[k] & 0x3F) : 0 }
        let v: UInt32
        switch c {
        case 0..<0x80: v = c
        case 0xC0..<0xE0: v = (c & 0x1F) << 6 | cont(i + 1)
        case 0xE0..<0xF0: v = (c & 0x0F) << 12 | cont(i + 1) << 6 | cont(i + 2)
        default: v = (c & 0x07) << 18 | cont(i + 1) << 12 | cont(i + 2) << 6 | cont(i + 3)
        }
        return Unicode.Scalar(v)
    }
}
