import GraphModel
import LibXML
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a GraphML file written by `GraphMLSerializer` (or any GraphML using the same
/// `attr.name`s) back into a `KnowledgeGraph`, streaming through libxml2's SAX2 parser.
///
/// Keys are looked up by `attr.name`, not by id, so key numbering does not matter; unknown keys,
/// yEd graphics and nested elements inside `<data>` are skipped. `role` is used only when
/// `roles` is absent. Strings are decoded once per `<data>`.
enum GraphMLReader {
    /// libxml2 parses on a thread of its own and the calling thread builds the graph
    /// (`ReadPipeline`): parsing and hashing into the graph's dictionaries overlap.
    static func read(path: String) throws -> KnowledgeGraph {
        try ReadPipeline.build(producer(path: path))
    }

    /// The parse of `path`, handing batches to `emit` in document order.
    static func producer(path: String) -> @Sendable (_ emit: (ReadBatch) -> Bool) throws -> Void {
        { emit in
            try withoutActuallyEscaping(emit) { emit in
                let h = Handler(path: path, emit: emit)
                do {
                    try XMLReader.parse(file: path, handler: h)
                } catch let e as LibXMLError {
                    throw InterchangeError.malformed(path: path, line: e.line, format: "graphml", reason: e.message)
                } catch is Handler.Stopped {
                    return
                }
                _ = h.flush()
            }
        }
    }

    private final class Handler: XMLEventHandler {
        /// Thrown to end the parse when the graph builder has stopped taking batches.
        struct Stopped: Error {}

        let path: String
        let emit: (ReadBatch) -> Bool
        // The handler's state is touched only from libxml2's callbacks, one at a time on one
        // thread, so the run-time exclusivity checks (a thread-local access set per touch, ~5%
        // of a read) are turned off for it.
        @exclusivity(unchecked) var batch = ReadBatch()
        /// key id bytes → value slot, for each domain, in document order.
        @exclusivity(unchecked) var nodeKeys: [(id: [UInt8], slot: Int)] = []
        @exclusivity(unchecked) var edgeKeys: [(id: [UInt8], slot: Int)] = []

        enum Current { case none, node, edge }
        @exclusivity(unchecked) var current = Current.none
        @exclusivity(unchecked) var line = 0
        // The element being read.
        @exclusivity(unchecked) var id = "", source = "", target = ""
        @exclusivity(unchecked) var values: [String?] = Array(repeating: nil, count: 8)
        // Inside <data>: which slot, how deep in foreign elements, the text so far.
        @exclusivity(unchecked) var dataSlot: Int? = nil
        @exclusivity(unchecked) var inData = false
        @exclusivity(unchecked) var foreignDepth = 0
        @exclusivity(unchecked) var text: [UInt8] = []

        init(path: String, emit: @escaping (ReadBatch) -> Bool) {
            self.path = path
            self.emit = emit
            text.reserveCapacity(4096)
        }

        /// Hands the parsed elements over; false when the builder has stopped.
        func flush() -> Bool {
            if batch.count == 0 { return true }
            defer { batch = ReadBatch() }
            return emit(batch)
        }

        func fail(_ reason: String, line: Int) -> InterchangeError {
            .malformed(path: path, line: line, format: "graphml", reason: reason)
        }

        func startElement(localName: XMLName, namespace: XMLName, attributes: XMLAttributes, line: Int) throws {
            if inData { foreignDepth += 1; return }
            guard namespace.isEmpty || namespace.equals("http://graphml.graphdrawing.org/xmlns") else { return }
            if localName.equals("data") {
                inData = true
                text.removeAll(keepingCapacity: true)
                guard current != .none, let key = attributes.bytes("key") else { dataSlot = nil; return }
                dataSlot = slot(key, current == .node ? nodeKeys : edgeKeys)
            } else if localName.equals("node") {
                guard let id = attributes.value("id") else { throw fail("<node> without id", line: line) }
                current = .node; self.id = id; self.line = line
                for i in 0..<values.count { values[i] = nil }
            } else if localName.equals("edge") {
                guard let s = attributes.value("source"), let t = attributes.value("target") else {
                    throw fail("<edge> without source or target", line: line)
                }
                current = .edge; source = s; target = t; self.line = line
                for i in 0..<values.count { values[i] = nil }
            } else if localName.equals("key") {
                guard let id = attributes.value("id") else { throw fail("<key> without id", line: line) }
                let name = attributes.value("attr.name") ?? ""
                switch attributes.value("for") ?? "all" {
                case "node": if let a = nodeAttr(name) { nodeKeys.append((Array(id.utf8), a.rawValue)) }
                case "edge": if let a = edgeAttr(name) { edgeKeys.append((Array(id.utf8), a.rawValue)) }
                case "all":
                    if let a = nodeAttr(name) { nodeKeys.append((Array(id.utf8), a.rawValue)) }
                    if let a = edgeAttr(name) { edgeKeys.append((Array(id.utf8), a.rawValue)) }
                default: break
                }
            }
        }

        /// The value slot of a `<data key=...>`: a linear scan of at most a few keys, comparing
        /// bytes (no String, no hashing per `<data>`). A later `<key>` with the same id wins.
        @inline(__always)
        func slot(_ key: UnsafeBufferPointer<UInt8>, _ keys: [(id: [UInt8], slot: Int)]) -> Int? {
            if key.isEmpty { return keys.last(where: { $0.id.isEmpty })?.slot }
            for k in keys.reversed() where k.id.count == key.count {
                if k.id.withUnsafeBufferPointer({ memcmp($0.baseAddress!, key.baseAddress!, key.count) == 0 }) { return k.slot }
            }
            return nil
        }

        func endElement(localName: XMLName) throws {
            if inData {
                if foreignDepth > 0 { foreignDepth -= 1; return }
                if let slot = dataSlot { values[slot] = String(decoding: text, as: UTF8.self) }
                inData = false; dataSlot = nil
                return
            }
            if current == .node && localName.equals("node") {
                batch.append(try makeNode())
                current = .none
            } else if current == .edge && localName.equals("edge") {
                batch.edges.append(try makeEdge())
                current = .none
            } else {
                return
            }
            if batch.count >= ReadBatch.size, !flush() { throw Stopped() }
        }

        func characters(_ bytes: UnsafeBufferPointer<UInt8>) throws {
            if inData && foreignDepth == 0 && dataSlot != nil { text.append(contentsOf: bytes) }
        }

        func nodeAttr(_ name: String) -> GraphML.NodeAttr? {
            GraphML.nodeKeys.firstIndex { $0.name == name }.flatMap { GraphML.NodeAttr(rawValue: $0) }
        }

        func edgeAttr(_ name: String) -> GraphML.EdgeAttr? {
            GraphML.edgeKeys.firstIndex { $0.name == name }.flatMap { GraphML.EdgeAttr(rawValue: $0) }
        }

        func list(_ s: String?) -> StringSet {
            guard let s, !s.isEmpty else { return [] }
            // Most lists hold one item: no split, no intermediate arrays.
            if !s.utf8.contains(0x7C) { return [s] }
            var out = StringSet()
            for part in s.utf8.split(separator: 0x7C, omittingEmptySubsequences: true) { out.insert(String(Substring(part))) }
            return out
        }

        func makeNode() throws -> Node {
            let v = values
            guard let ts = v[GraphML.NodeAttr.type.rawValue] else { throw fail("node '\(id)' has no type", line: line) }
            guard let type = NodeType(rawValue: ts) else { throw fail("node '\(id)' has unknown type '\(ts)'", line: line) }
            var amount: Double? = nil
            if let a = v[GraphML.NodeAttr.amount.rawValue] {
                guard let d = Double(a) else { throw fail("node '\(id)' has amount '\(a)', not a number", line: line) }
                amount = d
            }
            return Node(id: id, type: type, label: v[GraphML.NodeAttr.label.rawValue] ?? "",
                        aliases: list(v[GraphML.NodeAttr.aliases.rawValue]),
                        sources: list(v[GraphML.NodeAttr.sources.rawValue]),
                        kind: v[GraphML.NodeAttr.kind.rawValue], amount: amount,
                        currency: v[GraphML.NodeAttr.currency.rawValue], date: v[GraphML.NodeAttr.date.rawValue])
        }

        func makeEdge() throws -> Edge {
            let v = values
            guard let ts = v[GraphML.EdgeAttr.type.rawValue] else {
                throw fail("edge '\(source)' -> '\(target)' has no type", line: line)
            }
            guard let type = EdgeType(rawValue: ts) else {
                throw fail("edge '\(source)' -> '\(target)' has unknown type '\(ts)'", line: line)
            }
            var roles = list(v[GraphML.EdgeAttr.roles.rawValue])
            if v[GraphML.EdgeAttr.roles.rawValue] == nil, let r = v[GraphML.EdgeAttr.role.rawValue], !r.isEmpty { roles = [r] }
            var evidence: Evidence? = nil
            let sentence = v[GraphML.EdgeAttr.evidence.rawValue], article = v[GraphML.EdgeAttr.evidenceArticle.rawValue]
            let start = v[GraphML.EdgeAttr.evidenceStart.rawValue], end = v[GraphML.EdgeAttr.evidenceEnd.rawValue]
            if sentence != nil || article != nil || start != nil || end != nil {
                func int(_ s: String?, _ name: String) throws -> Int {
                    guard let s else { return 0 }
                    guard let i = Int(s) else { throw fail("edge '\(source)' -> '\(target)' has \(name) '\(s)', not an integer", line: line) }
                    return i
                }
                evidence = Evidence(article: article ?? "", sentence: sentence ?? "",
                                    start: try int(start, "evidence_start"), end: try int(end, "evidence_end"))
            }
            return Edge(source: source, target: target, type: type, roles: roles,
                        sources: list(v[GraphML.EdgeAttr.sources.rawValue]), evidence: evidence)
        }
    }
}
