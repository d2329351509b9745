import Foundation
import LibXML
import NewsText

/// Turns the content of one source (plain text, an HTML page) into an `Article`.
///
/// Both kinds end up in the same shape (`Article.text`: title line, blank line, paragraphs
/// separated by blank lines), with the dateline near the top turned into `Article.date` and
/// removed; a byline sharing the dateline's line is kept, in both kinds.
public enum ArticleParser {
    /// How many non-empty lines (or HTML blocks) from the top may hold a dateline.
    static let datelineWindow = 8

    /// An article from plain text (a `.txt` file, or a JSONL `text` field).
    public static func plainText(_ raw: String, id: String, origin: String) -> Article {
        var text = raw
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        if hasCarriageReturn(text) { text = unixNewlines(text) }
        // Only the header (up to `datelineWindow` non-empty lines) is cut into lines; the body
        // is kept as it is.
        var lines: [Substring] = []
        var bodyStart = text.startIndex
        var seen = 0
        let u = text.utf8
        while seen < datelineWindow && bodyStart < text.endIndex {
            let nl = u[bodyStart...].firstIndex(of: 0x0A) ?? text.endIndex
            let line = text[bodyStart..<nl]
            lines.append(line)
            if !line.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { seen += 1 }
            bodyStart = nl < text.endIndex ? u.index(after: nl) : nl
        }
        let bodyHasNewline = bodyStart > text.startIndex && u[u.index(before: bodyStart)] == 0x0A
        var date: String?
        var updated: String?
        var removedAny = false
        var kept: [Substring] = []
        for line in lines {
            if let m = DatelineParser.shared.parse(line) {
                if m.kind == .published { date = date ?? m.date } else { updated = updated ?? m.date }
                removedAny = true
                if !m.kept.isEmpty { kept.append(Substring(m.kept)) }
                continue
            }
            kept.append(line)
        }
        if removedAny {
            // Collapse the blank lines a removed line leaves behind, in the header only.
            var out: [Substring] = []
            for line in kept {
                let blank = line.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 }
                if blank && (out.isEmpty || out.last!.isEmpty) { continue }
                out.append(blank ? "" : line)
            }
            var rebuilt = out.joined(separator: "\n")
            if bodyHasNewline && !(rebuilt.isEmpty) { rebuilt += "\n" }
            let body = text[bodyStart...]
            // A blank header end meeting a blank first body line would leave two blank lines.
            if rebuilt.hasSuffix("\n\n") || rebuilt.isEmpty, body.hasPrefix("\n") {
                text = rebuilt + body.drop { $0 == "\n" }
            } else {
                text = rebuilt + body
            }
        }
        let title = kept.lazy.map { trimmed($0) }.first { !$0.isEmpty && !isCookieNotice($0) }
        return Article(id: id, text: text, title: title, date: date ?? updated, origin: origin)
    }

    static func hasCarriageReturn(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { b in b.count > 0 && memchr(b.baseAddress!, 0x0D, b.count) != nil }
    }

    /// `\r\n` and a lone `\r` become `\n`.
    static func unixNewlines(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var afterCR = false
        for c in text.utf8 {
            if c == 0x0A && afterCR { afterCR = false; continue }
            afterCR = c == 0x0D
            out.append(afterCR ? 0x0A : c)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// An article from an HTML page.
    public static func html(_ bytes: [UInt8], id: String, origin: String) throws(CorpusError) -> Article {
        let page: HTMLDocument
        do { page = try HTMLDocument(bytes: bytes, origin: origin) } catch {
            throw .invalidHTML(origin: origin, reason: error.message)
        }
        let title = page.firstHeading ?? page.title.map { stripSiteName($0, siteName: page.meta["og:site_name"]) }
        var date = metaDate(page)
        var blocks: [String] = []
        var skippedHeading = false
        for block in page.blocks {
            if !skippedHeading && block.element == "h1" && block.text == title {
                skippedHeading = true
                continue
            }
            if blocks.count < datelineWindow, let m = DatelineParser.shared.parse(block.text) {
                if date == nil && m.kind == .published { date = m.date }
                if !m.kept.isEmpty { blocks.append(m.kept) }
                continue
            }
            blocks.append(block.text)
        }
        var text = ""
        if let title, !title.isEmpty { text = title + (blocks.isEmpty ? "" : "\n\n") }
        text += blocks.joined(separator: "\n\n")
        let lang = page.language.map { String($0.split(separator: "-").first ?? "").lowercased() }
        return Article(id: id, text: text, title: title, date: date,
                       url: page.canonicalURL ?? page.meta["og:url"],
                       declaredLanguage: lang?.isEmpty == false ? lang : nil, origin: origin)
    }

    /// Meta names that carry the publication date, most specific first.
    static let dateMetaNames = [
        "article:published_time", "datepublished", "og:published_time", "publish-date", "publishdate",
        "pubdate", "dc.date.issued", "dc.date", "date", "parsely-pub-date", "sailthru.date",
    ]

    /// The date a page states outside its text: meta, JSON-LD `datePublished`, then `<time>`.
    static func metaDate(_ page: HTMLDocument) -> String? {
        for name in dateMetaNames {
            if let v = page.meta[name], let d = isoDate(v) { return d }
        }
        for json in page.jsonLD {
            if let d = jsonLDDatePublished(json) { return d }
        }
        for t in page.times {
            if let d = isoDate(t) { return d }
        }
        return nil
    }

    static func isoDate(_ s: String) -> String? {
        let t = s.trimmingCharacters(in: .whitespaces)
        return DatelineParser.isoPrefix(t) ?? DatelineParser.shared.parseDate(t.lowercased())
    }

    /// `datePublished` anywhere in a JSON-LD script (objects, arrays, `@graph`).
    static func jsonLDDatePublished(_ json: String) -> String? {
        guard let obj = try? JSONSerialization.jsonObject(with: Data(json.utf8)) else { return nil }
        func find(_ v: Any) -> String? {
            if let d = v as? [String: Any] {
                if let s = d["datePublished"] as? String, let iso = isoDate(s) { return iso }
                for key in d.keys.sorted() { if let r = find(d[key]!) { return r } }
            } else if let a = v as? [Any] {
                for x in a { if let r = find(x) { return r } }
            }
            return nil
        }
        return find(obj)
    }

    /// `Nvidia closes Run:ai acquisition | SiliconDesk` → `Nvidia closes Run:ai acquisition`: drops
    /// the part after the last ` | `, ` – `, ` — ` or ` - ` when it is the site name or at most
    /// four words and shorter than the rest.
    public static func stripSiteName(_ title: String, siteName: String?) -> String {
        for sep in [" | ", " – ", " — ", " - "] {
            guard let r = title.range(of: sep, options: .backwards) else { continue }
            let head = title[..<r.lowerBound].trimmingCharacters(in: .whitespaces)
            let tail = title[r.upperBound...].trimmingCharacters(in: .whitespaces)
            let isSite = siteName.map { $0.caseInsensitiveCompare(tail) == .orderedSame } ?? false
            let words = tail.split(separator: " ").count
            if !head.isEmpty && (isSite || (words <= 4 && tail.count < head.count)) { return head }
        }
        return title.trimmingCharacters(in: .whitespaces)
    }

    /// Drops ASCII spaces and tabs at both ends.
    static func trimmed(_ s: Substring) -> String {
        let u = s.utf8
        guard let a = u.firstIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }),
              let b = u.lastIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return "" }
        return String(s[a...b])
    }

    /// Words of a cookie banner line, which is not a title (lowercase; data, one place).
    static let cookieWords = ["cookie", "kakor", "témoins de connexion"]

    static func isCookieNotice(_ line: String) -> Bool {
        // ASCII and two-byte Latin capitals (`É`) are all the cookie words need.
        let l = ByteText.lowercasedLatin1(line.utf8)
        return cookieWords.contains { ByteText.firstOffset(of: Array($0.utf8), in: l) != nil }
    }
}
