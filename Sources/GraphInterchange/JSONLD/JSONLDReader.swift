import GraphModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads `graph.jsonld` as `JSONLDSerializer` writes it (keys in any order, any whitespace)
/// back into a `KnowledgeGraph`, with a byte-level JSON parser over the memory-mapped file:
/// no JSON object tree is built, each `@graph` item goes straight into a Node or an Edge.
///
/// It reads our shape, not arbitrary JSON-LD: items need `identifier` (nodes) or `source`,
/// `target` and `edgeType` (edges); compact IRIs or other contexts are not expanded. Unknown keys
/// are skipped.
enum JSONLDReader {
    static func read(path: String) throws -> KnowledgeGraph {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw InterchangeError.cannotRead(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) != 0 { throw InterchangeError.cannotRead(path: path, reason: String(cString: strerror(errno))) }
        let size = Int(st.st_size)
        if size == 0 { throw InterchangeError.malformed(path: path, line: 1, format: "jsonld", reason: "empty file") }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            throw InterchangeError.cannotRead(path: path, reason: String(cString: strerror(errno)))
        }
        defer { munmap(base, size) }
        madvise(base, size, MADV_SEQUENTIAL)
        var p = JSONParser(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: size), path: path)
        return try p.document()
    }
}

/// The parse position over the file's bytes, and the shape-specific reading of `@graph` items.
struct JSONParser {
    let b: UnsafeBufferPointer<UInt8>
    let path: String
    var i = 0

    init(_ b: UnsafeBufferPointer<UInt8>, path: String) { self.b = b; self.path = path }

    /// 1-based line of byte offset `at` (only computed for an error message).
    func line(_ at: Int) -> Int {
        var n = 1
        for k in 0..<min(at, b.count) where b[k] == 0x0A { n += 1 }
        return n
    }

    func fail(_ reason: String, at: Int? = nil) -> InterchangeError {
        .malformed(path: path, line: line(at ?? i), format: "jsonld", reason: reason)
    }

    @inline(__always) mutating func ws() {
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
    }

    @inline(__always) mutating func expect(_ c: UInt8) throws {
        ws()
        guard i < b.count, b[i] == c else {
            throw fail("expected '\(Character(Unicode.Scalar(c)))'" + (i < b.count ? "" : " before the end of the file"))
        }
        i += 1
    }

    /// Consumes `c` if it comes next.
    @inline(__always) mutating func take(_ c: UInt8) -> Bool {
        ws()
        if i < b.count, b[i] == c { i += 1; return true }
        return false
    }

    mutating func string() throws -> String {
        try expect(0x22)
        let start = i
        while i < b.count, b[i] != 0x22, b[i] != 0x5C { i += 1 }
        if i < b.count, b[i] == 0x22 {
            i += 1
            return String(decoding: UnsafeBufferPointer(rebasing: b[start..<(i - 1)]), as: UTF8.self)
        }
        var out = Array(b[start..<i])
        while i < b.count {
            let c = b[i]
            i += 1
            if c == 0x22 { return String(decoding: out, as: UTF8.self) }
            if c != 0x5C { out.append(c); continue }
            guard i < b.count else { break }
            let e = b[i]
            i += 1
            switch e {
            case 0x22, 0x5C, 0x2F: out.append(e)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x75:
                var u = try hex4()
                if (0xD800..<0xDC00).contains(u), i + 1 < b.count, b[i] == 0x5C, b[i + 1] == 0x75 {
                    i += 2
                    let lo = try hex4()
                    u = 0x10000 + ((u - 0xD800) << 10) + (lo &- 0xDC00)
                }
                let scalar = Unicode.Scalar(u) ?? "\u{FFFD}"
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            default: throw fail("bad escape '\\\(Character(Unicode.Scalar(e)))' in a string", at: i - 2)
            }
        }
        throw fail("unterminated string", at: start)
    }

    /// Skips a string without decoding it (`@id`s and unknown keys: most of the bytes).
    mutating func skipString() throws {
        try expect(0x22)
        let start = i
        while i < b.count {
            let c = b[i]
            i += 1
            if c == 0x22 { return }
            if c == 0x5C { i += 1 }
        }
        throw fail("unterminated string", at: start)
    }

    mutating func hex4() throws -> UInt32 {
        guard i + 4 <= b.count else { throw fail("short \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = b[i]
            i += 1
            switch c {
            case 0x30...0x39: v = v << 4 | UInt32(c - 0x30)
            case 0x41...0x46: v = v << 4 | UInt32(c - 0x41 + 10)
            case 0x61...0x66: v = v << 4 | UInt32(c - 0x61 + 10)
            default: throw fail("bad \\u escape", at: i - 1)
            }
        }
        return v
    }

    /// The bytes of a JSON number, unparsed.
    mutating func numberText() throws -> String {
        ws()
        let start = i
        while i < b.count, (0x30...0x39).contains(b[i]) || b[i] == 0x2D || b[i] == 0x2B || b[i] == 0x2E
            || b[i] == 0x65 || b[i] == 0x45 { i += 1 }
        if i == start { throw fail("expected a number") }
        return String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
    }

    mutating func int() throws -> Int {
        let at = i
        let t = try numberText()
        guard let v = Int(t) else { throw fail("expected an integer, found \(t)", at: at) }
        return v
    }

    mutating func double() throws -> Double {
        let at = i
        let t = try numberText()
        guard let v = Double(t) else { throw fail("expected a number, found \(t)", at: at) }
        return v
    }

    /// A string or an array of strings.
    mutating func strings() throws -> [String] {
        ws()
        guard take(0x5B) else { return [try string()] }
        var out: [String] = []
        if take(0x5D) { return out }
        repeat { out.append(try string()) } while take(0x2C)
        try expect(0x5D)
        return out
    }

    /// Skips any JSON value.
    mutating func skipValue() throws {
        ws()
        guard i < b.count else { throw fail("expected a value before the end of the file") }
        switch b[i] {
        case 0x22: try skipString()
        case 0x7B:
            i += 1
            if take(0x7D) { return }
            repeat { _ = try string(); try expect(0x3A); try skipValue() } while take(0x2C)
            try expect(0x7D)
        case 0x5B:
            i += 1
            if take(0x5D) { return }
            repeat { try skipValue() } while take(0x2C)
            try expect(0x5D)
        case 0x74, 0x66, 0x6E:  // true false null
            while i < b.count, (0x61...0x7A).contains(b[i]) { i += 1 }
        default: _ = try numberText()
        }
    }

    /// `{ ..., "@graph": [ items ] }`
    mutating func document() throws -> KnowledgeGraph {
        var g = KnowledgeGraph()
        try expect(0x7B)
        var sawGraph = false
        if !take(0x7D) {
            repeat {
                let key = try string()
                try expect(0x3A)
                if key == "@graph" {
                    sawGraph = true
                    try expect(0x5B)
                    if !take(0x5D) {
                        repeat { try item(into: &g) } while take(0x2C)
                        try expect(0x5D)
                    }
                } else {
                    try skipValue()
                }
            } while take(0x2C)
            try expect(0x7D)
        }
        ws()
        if i != b.count { throw fail("text after the JSON document") }
        if !sawGraph { throw fail("no \"@graph\" array", at: 0) }
        return g
    }

    /// One `@graph` item: a node (has `identifier`) or an edge (has `source`/`target`).
    mutating func item(into g: inout KnowledgeGraph) throws {
        let at = i
        try expect(0x7B)
        var types: [String] = []
        var identifier: String?, name: String?, kind: String?, date: String?, currency: String?
        var amount: Double?
        var aliases: [String] = [], sources: [String] = [], roles: [String] = []
        var source: String?, target: String?, edgeType: String?, roleName: String?
        var sentence: String?, article: String?, start: Int?, end: Int?
        if !take(0x7D) {
            repeat {
                let key = try itemKey()
                try expect(0x3A)
                switch key {
                case .type: types = try strings()
                case .identifier: identifier = try string()
                case .name: name = try string()
                case .alternateName: aliases = try strings()
                case .sources: sources = try strings()
                case .kind: kind = try string()
                case .date: date = try string()
                case .currency: currency = try string()
                case .amount:
                    try expect(0x7B)
                    if !take(0x7D) {
                        repeat {
                            let k = try itemKey()
                            try expect(0x3A)
                            switch k {
                            case .value: amount = try double()
                            case .currency: currency = try string()
                            default: try skipValue()
                            }
                        } while take(0x2C)
                        try expect(0x7D)
                    }
                case .source: source = try string()
                case .target: target = try string()
                case .edgeType: edgeType = try string()
                case .roleName: roleName = try string()
                case .roles: roles = try strings()
                case .evidence: sentence = try string()
                case .evidenceArticle: article = try string()
                case .evidenceStart: start = try int()
                case .evidenceEnd: end = try int()
                default: try skipValue()
                }
            } while take(0x2C)
            try expect(0x7D)
        }
        if let source, let target {
            guard let ts = edgeType else { throw fail("edge without edgeType", at: at) }
            guard let type = EdgeType(rawValue: ts) else { throw fail("unknown edgeType '\(ts)'", at: at) }
            if roles.isEmpty, let r = roleName { roles = [r] }
            var ev: Evidence? = nil
            if sentence != nil || article != nil || start != nil || end != nil {
                ev = Evidence(article: article ?? "", sentence: sentence ?? "", start: start ?? 0, end: end ?? 0)
            }
            g.add(Edge(source: try nodeID(source, at: at), target: try nodeID(target, at: at), type: type,
                       roles: Set(roles), sources: Set(sources), evidence: ev))
        } else if let id = identifier {
            guard let ts = types.first(where: { NodeType(rawValue: $0) != nil }), let type = NodeType(rawValue: ts) else {
                throw fail("node '\(id)' has no known @type (\(types.joined(separator: ", ")))", at: at)
            }
            g.add(Node(id: id, type: type, label: name ?? "", aliases: Set(aliases), sources: Set(sources),
                       kind: kind, amount: amount, currency: currency, date: date))
        } else {
            throw fail("item is neither a node (identifier) nor an edge (source, target)", at: at)
        }
    }

    /// `urn:newsgraph:org:openai` → `org:openai` (percent-decoded), on bytes.
    func nodeID(_ iri: String, at: Int) throws -> String {
        let prefix: StaticString = "urn:newsgraph:"
        var iri = iri
        let id: String? = iri.withUTF8 { u in
            let p = prefix.utf8CodeUnitCount
            guard u.count >= p, memcmp(u.baseAddress!, prefix.utf8Start, p) == 0 else { return nil }
            let rest = UnsafeBufferPointer(rebasing: u[p...])
            guard rest.contains(0x25) else { return String(decoding: rest, as: UTF8.self) }
            var out: [UInt8] = []
            out.reserveCapacity(rest.count)
            var k = 0
            while k < rest.count {
                if rest[k] == 0x25, k + 2 < rest.count, let hi = hexValue(rest[k + 1]), let lo = hexValue(rest[k + 2]) {
                    out.append(hi << 4 | lo)
                    k += 3
                } else {
                    out.append(rest[k])
                    k += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        guard let id else { throw fail("edge endpoint '\(iri)' is not a urn:newsgraph: IRI", at: at) }
        return id
    }

    private func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x41...0x46: c - 0x41 + 10
        case 0x61...0x66: c - 0x61 + 10
        default: nil
        }
    }

    /// An object key of a `@graph` item, matched on its bytes (no String per key).
    mutating func itemKey() throws -> ItemKey {
        ws()
        guard i < b.count, b[i] == 0x22 else { _ = try string(); return .other }
        var j = i + 1
        while j < b.count, b[j] != 0x22, b[j] != 0x5C { j += 1 }
        if j < b.count, b[j] == 0x22 {
            let k = ItemKey(UnsafeBufferPointer(rebasing: b[(i + 1)..<j]))
            i = j + 1
            return k
        }
        var s = try string()  // escapes: decode first
        return s.withUTF8 { ItemKey($0) }
    }
}

/// The keys `JSONParser.item` reads.
enum ItemKey {
    case type, identifier, name, alternateName, sources, kind, date, currency, amount, value, source, target
    case edgeType, roleName, roles, evidence, evidenceArticle, evidenceStart, evidenceEnd, other

    private static let table: [(StaticString, ItemKey)] = [
        ("@type", .type), ("identifier", .identifier), ("name", .name), ("alternateName", .alternateName),
        ("sources", .sources), ("kind", .kind), ("date", .date), ("currency", .currency), ("amount", .amount),
        ("value", .value), ("source", .source), ("target", .target), ("edgeType", .edgeType),
        ("roleName", .roleName), ("roles", .roles), ("evidence", .evidence), ("evidenceArticle", .evidenceArticle),
        ("evidenceStart", .evidenceStart), ("evidenceEnd", .evidenceEnd),
    ]

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        for (name, key) in ItemKey.table where name.utf8CodeUnitCount == bytes.count {
            if bytes.count == 0 || memcmp(name.utf8Start, bytes.baseAddress!, bytes.count) == 0 {
                self = key
                return
            }
        }
        self = .other
    }
}
