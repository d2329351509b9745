import GraphModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One `@graph` item of a JSON-LD export kept as its raw bytes plus its identity (a node's id,
/// or an edge's source, type and target), for comparing two exports item by item without
/// building either graph: byte-equal items parse to equal elements, so only items whose bytes
/// differ are ever turned into a `Node` or `Edge` (`JSONLDRecords.element`).
public struct ItemRecord: Sendable {
    /// The item's bytes: `RecordBatch.bytes[itemStart..<itemEnd]`.
    public var itemStart: Int32, itemEnd: Int32
    /// The node id, or the edge's source id (decoded), in `RecordBatch.bytes`.
    public var firstStart: Int32, firstEnd: Int32
    /// The edge's target id (decoded); empty for a node.
    public var secondStart: Int32, secondEnd: Int32
    /// Edges only: the edge type.
    public var edgeType: EdgeType
    public var isEdge: Bool
    /// False when an id holds a byte above 0x7F (its byte order may then not be Swift's order).
    public var asciiKey: Bool
}

/// Records of consecutive items, in file order, with the bytes they point into.
public struct RecordBatch: Sendable {
    public var bytes: [UInt8] = []
    public var records: [ItemRecord] = []
    public init() {}
    /// Items per batch: a few hundred kB of bytes, handed over rarely.
    static let size = 2048
}

extension RecordBatch: EmptyBatch {}

/// A `graph.jsonld` read as `ItemRecord`s on a thread of its own, for a consumer that walks
/// two exports side by side (`newsgraph diff`). The document around the items is read by the
/// same code as `readGraph`; each item is scanned for its identity without making strings, and
/// any item the scan does not know for certain is parsed by the full reader's item code, so
/// an export the full reader rejects makes this one fail too (the error is not phrased here:
/// callers fall back to `readGraph` for the exact message).
///
///     let r = try JSONLDRecords(path: "old/graph.jsonld")
///     while let batch = r.next() { ... }
///     try r.finish()
public final class JSONLDRecords: @unchecked Sendable {
    public let path: String
    private let queue = BatchQueue<RecordBatch>(capacity: 8)
    private let job: ProducerJob<RecordBatch>
    private var thread: ProducerJob<RecordBatch>.ThreadID?
    private var finished = false

    /// Opens the file and starts reading it. `chunk`: bytes read at a time (tests cut values).
    public init(path: String, chunk: Int = 4 << 20) throws {
        self.path = path
        let input = try ChunkedFile(path: path, chunk: chunk)
        if input.count == 0 {
            throw InterchangeError.malformed(path: path, line: 1, format: "jsonld", reason: "empty file")
        }
        job = ProducerJob(queue: queue) { emit in
            var p = JSONParser(input)
            try p.records(emit)
        }
        guard let t = job.start() else {
            throw InterchangeError.cannotRead(path: path, reason: "no thread to read it on")
        }
        thread = t
    }

    deinit { stop() }

    /// The next batch in file order; nil at the end or when reading failed (see `finish`).
    public func next() -> RecordBatch? { queue.take() }

    /// Stops reading (if not at the end yet) and waits for the thread; throws what the reading
    /// threw, as `InterchangeError`.
    public func finish() throws {
        stop()
        if let f = job.error as? JSONParseFailure {
            throw InterchangeError.malformed(path: path, line: 0, format: "jsonld", reason: f.reason)
        }
        if let e = job.error { throw e }
    }

    private func stop() {
        guard !finished, let t = thread else { return }
        finished = true
        queue.cancel()
        job.join(t)
    }

    /// The element an item's bytes hold, as `readGraph` would read it.
    public static func element(_ batch: RecordBatch, _ r: ItemRecord) throws -> Either {
        let input = batch.bytes.withUnsafeBufferPointer {
            ChunkedFile(bytes: UnsafeBufferPointer(rebasing: $0[Int(r.itemStart)..<Int(r.itemEnd)]), path: "")
        }
        var p = JSONParser(input)
        var out = ReadBatch()
        do {
            try p.item(into: &out)
        } catch let f as JSONParseFailure {
            throw InterchangeError.malformed(path: "", line: 0, format: "jsonld", reason: f.reason)
        }
        if let n = out.nodes.first { return .node(n) }
        return .edge(out.edges[0])
    }

    /// A node or an edge.
    public enum Either: Sendable {
        case node(Node), edge(Edge)
    }
}

extension JSONParser {
    /// `document`, with each item turned into an `ItemRecord` instead of an element.
    mutating func records(_ emit: (RecordBatch) -> Bool) throws {
        try graphItems(newBatch: {
            var batch = RecordBatch()
            batch.bytes.reserveCapacity(1 << 20)
            batch.records.reserveCapacity(RecordBatch.size)
            return batch
        }, count: { $0.records.count }, size: RecordBatch.size,
           item: { p, batch in try p.record(into: &batch) }, emit: emit)
    }

    /// One item as a record: scanned in place when every value it needs is plain, else parsed by
    /// `item(into:)` (escapes, percent-encoded ids, amounts, anything unexpected).
    mutating func record(into batch: inout RecordBatch) throws {
        ws()
        let start = i
        if try scanRecord(into: &batch, from: start) { return }
        i = start
        var one = ReadBatch()
        try item(into: &one)
        let base = Int32(batch.bytes.count)
        batch.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<i]))
        let itemEnd = Int32(batch.bytes.count)
        func add(_ s: String) -> (Int32, Int32, Bool) {
            let a = Int32(batch.bytes.count)
            batch.bytes.append(contentsOf: s.utf8)
            return (a, Int32(batch.bytes.count), s.utf8.allSatisfy { $0 < 0x80 })
        }
        if let n = one.nodes.first {
            let (a, z, ascii) = add(n.id)
            batch.records.append(ItemRecord(itemStart: base, itemEnd: itemEnd, firstStart: a, firstEnd: z,
                                            secondStart: z, secondEnd: z, edgeType: .role, isEdge: false, asciiKey: ascii))
        } else {
            let e = one.edges[0]
            let (a, z, ascii1) = add(e.source)
            let (c, d, ascii2) = add(e.target)
            batch.records.append(ItemRecord(itemStart: base, itemEnd: itemEnd, firstStart: a, firstEnd: z,
                                            secondStart: c, secondEnd: d, edgeType: e.type, isEdge: true,
                                            asciiKey: ascii1 && ascii2))
        }
    }

    /// The in-place scan: false (position anywhere) when the item needs `item(into:)`. Accepts
    /// only what `item(into:)` accepts, and finds the same identity: the same key table, the
    /// same last-key-wins, the same node-or-edge decision.
    private mutating func scanRecord(into batch: inout RecordBatch, from start: Int) throws -> Bool {
        try expect(0x7B)
        if take(0x7D) { return false }
        var nodeType: NodeType? = nil, edgeType: EdgeType? = nil
        var id: Range<Int>? = nil, source: Range<Int>? = nil, target: Range<Int>? = nil
        repeat {
            let key = try itemKey()
            try expect(0x3A)
            switch key {
            case .type: nodeType = try nodeTypes()
            case .identifier:
                guard let r = plainRange() else { return false }
                id = r
            case .name, .kind, .date, .currency, .roleName, .evidence, .evidenceArticle:
                guard plainRange() != nil else { return false }
            case .alternateName, .sources, .roles:
                guard try plainStrings() else { return false }
            case .evidenceStart, .evidenceEnd:
                guard plainInt() else { return false }
            case .source, .target:
                guard let r = plainRange(), let id = ourID(r) else { return false }
                if key == .source { source = id } else { target = id }
            case .edgeType:
                guard let r = plainRange(),
                      let t = TypeNames.edgeType(UnsafeBufferPointer(rebasing: b[r]))
                else { return false }
                edgeType = t
            case .amount: return false
            default: try skipValue()
            }
        } while take(0x2C)
        try expect(0x7D)
        let base = batch.bytes.count - start
        let isEdge: Bool
        let first: Range<Int>, second: Range<Int>
        if let s = source, let t = target {
            guard edgeType != nil else { return false }
            isEdge = true
            (first, second) = (s, t)
        } else if let id, nodeType != nil {
            isEdge = false
            (first, second) = (id, id.upperBound..<id.upperBound)
        } else {
            return false
        }
        batch.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<i]))
        var ascii = true
        for k in first where b[k] >= 0x80 { ascii = false; break }
        if ascii { for k in second where b[k] >= 0x80 { ascii = false; break } }
        batch.records.append(ItemRecord(
            itemStart: Int32(start + base), itemEnd: Int32(i + base),
            firstStart: Int32(first.lowerBound + base), firstEnd: Int32(first.upperBound + base),
            secondStart: Int32(second.lowerBound + base), secondEnd: Int32(second.upperBound + base),
            edgeType: edgeType ?? .role, isEdge: isEdge, asciiKey: ascii))
        return true
    }

    /// The window range of the next string's content when it holds no escape (`i` moved past
    /// it); nil when it has one or is cut by the window.
    @inline(__always) private mutating func plainRange() -> Range<Int>? {
        ws()
        guard i < b.count, b[i] == 0x22 else { return nil }
        var j = i + 1
        while j < b.count, b[j] != 0x22, b[j] != 0x5C { j += 1 }
        guard j < b.count, b[j] == 0x22 else { return nil }
        defer { i = j + 1 }
        return (i + 1)..<j
    }

    /// A plain string or an array of them (what `stringSet` reads); false on anything else.
    private mutating func plainStrings() throws -> Bool {
        ws()
        guard take(0x5B) else { return plainRange() != nil }
        if take(0x5D) { return true }
        repeat { guard plainRange() != nil else { return false } } while take(0x2C)
        try expect(0x5D)
        return true
    }

    /// An integer `int()` surely accepts: an optional minus and 1 to 18 digits, followed by
    /// none of the bytes `numberText` would take on.
    private mutating func plainInt() -> Bool {
        ws()
        var j = i
        if j < b.count, b[j] == 0x2D { j += 1 }
        let digits = j
        while j < b.count, (0x30...0x39).contains(b[j]) { j += 1 }
        guard j > digits, j - digits <= 18, j < b.count else { return false }
        let c = b[j]
        if c == 0x2B || c == 0x2D || c == 0x2E || c == 0x65 || c == 0x45 { return false }
        i = j
        return true
    }

    /// The id inside `urn:newsgraph:<id>` when it needs no percent-decoding.
    private func ourID(_ r: Range<Int>) -> Range<Int>? {
        let prefix: StaticString = "urn:newsgraph:"
        let p = prefix.utf8CodeUnitCount
        guard r.count >= p, memcmp(b.baseAddress! + r.lowerBound, prefix.utf8Start, p) == 0 else { return nil }
        let id = (r.lowerBound + p)..<r.upperBound
        for k in id where b[k] == 0x25 { return nil }
        return id
    }
}
