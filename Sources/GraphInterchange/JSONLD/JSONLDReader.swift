import GraphModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads `graph.jsonld` as `JSONLDSerializer` writes it (keys in any order, any whitespace)
/// back into a `KnowledgeGraph`, with a byte-level JSON parser over the file read in 4 MB
/// chunks: no JSON object tree is built, each `@graph` item goes straight into a Node or an
/// Edge. Parsing runs on a thread of its own while the calling thread adds the parsed batches
/// to the graph (`ReadPipeline`); memory stays at one window, not the whole file.
///
/// It reads our shape, not arbitrary JSON-LD: items need `identifier` (nodes) or `source`,
/// `target` and `edgeType` (edges); compact IRIs or other contexts are not expanded. Unknown keys
/// are skipped.
enum JSONLDReader {
    /// `chunk`: bytes read at a time (tests use a few bytes, to cut every value in two).
    static func read(path: String, chunk: Int = 4 << 20) throws -> KnowledgeGraph {
        let input = try ChunkedFile(path: path, chunk: chunk)
        if input.count == 0 {
            throw InterchangeError.malformed(path: path, line: 1, format: "jsonld", reason: "empty file")
        }
        do {
            return try ReadPipeline.build(producer(input))
        } catch let f as JSONParseFailure {
            throw InterchangeError.malformed(path: path, line: ChunkedFile.line(of: f.offset, in: path),
                                             format: "jsonld", reason: f.reason)
        }
    }

    static func producer(_ input: ChunkedFile) -> @Sendable (_ emit: (ReadBatch) -> Bool) throws -> Void {
        { emit in
            var p = JSONParser(input)
            try p.document(emit)
        }
    }

    /// The parse of `path` for `ElementStream` (errors without their line: a stream's consumer
    /// that needs the message reads the file again with `read`).
    static func producer(path: String) throws -> @Sendable (_ emit: (ReadBatch) -> Bool) throws -> Void {
        let input = try ChunkedFile(path: path)
        if input.count == 0 {
            throw InterchangeError.malformed(path: path, line: 1, format: "jsonld", reason: "empty file")
        }
        return producer(input)
    }
}

/// A parse error at an absolute byte offset; the line is counted only when it is reported
/// (the bytes before the window are gone by then, so the file is read again).
struct JSONParseFailure: Error {
    var reason: String
    var offset: Int
}

/// The file read forward in chunks into one window: `buffer[0..<count]` holds the bytes at
/// file offsets `base..<base + count`. Used by one thread at a time (the parser's).
final class ChunkedFile: @unchecked Sendable {
    let path: String
    private let fd: Int32
    private(set) var buffer: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    private(set) var count = 0
    private(set) var base = 0
    private(set) var eof = false

    /// Opens the file and reads the first window.
    init(path: String, chunk: Int = 4 << 20) throws {
        self.path = path
        fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw InterchangeError.cannotRead(path: path, reason: String(cString: strerror(errno))) }
        capacity = chunk
        buffer = .allocate(capacity: chunk)
        do { try refill(keepingFrom: 0) } catch { close(fd); buffer.deallocate(); throw error }
    }

    /// A window over bytes already in memory (one `@graph` item read again on its own): the
    /// whole input, at its end.
    init(bytes: UnsafeBufferPointer<UInt8>, path: String) {
        self.path = path
        fd = -1
        capacity = max(1, bytes.count)
        buffer = .allocate(capacity: capacity)
        if let p = bytes.baseAddress { buffer.update(from: p, count: bytes.count) }
        count = bytes.count
        eof = true
    }

    deinit {
        if fd >= 0 { close(fd) }
        buffer.deallocate()
    }

    var window: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: buffer, count: count) }

    /// Drops the bytes before window offset `k`, moves the rest to the front and reads on until
    /// the window is full or the file ends. With nothing to drop and a full window (one value
    /// longer than a chunk) the window doubles.
    func refill(keepingFrom k: Int) throws {
        let keep = count - k
        if k > 0 {
            buffer.update(from: buffer + k, count: keep)
        } else if count == capacity {
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            bigger.update(from: buffer, count: count)
            buffer.deallocate()
            buffer = bigger
            capacity *= 2
        }
        base += k
        count = keep
        while count < capacity && !eof {
            let n = read(fd, buffer + count, capacity - count)
            if n < 0 {
                if errno == EINTR { continue }
                throw InterchangeError.cannotRead(path: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { eof = true } else { count += n }
        }
    }

    /// 1-based line of byte `offset` of the file at `path` (error messages only).
    static func line(of offset: Int, in path: String) -> Int {
        guard let f = try? ChunkedFile(path: path) else { return 1 }
        var line = 1
        while true {
            let w = f.window
            let upto = min(w.count, offset - f.base)
            for k in 0..<max(0, upto) where w[k] == 0x0A { line += 1 }
            if f.base + w.count >= offset || f.eof { return line }
            guard (try? f.refill(keepingFrom: w.count)) != nil else { return line }
        }
    }
}

/// The parse position in the window over the file's bytes, and the shape-specific reading of
/// `@graph` items.
struct JSONParser {
    let input: ChunkedFile
    var b: UnsafeBufferPointer<UInt8>
    var i = 0

    init(_ input: ChunkedFile) { self.input = input; b = input.window }

    func fail(_ reason: String, at: Int? = nil) -> JSONParseFailure {
        JSONParseFailure(reason: reason, offset: input.base + (at ?? i))
    }

    /// Reads on: keeps the window from offset `k`, and moves `b` and `i` with the bytes.
    mutating func refill(keepingFrom k: Int) throws {
        try input.refill(keepingFrom: k)
        b = input.window
        i -= k
    }

    /// Runs `body` from the current position; when it fails at the end of the window and the
    /// file goes on (a value cut in two by a chunk), reads more and runs it again from the same
    /// byte. A value that is whole in the window never fails near its end, so real errors are
    /// thrown as they are.
    @inline(__always)
    mutating func resumable<R>(_ body: (inout JSONParser) throws -> R) throws -> R {
        while true {
            let start = i
            do {
                return try body(&self)
            } catch let e as JSONParseFailure {
                guard !input.eof, i + 8 >= b.count else { throw e }
                i = start
                try refill(keepingFrom: start)
            }
        }
    }

    /// The next byte that is not white space, reading on as needed; nil at the end of the file.
    mutating func peekAcross() throws -> UInt8? {
        while true {
            ws()
            if i < b.count { return b[i] }
            if input.eof { return nil }
            try refill(keepingFrom: i)
        }
    }

    mutating func takeAcross(_ c: UInt8) throws -> Bool {
        if try peekAcross() == c { i += 1; return true }
        return false
    }

    mutating func expectAcross(_ c: UInt8) throws {
        guard let n = try peekAcross() else { throw fail("expected '\(Character(Unicode.Scalar(c)))' before the end of the file") }
        guard n == c else { throw fail("expected '\(Character(Unicode.Scalar(c)))'") }
        i += 1
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

    /// `{ ..., "@graph": [ items ] }`: items go to `emit` in batches, in file order; stops early
    /// when `emit` returns false (the consumer gave up).
    mutating func document(_ emit: (ReadBatch) -> Bool) throws {
        try graphItems(newBatch: ReadBatch.init, count: \.count, size: ReadBatch.size,
                       item: { p, batch in try p.item(into: &batch) }, emit: emit)
    }

    /// The document frame both readers share: each `@graph` item is read by `item` into a batch
    /// of up to `size`, and full batches go to `emit` in file order; other keys are skipped.
    mutating func graphItems<Batch>(newBatch: () -> Batch, count: (Batch) -> Int, size: Int,
                                    item: (inout JSONParser, inout Batch) throws -> Void,
                                    emit: (Batch) -> Bool) throws {
        try expectAcross(0x7B)
        var sawGraph = false
        if !(try takeAcross(0x7D)) {
            repeat {
                let key = try resumable { try $0.string() }
                try expectAcross(0x3A)
                if key == "@graph" {
                    sawGraph = true
                    try expectAcross(0x5B)
                    if !(try takeAcross(0x5D)) {
                        var batch = newBatch()
                        repeat {
                            try resumable { p in try item(&p, &batch) }
                            if count(batch) >= size {
                                guard emit(batch) else { return }
                                batch = newBatch()
                            }
                        } while try takeAcross(0x2C)
                        if count(batch) > 0 { guard emit(batch) else { return } }
                        try expectAcross(0x5D)
                    }
                } else {
                    try resumable { try $0.skipValue() }
                }
            } while try takeAcross(0x2C)
            try expectAcross(0x7D)
        }
        if try peekAcross() != nil { throw fail("text after the JSON document") }
        if !sawGraph { throw JSONParseFailure(reason: "no \"@graph\" array", offset: 0) }
    }

    /// One `@graph` item: a node (has `identifier`) or an edge (has `source`/`target`).
    ///
    /// Types, edge types and endpoint IRIs are read on the window's bytes: the only strings
    /// made are the ones the graph keeps.
    mutating func item(into g: inout ReadBatch) throws {
        let at = i
        try expect(0x7B)
        var nodeType: NodeType?, typesAt: Int?
        var identifier: String?, name: String?, kind: String?, date: String?, currency: String?
        var amount: Double?
        var aliases = StringSet(), sources = StringSet(), roles = StringSet()
        var source: Endpoint?, target: Endpoint?, edgeType: EdgeType?, edgeTypeText: String?, roleName: String?
        var sentence: String?, article: String?, start: Int?, end: Int?
        if !take(0x7D) {
            repeat {
                let key = try itemKey()
                try expect(0x3A)
                switch key {
                case .type:
                    typesAt = i
                    nodeType = try nodeTypes()
                case .identifier: identifier = try string()
                case .name: name = try string()
                case .alternateName: aliases = try stringSet()
                case .sources: sources = try stringSet()
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
                case .source: source = try endpoint()
                case .target: target = try endpoint()
                case .edgeType:
                    if let bytes = try plainString() {
                        edgeType = TypeNames.edgeType(bytes)
                        edgeTypeText = edgeType == nil ? String(decoding: bytes, as: UTF8.self) : nil
                    } else {
                        let t = try string()
                        edgeType = EdgeType(rawValue: t)
                        edgeTypeText = t
                    }
                case .roleName: roleName = try string()
                case .roles: roles = try stringSet()
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
            guard let type = edgeType else {
                if let t = edgeTypeText { throw fail("unknown edgeType '\(t)'", at: at) }
                throw fail("edge without edgeType", at: at)
            }
            if roles.isEmpty, let r = roleName { roles = [r] }
            var ev: Evidence? = nil
            if sentence != nil || article != nil || start != nil || end != nil {
                ev = Evidence(article: article ?? "", sentence: sentence ?? "", start: start ?? 0, end: end ?? 0)
            }
            g.edges.append(Edge(source: try source.id(self, at: at), target: try target.id(self, at: at), type: type,
                                roles: roles, sources: sources, evidence: ev))
        } else if let id = identifier {
            guard let type = nodeType else {
                var again = self
                again.i = typesAt ?? i
                let types = typesAt == nil ? [] : try again.strings()
                throw fail("node '\(id)' has no known @type (\(types.joined(separator: ", ")))", at: at)
            }
            g.append(Node(id: id, type: type, label: name ?? "", aliases: aliases, sources: sources,
                                kind: kind, amount: amount, currency: currency, date: date))
        } else {
            throw fail("item is neither a node (identifier) nor an edge (source, target)", at: at)
        }
    }

    /// The bytes of the next string when it holds no escape, `i` moved past it; nil when it has
    /// escapes (or is cut by the window), `i` left on it for `string()`.
    @inline(__always) mutating func plainString() throws -> UnsafeBufferPointer<UInt8>? {
        ws()
        guard i < b.count, b[i] == 0x22 else { try expect(0x22); return nil }
        var j = i + 1
        while j < b.count, b[j] != 0x22, b[j] != 0x5C { j += 1 }
        guard j < b.count, b[j] == 0x22 else { return nil }
        defer { i = j + 1 }
        return UnsafeBufferPointer(rebasing: b[(i + 1)..<j])
    }

    /// `@type`, a string or an array: the first node type named, without making strings.
    mutating func nodeTypes() throws -> NodeType? {
        ws()
        var found: NodeType? = nil
        func one(_ p: inout JSONParser) throws {
            let t: NodeType?
            if let bytes = try p.plainString() {
                t = TypeNames.nodeType(bytes)
            } else {
                t = NodeType(rawValue: try p.string())
            }
            if found == nil { found = t }
        }
        guard take(0x5B) else { try one(&self); return found }
        if take(0x5D) { return nil }
        repeat { try one(&self) } while take(0x2C)
        try expect(0x5D)
        return found
    }

    /// A string or an array of strings, as a set.
    mutating func stringSet() throws -> StringSet {
        ws()
        guard take(0x5B) else { return [try string()] }
        var out = StringSet()
        if take(0x5D) { return out }
        repeat { out.insert(try string()) } while take(0x2C)
        try expect(0x5D)
        return out
    }

    /// An edge end as read: the node id, or the IRI that is not one of ours (an error only
    /// if the item turns out to be an edge).
    enum Endpoint {
        case node(String), foreign(String)

        func id(_ p: JSONParser, at: Int) throws -> String {
            switch self {
            case .node(let id): return id
            case .foreign(let iri): throw p.fail("edge endpoint '\(iri)' is not a urn:newsgraph: IRI", at: at)
            }
        }
    }

    /// `"urn:newsgraph:org:openai"` → `org:openai` (percent-decoded), on the window's bytes.
    mutating func endpoint() throws -> Endpoint {
        if let bytes = try plainString() {
            if let id = JSONParser.nodeID(bytes) { return .node(id) }
            return .foreign(String(decoding: bytes, as: UTF8.self))
        }
        var iri = try string()
        let id = iri.withUTF8 { JSONParser.nodeID($0) }
        return id.map { .node($0) } ?? .foreign(iri)
    }

    /// The node id of an IRI's bytes, or nil without the `urn:newsgraph:` prefix.
    static func nodeID(_ u: UnsafeBufferPointer<UInt8>) -> String? {
        let prefix: StaticString = "urn:newsgraph:"
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

    private static func hexValue(_ c: UInt8) -> UInt8? {
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

    /// Matched by length, then one distinguishing byte, then all bytes: a key costs a switch and
    /// one short memcmp (a table walked per key was a quarter of a read's time).
    init(_ b: UnsafeBufferPointer<UInt8>) {
        let candidate: (ItemKey, StaticString)
        switch b.count {
        case 4:
            switch b[0] {
            case 0x6E: candidate = (.name, "name")
            case 0x6B: candidate = (.kind, "kind")
            case 0x64: candidate = (.date, "date")
            default: self = .other; return
            }
        case 5:
            switch b[0] {
            case 0x40: candidate = (.type, "@type")
            case 0x76: candidate = (.value, "value")
            case 0x72: candidate = (.roles, "roles")
            default: self = .other; return
            }
        case 6:
            switch b[0] {
            case 0x61: candidate = (.amount, "amount")
            case 0x73: candidate = (.source, "source")
            case 0x74: candidate = (.target, "target")
            default: self = .other; return
            }
        case 7: candidate = (.sources, "sources")
        case 8:
            switch (b[0], b[1]) {
            case (0x63, _): candidate = (.currency, "currency")
            case (0x65, 0x64): candidate = (.edgeType, "edgeType")
            case (0x65, 0x76): candidate = (.evidence, "evidence")
            case (0x72, _): candidate = (.roleName, "roleName")
            default: self = .other; return
            }
        case 10: candidate = (.identifier, "identifier")
        case 11: candidate = (.evidenceEnd, "evidenceEnd")
        case 13:
            switch b[0] {
            case 0x61: candidate = (.alternateName, "alternateName")
            case 0x65: candidate = (.evidenceStart, "evidenceStart")
            default: self = .other; return
            }
        case 15: candidate = (.evidenceArticle, "evidenceArticle")
        default: self = .other; return
        }
        self = memcmp(b.baseAddress!, candidate.1.utf8Start, b.count) == 0 ? candidate.0 : .other
    }
}

/// Type names matched on bytes, by length then all bytes (no String, no table).
enum TypeNames {
    @inline(__always) static func same(_ b: UnsafeBufferPointer<UInt8>, _ s: StaticString) -> Bool {
        b.count == s.utf8CodeUnitCount && memcmp(b.baseAddress!, s.utf8Start, b.count) == 0
    }

    static func nodeType(_ b: UnsafeBufferPointer<UInt8>) -> NodeType? {
        switch b.count {
        case 12: same(b, "Organization") ? .organization : nil
        case 6: same(b, "Person") ? .person : nil
        case 4: same(b, "Deal") ? .deal : nil
        case 7: same(b, "Product") ? .product : nil
        case 5: same(b, "Place") ? .place : nil
        default: nil
        }
    }

    static func edgeType(_ b: UnsafeBufferPointer<UInt8>) -> EdgeType? {
        switch b.count {
        case 4: same(b, "role") ? .role : nil
        case 5: same(b, "party") ? .party : nil
        case 13: same(b, "competes_with") ? .competesWith : nil
        case 8: same(b, "develops") ? .develops : (same(b, "based_in") ? .basedIn : nil)
        default: nil
        }
    }
}
