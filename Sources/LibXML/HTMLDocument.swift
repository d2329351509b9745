internal import CLibXML2

/// A news page read with libxml2's HTML parser and turned into Swift values: the title, the first
/// heading, the declared language, the `<meta>` table, `<time datetime>` values and the body
/// text as one block per block-level element.
///
/// The C document never leaves this file: it is parsed, walked and freed in `init`. Page chrome
/// is dropped on the way (see `droppedElements` and `boilerplateMarkers`), whitespace is
/// collapsed and entities are decoded, so a block reads like a paragraph of the article.
///
///     let page = try HTMLDocument(bytes: Array(html.utf8), origin: "a.html")
///     page.firstHeading   // "Voltaris übernimmt Datenwerk für 2 Milliarden Euro"
///     page.meta["og:site_name"]
///
/// The charset is the one the page declares in its first 1024 bytes (`<meta charset>` or
/// `http-equiv`), UTF-8 when it declares none (libxml2 would assume ISO-8859-1).
public struct HTMLDocument: Sendable, Equatable {
    /// One paragraph-like piece of body text.
    public struct Block: Sendable, Equatable {
        /// The innermost block-level element holding the text: `p`, `h1`, `li`, `div`, ...
        public var element: String
        /// The text, whitespace collapsed to single spaces, trimmed.
        public var text: String

        public init(element: String, text: String) {
            self.element = element
            self.text = text
        }
    }

    /// The text of `<title>`.
    public var title: String?
    /// The text of the first `<h1>` outside dropped page chrome.
    public var firstHeading: String?
    /// `<html lang>` as written (`de`, `en-GB`).
    public var language: String?
    /// `<meta>` content by lowercased `name`, `property`, `itemprop` or `http-equiv`; the first wins.
    public var meta: [String: String]
    /// `datetime` of every `<time>` in the body text, in document order.
    public var times: [String]
    /// `<link rel="canonical" href>`.
    public var canonicalURL: String?
    /// The raw text of every `<script type="application/ld+json">` (schema.org `datePublished`).
    public var jsonLD: [String]
    /// The body text, one block per block-level element, in document order.
    public var blocks: [Block]

    /// Elements whose whole subtree is page chrome or not text.
    public static let droppedElements: Set<String> = [
        "script", "style", "noscript", "template", "svg", "iframe", "nav", "header", "footer", "aside",
        "form", "button", "select", "object", "embed", "canvas", "map", "dialog",
    ]

    /// Substrings of a `class` or `id` that mark an element as boilerplate (lowercase). The one
    /// place that decides; `html`, `body`, `main` and `article` are never dropped this way, since
    /// pages put state classes such as `cookie-consent-open` on them.
    public static let boilerplateMarkers: [String] = [
        "cookie", "consent", "share", "social", "newsletter", "related", "trending", "advert",
        "promo", "subscribe", "paywall", "sidebar", "breadcrumb", "comment",
    ]

    /// Elements that start and end a block of text.
    static let blockElements: Set<String> = [
        "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main", "ol",
        "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "br",
        "html", "legend", "menu",
    ]

    /// Parses an HTML page. `origin` names it in errors.
    public init(bytes: [UInt8], origin: String) throws(HTMLParseError) {
        guard bytes.count < Int(Int32.max) else {
            throw HTMLParseError(origin: origin, message: "page is larger than 2 GiB")
        }
        title = nil
        firstHeading = nil
        language = nil
        meta = [:]
        times = []
        canonicalURL = nil
        jsonLD = []
        blocks = []
        if bytes.isEmpty { return }
        _ = HTMLDocument.initialized
        let options = Int32(bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        let charset = HTMLDocument.declaredCharset(bytes) ?? "UTF-8"
        var parsed: htmlDocPtr? = bytes.withUnsafeBufferPointer { b in
            b.withMemoryRebound(to: CChar.self) { c in
                htmlReadMemory(c.baseAddress, Int32(c.count), nil, charset, options)
            }
        }
        if parsed == nil && charset != "UTF-8" {
            // An encoding libxml2 does not know: read the bytes as UTF-8 rather than fail.
            parsed = bytes.withUnsafeBufferPointer { b in
                b.withMemoryRebound(to: CChar.self) { c in
                    htmlReadMemory(c.baseAddress, Int32(c.count), nil, "UTF-8", options)
                }
            }
        }
        guard let doc = parsed else {
            throw HTMLParseError(origin: origin, message: "libxml2 could not parse the page")
        }
        defer { xmlFreeDoc(doc) }
        var walker = Walker()
        if let root = xmlDocGetRootElement(doc) { walker.visit(root) }
        walker.flush()
        self.title = walker.title
        self.firstHeading = walker.firstHeading
        self.language = walker.language
        self.meta = walker.meta
        self.times = walker.times
        self.canonicalURL = walker.canonicalURL
        self.jsonLD = walker.jsonLD
        self.blocks = walker.blocks
    }

    /// Parses an HTML page held in a string.
    public init(html: String, origin: String) throws(HTMLParseError) {
        try self.init(bytes: Array(html.utf8), origin: origin)
    }

    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// The charset a page declares in its first 1024 bytes (`charset=NAME`), or `UTF-8` for a
    /// UTF-8 byte order mark.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { return "UTF-8" }
        let head = bytes.prefix(1024).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        let key = Array("charset".utf8)
        var i = 0
        while i + key.count < head.count {
            if head[i] == 0x63 && Array(head[i..<(i + key.count)]) == key {
                var j = i + key.count
                while j < head.count && (head[j] == 0x20) { j += 1 }
                if j < head.count && head[j] == 0x3D { // =
                    j += 1
                    while j < head.count && (head[j] == 0x20 || head[j] == 0x22 || head[j] == 0x27) { j += 1 }
                    var name: [UInt8] = []
                    while j < head.count, head[j] == 0x2D || head[j] == 0x5F || head[j] == 0x2E || head[j] == 0x3A
                        || (0x30...0x39).contains(head[j]) || (0x61...0x7A).contains(head[j]) {
                        name.append(head[j])
                        j += 1
                    }
                    if !name.isEmpty { return String(decoding: name, as: UTF8.self).uppercased() }
                }
            }
            i += 1
        }
        return nil
    }
}

/// A page libxml2 could not read at all; one line, like a compiler diagnostic.
public struct HTMLParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var origin: String
    public var message: String
    public init(origin: String, message: String) {
        self.origin = origin
        self.message = message
    }
    public var description: String { "\(origin): error: \(message)" }
}

/// The DOM walk: collects head values and cuts body text into blocks.
private struct Walker {
    var title: String?
    var firstHeading: String?
    var language: String?
    var meta: [String: String] = [:]
    var times: [String] = []
    var canonicalURL: String?
    var jsonLD: [String] = []
    var blocks: [HTMLDocument.Block] = []

    /// The text of the block being read, collapsed on the fly.
    private var buffer: [UInt8] = []
    private var pendingSpace = false
    /// Innermost block-level element names, outermost first.
    private var blockStack: [String] = ["html"]
    /// Start of the first `<h1>`'s text in `buffer`, while inside it.
    private var headingStart: Int?
    /// Depth inside `<head>`, whose text is dropped.
    private var inHead = 0

    /// Walks the root element and everything below it.
    mutating func visit(_ root: xmlNodePtr) { element(root) }

    private mutating func element(_ n: xmlNodePtr) {
        let name = Walker.string(n.pointee.name) ?? ""
        switch name {
        case "title":
            if title == nil { title = Walker.collapsedText(n) }
            return
        case "meta":
            let content = attribute(n, "content")
            for keyAttr in ["name", "property", "itemprop", "http-equiv"] {
                if let key = attribute(n, keyAttr), let content {
                    let k = key.lowercased()
                    if meta[k] == nil { meta[k] = content }
                }
            }
            return
        case "link":
            if canonicalURL == nil, attribute(n, "rel")?.lowercased() == "canonical" {
                canonicalURL = attribute(n, "href")
            }
            return
        case "html":
            if language == nil, let l = attribute(n, "lang") ?? attribute(n, "xml:lang"), !l.isEmpty {
                language = l
            }
        case "head":
            // Head values are read; head text is not body text.
            inHead += 1
            if let c = n.pointee.children { visitChildren(c) }
            inHead -= 1
            buffer.removeAll(keepingCapacity: true)
            pendingSpace = false
            return
        case "script":
            if attribute(n, "type")?.lowercased() == "application/ld+json" {
                jsonLD.append(Walker.rawText(n))
            }
            return
        default: break
        }
        if HTMLDocument.droppedElements.contains(name) || isBoilerplate(n, name) { return }
        if name == "time", let dt = attribute(n, "datetime") { times.append(dt) }
        let isBlock = HTMLDocument.blockElements.contains(name)
        if isBlock {
            flush()
            blockStack.append(name)
        }
        let isFirstHeading = name == "h1" && firstHeading == nil && headingStart == nil
        if isFirstHeading { headingStart = buffer.count }
        if let c = n.pointee.children { visitChildren(c) }
        if isFirstHeading, let s = headingStart {
            let text = String(decoding: buffer[s...], as: UTF8.self).trimmedSpaces
            if !text.isEmpty { firstHeading = text }
            headingStart = nil
        }
        if isBlock {
            flush()
            blockStack.removeLast()
        }
    }

    private mutating func visitChildren(_ first: xmlNodePtr) {
        var child: xmlNodePtr? = first
        while let n = child {
            switch n.pointee.type {
            case XML_ELEMENT_NODE: element(n)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let c = n.pointee.content { append(c) }
            default: break
            }
            child = n.pointee.next
        }
    }

    /// Whether `class` or `id` names boilerplate (see `HTMLDocument.boilerplateMarkers`).
    private func isBoilerplate(_ n: xmlNodePtr, _ name: String) -> Bool {
        if name == "html" || name == "body" || name == "main" || name == "article" { return false }
        if attribute(n, "hidden") != nil || attribute(n, "aria-hidden")?.lowercased() == "true" { return true }
        for key in ["class", "id"] {
            guard let v = attribute(n, key) else { continue }
            let lower = v.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            for marker in Walker.markerBytes where Walker.contains(lower, marker) { return true }
        }
        return false
    }

    static let markerBytes = HTMLDocument.boilerplateMarkers.map { Array($0.utf8) }

    static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= hay.count, let first = needle.first else { return needle.isEmpty }
        var i = 0
        while i + needle.count <= hay.count {
            if hay[i] == first {
                var k = 1
                while k < needle.count && hay[i + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    /// Appends text, collapsing runs of ASCII whitespace and no-break spaces to one space.
    private mutating func append(_ c: UnsafePointer<xmlChar>) {
        if inHead > 0 { return }
        var p = c
        while p.pointee != 0 {
            let byte = p.pointee
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                pendingSpace = true
                p += 1
                continue
            }
            if byte == 0xC2 && (p + 1).pointee == 0xA0 {
                pendingSpace = true
                p += 2
                continue
            }
            if pendingSpace && !buffer.isEmpty { buffer.append(0x20) }
            pendingSpace = false
            buffer.append(byte)
            p += 1
        }
    }

    /// Ends the block being read.
    mutating func flush() {
        if headingStart != nil { return } // a block element inside <h1> does not cut the heading
        if !buffer.isEmpty {
            blocks.append(.init(element: blockStack.last ?? "html", text: String(decoding: buffer, as: UTF8.self)))
        }
        buffer.removeAll(keepingCapacity: true)
        pendingSpace = false
    }

    /// An attribute's value, its text children concatenated (entities decoded).
    private func attribute(_ n: xmlNodePtr, _ name: String) -> String? {
        var a = n.pointee.properties
        while let attr = a {
            if Walker.namesEqual(attr.pointee.name, name) {
                var bytes: [UInt8] = []
                var t = attr.pointee.children
                while let tn = t {
                    if var p = tn.pointee.content {
                        while p.pointee != 0 { bytes.append(p.pointee); p += 1 }
                    }
                    t = tn.pointee.next
                }
                return String(decoding: bytes, as: UTF8.self)
            }
            a = attr.pointee.next
        }
        return nil
    }

    /// Whether a C name equals a lowercase ASCII name, ignoring ASCII case; no String is made,
    /// as this runs for every attribute of every element.
    static func namesEqual(_ p: UnsafePointer<xmlChar>?, _ lower: String) -> Bool {
        guard var p else { return false }
        for c in lower.utf8 {
            let b = p.pointee
            guard b != 0, (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) == c else { return false }
            p += 1
        }
        return p.pointee == 0
    }

    static func string(_ p: UnsafePointer<xmlChar>?) -> String? {
        guard let p else { return nil }
        return p.withMemoryRebound(to: CChar.self, capacity: 1) { String(cString: $0) }
    }

    /// All text below a node, as written.
    static func rawText(_ n: xmlNodePtr) -> String {
        var bytes: [UInt8] = []
        func walk(_ first: xmlNodePtr?) {
            var c = first
            while let x = c {
                if x.pointee.type == XML_TEXT_NODE || x.pointee.type == XML_CDATA_SECTION_NODE, var p = x.pointee.content {
                    while p.pointee != 0 { bytes.append(p.pointee); p += 1 }
                }
                walk(x.pointee.children)
                c = x.pointee.next
            }
        }
        walk(n.pointee.children)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// All text below a node, whitespace collapsed.
    static func collapsedText(_ n: xmlNodePtr) -> String {
        rawText(n).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\u{A0}" })
            .joined(separator: " ")
    }
}

extension String {
    fileprivate var trimmedSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
