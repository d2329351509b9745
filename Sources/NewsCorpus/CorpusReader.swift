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
            let lower = path.lowercased()
            if lower.hasSuffix(".txt") { self = .text }
            else if lower.hasSuffix(".html") || lower.hasSuffix(".htm") { self = .html }
            else if lower.hasSuffix(".jsonl") { self = .jsonl }
            else { return nil }
        }
    }

    /// One file to read; `path` is as the user wrote it, joined with the path below a folder.
    public struct File: Sendable, Equatable {
        public var path: String
        public var kind: Kind
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
        let fm = FileManager.default
        // Resolving a path costs a stat per component: only worth it when paths may overlap.
        let dedupe = paths.count > 1
        func firstTime(_ path: String) -> Bool { !dedupe || seen.insert(Self.key(path)).inserted }
        for path in paths {
            if path == "-" {
                if seen.insert("-").inserted { out.append(File(path: "-", kind: .jsonl)) }
                continue
            }
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else { throw .notFound(path: path) }
            if !isDir.boolValue {
                if let kind = Kind(path: path), firstTime(path) {
                    out.append(File(path: path, kind: kind))
                }
                continue
            }
            // Enumerate the folder itself when PATH is a symbolic link to it (links below are not
            // followed, so a link cycle cannot loop).
            let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            guard let walker = fm.enumerator(atPath: real) else {
                throw .unreadable(origin: path, reason: "cannot list folder")
            }
            var found: [String] = []
            while let rel = walker.nextObject() as? String {
                let name = (rel as NSString).lastPathComponent
                if name.hasPrefix(".") {
                    walker.skipDescendants()
                    continue
                }
                if Kind(path: rel) != nil { found.append(rel) }
            }
            let base = path.hasSuffix("/") ? path : path + "/"
            for rel in found.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                let full = base + rel
                var sub: ObjCBool = false
                guard fm.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue,
                      let kind = Kind(path: rel), firstTime(full) else { continue }
                out.append(File(path: full, kind: kind))
            }
        }
        return out
    }

    /// The same file named twice (`dev` and `dev/a.txt`) is read once.
    private static func key(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Reads every article in order and hands each to `body`; an article that cannot be read
    /// arrives as a `.failure` so the caller can report it and go on, or stop by throwing.
    @discardableResult
    public func forEach(_ body: (Result<Article, CorpusError>) throws -> Void) throws -> Summary {
        let list = try files()
        var summary = Summary()
        var ids: [String: String] = [:] // id → origin of its first article
        func deliver(_ r: Result<Article, CorpusError>) throws {
            var r = r
            if case .success(let a) = r {
                if let first = ids[a.id] {
                    r = .failure(.duplicateID(origin: a.origin, id: a.id, firstOrigin: first))
                } else {
                    ids[a.id] = a.origin
                }
            }
            switch r {
            case .success: summary.articles += 1
            case .failure: summary.failures += 1
            }
            try body(r)
        }
        for file in list {
            switch file.kind {
            case .text, .html:
                let data: Data
                do {
                    data = try Data(contentsOf: URL(fileURLWithPath: file.path), options: .mappedIfSafe)
                } catch {
                    try deliver(.failure(.unreadable(origin: file.path, reason: Self.reason(error))))
                    continue
                }
                summary.bytesRead += data.count
                try deliver(Self.article(data: data, file: file))
            case .jsonl:
                let handle: FileHandle
                if file.path == "-" {
                    handle = FileHandle.standardInput
                } else {
                    do { handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: file.path)) } catch {
                        try deliver(.failure(.unreadable(origin: file.path, reason: Self.reason(error))))
                        continue
                    }
                }
                defer { if file.path != "-" { try? handle.close() } }
                let name = file.path == "-" ? "<stdin>" : file.path
                var lines = LineReader(handle: handle, chunkSize: chunkSize)
                while true {
                    let next: LineReader.Line?
                    do { next = try lines.next() } catch {
                        try deliver(.failure(.unreadable(origin: name, reason: Self.reason(error))))
                        break
                    }
                    guard let line = next else { break }
                    if let r = JSONLRecord.article(line: line, file: name) { try deliver(r) }
                }
                summary.bytesRead += lines.bytesRead
            }
        }
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
        let name = (path as NSString).lastPathComponent
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    static func article(data: Data, file: File) -> Result<Article, CorpusError> {
        let id = articleID(path: file.path)
        switch file.kind {
        case .text:
            switch UTF8Validation.decode(data) {
            case .success(let text): return .success(ArticleParser.plainText(text, id: id, origin: file.path))
            case .failure(let bad): return .failure(.invalidUTF8(origin: file.path, byteOffset: bad.byteOffset))
            }
        case .html:
            do { return .success(try ArticleParser.html([UInt8](data), id: id, origin: file.path)) } catch {
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
