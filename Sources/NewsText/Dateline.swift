/// Recognizes a dateline line such as `Published on March 28, 2024 · 4 min read` or
/// `Publicerad 17 juli 2025 kl. 10.02`, and turns it into an ISO date.
///
/// Readers remove a dateline from the article text and keep its date. A line may also carry a
/// byline before the dateline (`Von Katrin Wolff · Veröffentlicht am 14. November 2024`): the
/// byline is kept and the dateline with everything after it is dropped, the same way for `.txt`
/// and `.html`, so the same article reads the same in both. The phrases and month names come
/// from the language files (`[datelines]`, `[months]`).
public struct DatelineParser: Sendable {
    /// The result of reading one line.
    public struct Match: Sendable, Equatable {
        public var kind: LanguageData.DatelineKind
        /// ISO 8601: `2024-03-28`.
        public var date: String
        /// The part of the line before the dateline (a byline), trimmed; empty when none.
        public var kept: String
    }

    /// Dateline phrases as lowercased UTF-8, longest first.
    private let phraseBytes: [(phrase: [UInt8], kind: LanguageData.DatelineKind)]
    private let months: [String: Int]

    public static let shared = DatelineParser(languages: LanguageData.bundled)

    public init(languages: [LanguageData]) {
        var p: [(String, LanguageData.DatelineKind)] = []
        var m: [String: Int] = [:]
        for l in languages {
            p += l.datelines.map { ($0.phrase.lowercased(), $0.kind) }
            for (spelling, month) in l.months { m[spelling] = month }
        }
        phraseBytes = p.sorted { $0.0.utf8.count != $1.0.utf8.count ? $0.0.utf8.count > $1.0.utf8.count : $0.0 < $1.0 }
            .filter { !$0.0.isEmpty }.map { (Array($0.0.utf8), $0.1) }
        months = m
    }

    /// Reads a line; nil when it is not a dateline (a line longer than 200 bytes never is).
    ///
    /// Works on the line's bytes and builds strings only for a segment that opens with a
    /// dateline phrase, since readers try it on every line near the top of every article.
    public func parse(_ line: some StringProtocol) -> Match? {
        // Most lines near the top are paragraphs: rejected by length before any copy.
        guard line.utf8.count <= 200 else { return nil }
        var text = String(line)  // a concrete String: copying a generic view byte by byte costs more
        let bytes = text.withUTF8 { Array($0) }
        guard Self.hasYear(bytes) else { return nil }
        var segmentStart = 0
        var i = 0
        while true {
            let atEnd = i >= bytes.count
            let sepWidth = atEnd ? 0 : Self.separatorWidth(bytes, i)
            if atEnd || sepWidth > 0 {
                if let (kind, date) = parseSegment(bytes, segmentStart, atEnd ? bytes.count : i) {
                    var keptEnd = segmentStart
                    // Drop the separator before the dateline and the spaces around it.
                    while keptEnd > 0, bytes[keptEnd - 1] == 0x20 || bytes[keptEnd - 1] == 0x09 { keptEnd -= 1 }
                    for w in [1, 2, 3] where keptEnd >= w && Self.separatorWidth(bytes, keptEnd - w) == w {
                        keptEnd -= w
                        break
                    }
                    let kept = String(decoding: bytes[0..<keptEnd], as: UTF8.self).trimmingSpaces()
                    return Match(kind: kind, date: date, kept: kept)
                }
                if atEnd { return nil }
                segmentStart = i + sepWidth
                i += sepWidth
                continue
            }
            i += 1
        }
    }

    /// Whether the bytes hold four digits in a row (every dateline states a year).
    private static func hasYear(_ b: [UInt8]) -> Bool {
        var run = 0
        for c in b {
            run = (0x30...0x39).contains(c) ? run + 1 : 0
            if run == 4 { return true }
        }
        return false
    }

    /// Width of a segment separator at `i`: `|` (1), `·` (C2 B7), `•` (E2 80 A2); 0 when none.
    private static func separatorWidth(_ b: [UInt8], _ i: Int) -> Int {
        if b[i] == 0x7C { return 1 }
        if b[i] == 0xC2, i + 1 < b.count, b[i + 1] == 0xB7 { return 2 }
        if b[i] == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0xA2 { return 3 }
        return 0
    }

    private func parseSegment(_ b: [UInt8], _ start: Int, _ end: Int) -> (LanguageData.DatelineKind, String)? {
        var s = start
        while s < end, b[s] == 0x20 || b[s] == 0x09 { s += 1 }
        guard s < end else { return nil }
        let first = Self.lower(b, s)
        for (phrase, kind) in phraseBytes where phrase[0] == first && s + phrase.count <= end {
            var k = 0
            while k < phrase.count && Self.lower(b, s + k) == phrase[k] { k += 1 }
            guard k == phrase.count else { continue }
            var r = s + k
            guard r == end || b[r] == 0x20 || b[r] == 0x3A else { continue }
            while r < end, b[r] == 0x20 || b[r] == 0x3A { r += 1 }
            if let d = parseDate(String(decoding: b[r..<end], as: UTF8.self).lowercased()) { return (kind, d) }
        }
        return nil
    }

    /// The byte at `i`, lowercased for ASCII and two-byte Latin-1 capitals (`É` → `é`).
    private static func lower(_ b: [UInt8], _ i: Int) -> UInt8 {
        let c = b[i]
        if c >= 0x41 && c <= 0x5A { return c | 0x20 }
        if i > 0, b[i - 1] == 0xC3, (0x80...0x9E).contains(c), c != 0x97 { return c + 0x20 }
        return c
    }

    /// Parses the date that opens a text: `march 28, 2024`, `4 september 2024`, `30. oktober 2024`,
    /// `1er mars 2024`, `2024-03-28`, `17.07.2025` (lowercased input).
    public func parseDate(_ text: some StringProtocol) -> String? {
        let tokens = String(text).split(whereSeparator: { (c: Character) in c == " " || c == "," || c == "\u{A0}" })
            .prefix(3).map(String.init)
        guard let first = tokens.first else { return nil }
        if let iso = Self.isoPrefix(first) { return iso }
        let numeric = first.split(separator: ".", omittingEmptySubsequences: false)
        if numeric.count == 3, let d = Int(numeric[0]), let m = Int(numeric[1]), let y = Int(numeric[2]) {
            return Self.format(year: y, month: m, day: d)
        }
        guard tokens.count >= 3 else { return nil }
        if let m = month(tokens[0]), let d = Self.day(tokens[1]), let y = Self.year(tokens[2]) {
            return Self.format(year: y, month: m, day: d)
        }
        if let d = Self.day(tokens[0]), let m = month(tokens[1]), let y = Self.year(tokens[2]) {
            return Self.format(year: y, month: m, day: d)
        }
        return nil
    }

    private func month(_ t: String) -> Int? { months[t] ?? months[String(t.drop { $0 == "." })] }

    private static func day(_ t: String) -> Int? {
        var s = Substring(t)
        for suffix in [".", "st", "nd", "rd", "th", "er", ":e", "e"] where s.hasSuffix(suffix) {
            s = s.dropLast(suffix.count)
            break
        }
        guard let d = Int(s), (1...31).contains(d) else { return nil }
        return d
    }

    private static func year(_ t: String) -> Int? {
        let s = t.hasSuffix(".") ? String(t.dropLast()) : t
        guard s.utf8.count == 4, let y = Int(s) else { return nil }
        return y
    }

    /// `2024-03-28` from the start of `2024-03-28T09:10:00Z`.
    public static func isoPrefix(_ t: some StringProtocol) -> String? {
        let b = Array(t.utf8.prefix(10))
        guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
        for k in [0, 1, 2, 3, 5, 6, 8, 9] where !(0x30...0x39).contains(b[k]) { return nil }
        let s = String(decoding: b, as: UTF8.self)
        guard let y = Int(s.prefix(4)), let m = Int(s.dropFirst(5).prefix(2)), let d = Int(s.suffix(2)) else { return nil }
        return format(year: y, month: m, day: d)
    }

    private static func format(year: Int, month: Int, day: Int) -> String? {
        guard (1800...2200).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }
}

extension StringProtocol {
    /// Drops spaces, tabs and no-break spaces at both ends.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{A0}" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
