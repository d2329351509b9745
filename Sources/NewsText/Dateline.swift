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

    private let phrases: [(phrase: String, kind: LanguageData.DatelineKind)]
    private let months: [String: Int]

    public static let shared = DatelineParser(languages: LanguageData.bundled)

    public init(languages: [LanguageData]) {
        var p: [(String, LanguageData.DatelineKind)] = []
        var m: [String: Int] = [:]
        for l in languages {
            p += l.datelines.map { ($0.phrase.lowercased(), $0.kind) }
            for (spelling, month) in l.months { m[spelling] = month }
        }
        phrases = p.sorted { $0.0.utf8.count != $1.0.utf8.count ? $0.0.utf8.count > $1.0.utf8.count : $0.0 < $1.0 }
        months = m
    }

    /// Segment separators of a byline/dateline line.
    private static let separators: Set<Character> = ["·", "|", "•"]

    /// Reads a line; nil when it is not a dateline (a line longer than 200 bytes never is).
    public func parse(_ line: some StringProtocol) -> Match? {
        guard line.utf8.count <= 200 else { return nil }
        var segmentStart = line.startIndex
        var i = line.startIndex
        while true {
            let atEnd = i == line.endIndex
            if atEnd || Self.separators.contains(line[i]) {
                let segment = line[segmentStart..<i]
                if let (kind, date) = parseSegment(segment) {
                    let kept = line[line.startIndex..<segmentStart].trimmingSpaces()
                    let keptClean = kept.last.map { Self.separators.contains($0) } == true
                        ? String(kept.dropLast()).trimmingSpaces() : kept
                    return Match(kind: kind, date: date, kept: keptClean)
                }
                if atEnd { return nil }
                segmentStart = line.index(after: i)
            }
            i = line.index(after: i)
        }
    }

    private func parseSegment(_ segment: some StringProtocol) -> (LanguageData.DatelineKind, String)? {
        let s = segment.trimmingSpaces().lowercased()
        for (phrase, kind) in phrases where s.hasPrefix(phrase) {
            var rest = s.dropFirst(phrase.count)
            guard rest.isEmpty || rest.first == " " || rest.first == ":" else { continue }
            rest = rest.drop { $0 == " " || $0 == ":" }
            if let d = parseDate(rest) { return (kind, d) }
        }
        return nil
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
