/// One token of a sentence. Offsets are UTF-8 byte offsets into the article text.
struct Token: Sendable {
    enum Kind: UInt8, Sendable { case word, number, punct }
    var kind: Kind
    var start: Int
    var end: Int
    /// The word as written, without a genitive `'s` or an elided `d'`.
    var text: String
    var lower: String
    /// First letter uppercase (`Microsoft`, `OpenAI`, `Run:ai`).
    var upper: Bool
    /// Followed by `'s`/`’s`/`'` (English genitive); Swedish/German `-s` genitives are found later.
    var genitive: Bool = false
    /// Preceded by an elided article or preposition (`d'`, `l'`): `d'OpenAI`.
    var elided: String? = nil
    /// Whitespace (or nothing) before the token: false for `.` right after `Inc`.
    var spaceBefore: Bool = true
    /// The roles of the lowercased word (`WordRole` bits), set once per token at segmentation.
    var roles: UInt64 = 0
    /// The id of `lower` in `Knowledge.wordIDs` (-1: a word no pack names), set at segmentation.
    var id: Int32 = -1
    /// `text` (and so `lower`) is ASCII: byte hashing and comparison are then exact (`WordTable`).
    var ascii: Bool = true
    /// `text` holds a `-` (`text.utf8.contains(0x2D)`, asked of every capitalized word).
    var hyphen: Bool = false
    /// Every scalar of `lower` is below U+0300 (its bytes below 0xCC): such a string is in NFC with
    /// one scalar per character, so it equals another NFC string exactly when their bytes do.
    var latin: Bool = true

    @inline(__always) func `is`(_ r: WordRole) -> Bool { roles & r.bit != 0 }
}

/// Splits text into tokens, working on UTF-8 bytes; only words become `String`s.
///
/// Inside a word, `-` joins (`start-up`, `Mei-Lin`), `.` and `:` join when a letter follows
/// (`Qure.ai`, `Run:ai`), `&` joins letters (`AT&T`). An apostrophe after a word and before `s`
/// marks an English genitive; one after `d`, `l`, `qu`, `n`, `j`, `s`, `c` before a letter marks a
/// French elision. Numbers keep `,` and `.` between digits (`1,5`, `14.3`); letters glued to a
/// number become their own token (`4bn` → `4`, `bn`).
enum Tokenizer {
    @inline(__always) static func isSpace(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let c = b[i]
        if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { return 1 }
        if c == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 { return 2 }
        if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, (b[i + 2] >= 0x80 && b[i + 2] <= 0x8A) || b[i + 2] == 0xAF { return 3 }
        return 0
    }

    /// Length of a multi-byte punctuation character at `i` (dashes, quotes, guillemets, currency
    /// signs, bullets), or 0 when the bytes there are (part of) a letter.
    @inline(__always) static func punctWidth(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let c = b[i]
        if c < 0x80 {
            switch c {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return 0
            default: return 1
            }
        }
        if c == 0xC2, i + 1 < b.count {
            switch b[i + 1] {
            case 0xA0...0xBF: return 2  // nbsp « » · © ® £ ¥ § °
            default: return 0
            }
        }
        if c == 0xC3, i + 1 < b.count, b[i + 1] == 0x97 || b[i + 1] == 0xB7 { return 2 }  // × ÷
        if c == 0xE2, i + 2 < b.count {
            let c1 = b[i + 1]
            if c1 == 0x80 || c1 == 0x81 || c1 == 0x82 || c1 == 0x84 || c1 == 0x86 || c1 == 0x88 || c1 == 0x96 { return 3 }
        }
        return 0
    }

    static func isLetterStart(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard i < b.count else { return false }
        let c = b[i]
        if c < 0x80 { return (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }
        return punctWidth(b, i) == 0 && isSpace(b, i) == 0 && c >= 0xC0
    }

    static func isDigit(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        i < b.count && b[i] >= 0x30 && b[i] <= 0x39
    }

    static func isApostrophe(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        if i < b.count && b[i] == 0x27 { return 1 }
        if i + 2 < b.count && b[i] == 0xE2 && b[i + 1] == 0x80 && b[i + 2] == 0x99 { return 3 }
        return 0
    }

    static let elisions: Set<String> = ["d", "l", "qu", "n", "j", "s", "c", "m", "t", "lorsqu", "jusqu", "puisqu"]

    static func tokenize(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity((range.count / 6) + 4)
        var i = range.lowerBound
        let end = range.upperBound
        var sawSpace = true
        while i < end {
            let sp = isSpace(b, i)
            if sp > 0 { i += sp; sawSpace = true; continue }
            let pw = punctWidth(b, i)
            if pw > 0 {
                let t = String(decoding: UnsafeBufferPointer(rebasing: b[i..<i + pw]), as: UTF8.self)
                out.append(Token(kind: .punct, start: i, end: i + pw, text: t, lower: t, upper: false, spaceBefore: sawSpace,
                                 ascii: pw == 1, hyphen: b[i] == 0x2D, latin: b[i] < 0xCC))
                i += pw
                sawSpace = false
                continue
            }
            let s = i
            if isDigit(b, i) {
                while i < end {
                    if isDigit(b, i) { i += 1; continue }
                    if (b[i] == 0x2C || b[i] == 0x2E) && isDigit(b, i + 1) && i + 1 < end { i += 1; continue }
                    break
                }
                let t = String(decoding: UnsafeBufferPointer(rebasing: b[s..<i]), as: UTF8.self)
                out.append(Token(kind: .number, start: s, end: i, text: t, lower: t, upper: false, spaceBefore: sawSpace))
                sawSpace = false
                continue
            }
            // A word.
            var elided: String? = nil
            var wordStart = s
            while i < end {
                // ASCII letters and digits: no space, apostrophe or punctuation.
                let c0 = b[i]
                if c0 &- 0x61 < 26 || c0 &- 0x41 < 26 || c0 &- 0x30 < 10 { i += 1; continue }
                if isSpace(b, i) > 0 { break }
                let a = isApostrophe(b, i)
                if a > 0 {
                    if elided == nil && wordStart == s && isLetterStart(b, i + a),
                       case let soFar = String(decoding: UnsafeBufferPointer(rebasing: b[wordStart..<i]), as: UTF8.self).lowercased(),
                       elisions.contains(soFar) {
                        elided = soFar
                        i += a
                        wordStart = i
                        continue
                    }
                    break
                }
                let p = punctWidth(b, i)
                if p == 0 { i += 1; continue }
                let c = b[i]
                if (c == 0x2D || c == 0x26) && i > wordStart && (isLetterStart(b, i + 1) || isDigit(b, i + 1)) { i += 1; continue }
                if (c == 0x2E || c == 0x3A) && i > wordStart && i + 1 < end && isLetterStart(b, i + 1)
                    && b[i + 1] >= 0x61 && b[i + 1] <= 0x7A { i += 1; continue }
                break
            }
            if i == wordStart { i = max(i, s + 1); sawSpace = false; continue }
            let word = UnsafeBufferPointer(rebasing: b[wordStart..<i])
            let text = String(decoding: word, as: UTF8.self)
            // Fast paths: in ASCII, `lowercased()` and `isUppercase` change or see only `A`...`Z`; in
            // Latin-1 (ASCII and `C2`/`C3` pairs) also `À`...`Þ` but `×` (`C3 80`...`C3 9E`, `C3 97`
            // excepted), lowercased by adding 0x20 to the second byte; every other scalar of
            // U+0080...U+00FF is its own lowercase and not uppercase.
            var ascii = true, latin1 = true, hasUpper = false
            var q = 0
            while q < word.count {
                let c = word[q]
                if c < 0x80 {
                    if c &- 0x41 < 26 { hasUpper = true }
                    q += 1
                } else if (c == 0xC2 || c == 0xC3) && q + 1 < word.count && word[q + 1] & 0xC0 == 0x80 {
                    ascii = false
                    if c == 0xC3 && word[q + 1] <= 0x9E && word[q + 1] != 0x97 { hasUpper = true }
                    q += 2
                } else {
                    ascii = false; latin1 = false
                    break
                }
            }
            let lower: String, upper: Bool
            if latin1 {
                let c0 = word[0]
                upper = c0 &- 0x41 < 26 || (c0 == 0xC3 && word[1] <= 0x9E && word[1] != 0x97)
                lower = hasUpper ? String(unsafeUninitializedCapacity: word.count) { out in
                    var q = 0
                    while q < word.count {
                        let c = word[q]
                        if c < 0x80 {
                            out[q] = c &- 0x41 < 26 ? c | 0x20 : c
                            q += 1
                        } else {
                            out[q] = c
                            out[q + 1] = c == 0xC3 && word[q + 1] <= 0x9E && word[q + 1] != 0x97 ? word[q + 1] + 0x20 : word[q + 1]
                            q += 2
                        }
                    }
                    return word.count
                } : text
            } else {
                lower = text.lowercased()
                upper = text.unicodeScalars.first!.properties.isUppercase
            }
            // (`İ` lowercases to `i` and a combining dot, U+0307.)
            let latin = latin1 || lower.utf8.allSatisfy { $0 < 0xCC }
            var tok = Token(kind: .word, start: wordStart, end: i, text: text, lower: lower,
                            upper: upper, elided: elided, spaceBefore: sawSpace, ascii: ascii, hyphen: word.contains(0x2D), latin: latin)
            // English genitive: 's / ’s / s' (plural) right after the word.
            let a = isApostrophe(b, i)
            if a > 0 {
                if i + a < end, b[i + a] == 0x73 || b[i + a] == 0x53,
                   i + a + 1 >= end || isSpace(b, i + a + 1) > 0 || punctWidth(b, i + a + 1) > 0 {
                    tok.genitive = true
                    i += a + 1
                } else if i + a >= end || isSpace(b, i + a) > 0 || (punctWidth(b, i + a) > 0 && isApostrophe(b, i + a) == 0) {
                    if text.hasSuffix("s") { tok.genitive = true; i += a }
                }
            }
            out.append(tok)
            sawSpace = false
        }
        return out
    }

    /// The lowercased words of a phrase, as the tokenizer would split them (for loading data).
    static func words(_ s: String) -> [String] {
        var t = s
        return t.withUTF8 { b in tokenize(b, 0..<b.count).map { $0.kind == .punct ? $0.text : $0.lower } }
    }
}
