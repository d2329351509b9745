import Foundation
import NewsText

/// Reads a corpus: files and folders of `.txt`, `.html`/`.htm` and `.jsonl` articles, one
/// article at a time.
///
/// A folder is read recursively in byte order of the paths below it (hidden entries skipped);
/// other files there (`*.gold.json`, `.md`) are ignored. `-` reads JSONL from standard input.
/// The whole corpus is never held: each file is read, turned into articles and handed on.
///
///     let summary = try CorpusReader(paths: ["dev", "extra.jsonl"]).forEach { result in
///         switch result {
///         case .success(let article): ...
///         case .failure(let error): print(error)   // dev/x.txt: error: not valid UTF-8 (byte 12)
///         }
///     }
///     summary.bytesRead   // for MB/s
public struct CorpusReader: Sendable {
    /// The kinds of file that hold articles.
    public enum Kind: String, Sendable, Equatable {
        case text, html, jsonl

        /// The kind of a path by its extension, or nil for a file that is not an article.
        public init?(path: String) {
            // The extension, ASCII-lowercased from the bytes: run once per file of the corpus.
            let u = path.utf8
            guard let dot = u.lastIndex(of: UInt8(ascii: ".")) else { return nil }
            let ext = u[u.index(after: dot)...].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            switch String(decoding: ext, as: UTF8.self) {
            case "txt": self = .text
            case "html", "htm": self = .html
            case "jsonl": self = .jsonl
            default: return nil
            }
        }
    }

    /// One file to read; `path` is as the user wrote it, joined with the path below a folder.
    public struct File: Sendable, Equatable {
        public var path: String
        public var kind: Kind

        public init(path: String, kind: Kind) {
            self.path = path
            self.kind = kind
        }
    }

    /// What a pass over the corpus read.
    public struct Summary: Sendable, Equatable {
        public var articles = 0
        public var failures = 0
        /// Bytes of input read (files and standard input).
        public var bytesRead = 0
    }

    public var paths: [String]
    /// Bytes per read of a JSONL stream.
    public var chunkSize = 1 << 20

    public init(paths: [String]) {
        self.paths = paths
    }

    /// The files the paths name, in reading order; `-` is standard input. Throws for a path that
    /// does not exist or a folder that cannot be listed.
    public func files() throws(CorpusError) -> [File] {
        var out: [File] = []
        var seen = Set<String>()
        // Resolving a path costs a stat per component: only worth it when paths may overlap.
        let dedupe = paths.count > 1
        func firstTime(_ path: String) -> Bool { !dedupe || seen.insert(FileSystem.realPath(path) ?? path).inserted }
        for path in paths {
            if path == "-" {
                if seen.insert("-").inserted { out.append(File(path: "-", kind: .jsonl)) }
                continue
            }
            guard let kind = FileSystem.kind(path) else { throw .notFound(path: path) }
            if kind != .directory {
                if let k = Kind(path: path), firstTime(path) { out.append(File(path: path, kind: k)) }
                continue
            }
            // A folder named through a symbolic link is listed; links below it are not followed
            // into, so a link cycle cannot loop.
            var found: [(String, Kind)] = []
            do { try FileSystem.listFiles(path, into: &found, classify: Kind.init(path:)) } catch {
                throw .unreadable(origin: path, reason: "cannot list folder")
            }
            let base = path.hasSuffix("/") ? path : path + "/"
            for (rel, k) in found.sorted(by: { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }) {
                let full = base + rel
                if firstTime(full) { out.append(File(path: full, kind: k)) }
            }
        }
        return out
    }

    /// One step of reading, in corpus order: a file still to be read, or a line of a JSONL
    /// stream. Both can be turned into an article on any thread (`load`), so a build reads and
    /// parses on every core while the order stays the corpus order.
    public enum Item: Sendable {
        case file(File)
        case jsonlLine(bytes: ArraySlice<UInt8>, number: Int, offset: Int, file: String)
        /// A JSONL stream that could not be opened or read on.
        case unreadable(origin: String, reason: String)
    }

    /// An item turned into an article (nil for a blank JSONL line), with the file bytes it read.
    public struct Loaded: Sendable {
        public var result: Result<Article, CorpusError>?
        public var bytesRead: Int
    }

    /// Lists the corpus and hands each item to `body` in order, without reading the files;
    /// JSONL streams are read here, a chunk at a time. Returns the JSONL bytes read, and throws
    /// what `body` throws.
    @discardableResult
    public func forEachItem(_ body: (Item) throws -> Void) throws -> Int {
        var jsonlBytes = 0
        for file in try files() {
            guard file.kind == .jsonl else {
                try body(.file(file))
                continue
            }
            let handle: FileHandle
            if file.path == "-" {
                handle = FileHandle.standardInput
            } else {
                do { handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: file.path)) } catch {
                    try body(.unreadable(origin: file.path, reason: Self.reason(error)))
                    continue
                }
            }
            defer { if file.path != "-" { try? handle.close() } }
            let name = file.path == "-" ? "<stdin>" : file.path
            var lines = LineReader(handle: handle, chunkSize: chunkSize)
            while true {
                let next: LineReader.Line?
                do { next = try lines.next() } catch {
                    try body(.unreadable(origin: name, reason: Self.reason(error)))
                    break
                }
                guard let line = next else { break }
                try body(.jsonlLine(bytes: line.bytes, number: line.number, offset: line.offset, file: name))
            }
            jsonlBytes += lines.bytesRead
        }
        return jsonlBytes
    }

    /// Reads and parses one item; safe to call from any thread.
    public static func load(_ item: Item) -> Loaded {
        switch item {
        case .jsonlLine(let bytes, let number, let offset, let file):
            let line = LineReader.Line(bytes: bytes, number: number, offset: offset)
            return Loaded(result: JSONLRecord.article(line: line, file: file), bytesRead: 0)
        case .unreadable(let origin, let reason):
            return Loaded(result: .failure(.unreadable(origin: origin, reason: reason)), bytesRead: 0)
        case .file(let file):
            let bytes: [UInt8]
            do { bytes = try FileSystem.readFile(file.path) } catch {
                return Loaded(result: .failure(.unreadable(origin: file.path, reason: error.reason)), bytesRead: 0)
            }
            return Loaded(result: article(bytes: bytes, file: file), bytesRead: bytes.count)
        }
    }

    /// Article ids seen so far: the first article with an id wins, later ones are failures.
    public struct IDRegistry: Sendable {
        private var ids: [String: String] = [:]  // id → origin of its first article
        public init() {}

        public mutating func check(_ r: Result<Article, CorpusError>) -> Result<Article, CorpusError> {
            guard case .success(let a) = r else { return r }
            if let first = ids[a.id] { return .failure(.duplicateID(origin: a.origin, id: a.id, firstOrigin: first)) }
            ids[a.id] = a.origin
            return r
        }
    }

    /// Reads every article in order and hands each to `body`; an article that cannot be read
    /// arrives as a `.failure` so the caller can report it and go on, or stop by throwing.
    @discardableResult
    public func forEach(_ body: (Result<Article, CorpusError>) throws -> Void) throws -> Summary {
        var summary = Summary()
        var ids = IDRegistry()
        let jsonlBytes = try forEachItem { item in
            let loaded = Self.load(item)
            summary.bytesRead += loaded.bytesRead
            guard let r = loaded.result.map({ ids.check($0) }) else { return }
            switch r {
            case .success: summary.articles += 1
            case .failure: summary.failures += 1
            }
            try body(r)
        }
        summary.bytesRead += jsonlBytes
        return summary
    }

    /// Every article and every failure, in order; for small corpora and tests.
    public func readAll() throws -> (articles: [Article], failures: [CorpusError]) {
        var articles: [Article] = [], failures: [CorpusError] = []
        try forEach { r in
            switch r {
            case .success(let a): articles.append(a)
            case .failure(let e): failures.append(e)
            }
        }
        return (articles, failures)
    }

    /// The article id of a file: its name without the extension.
    public static func articleID(path: String) -> String {
        let u = path.utf8
        let name = u.lastIndex(of: UInt8(ascii: "/")).map { path[path.utf8.index(after: $0)...] } ?? path[...]
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return String(name) }
        return String(name[..<dot])
    }

    static func article(bytes: [UInt8], file: File) -> Result<Article, CorpusError> {
        let id = articleID(path: file.path)
        switch file.kind {
        case .text:
            switch UTF8Validation.decode(bytes) {
            case .success(let text): return .success(ArticleParser.plainText(text, id: id, origin: file.path))
            case .failure(let bad): return .failure(.invalidUTF8(origin: file.path, byteOffset: bad.byteOffset))
            }
        case .html:
            do { return .success(try ArticleParser.html(bytes, id: id, origin: file.path)) } catch {
                return .failure(error)
            }
        case .jsonl:
            preconditionFailure("JSONL is read line by line")
        }
    }

    static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        if let u = ns.userInfo[NSUnderlyingErrorKey] as? NSError, u.domain == NSPOSIXErrorDomain,
           let code = POSIXErrorCode(rawValue: Int32(u.code)) {
            return String(cString: strerror(code.rawValue)).lowercased()
        }
        return ns.localizedDescription
    }
}
