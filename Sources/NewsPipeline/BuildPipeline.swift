import Dispatch
import EntityExtraction
import Foundation
import GraphModel
import NewsCorpus
import NewsText

/// How a corpus is built into a graph.
public struct BuildOptions: Sendable {
    /// Forces one language for every article (`--lang`); nil detects it per article.
    public var language: String?
    /// User lexicons (`--lexicon`), JSON Lines of `{"name", "type", "aliases"}`.
    public var lexiconFiles: [String] = []
    /// Worker threads for extraction (`--jobs`).
    public var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    /// Stop at the first unreadable article instead of reporting and skipping it.
    public var strict = false
    /// Articles handed to the workers at a time: bounds memory, whatever the corpus size.
    public var batchSize = 512

    public init(language: String? = nil, lexiconFiles: [String] = [], jobs: Int? = nil, strict: Bool = false) {
        self.language = language
        self.lexiconFiles = lexiconFiles
        if let jobs { self.jobs = max(1, jobs) }
        self.strict = strict
    }
}

/// What a build read and made.
public struct BuildResult: Sendable {
    public var graph: KnowledgeGraph
    public var articles = 0
    public var skipped = 0
    public var bytes = 0
    public var seconds = 0.0
    public var languages: [String: Int] = [:]
    /// Per article: its id, language and partial graph (kept only when asked, for evaluation).
    public var partials: [(language: String, partial: PartialGraph)] = []
}

/// A build error that stops the whole build (a path that does not exist, `--strict`).
public struct BuildError: Error, CustomStringConvertible {
    public var description: String
}

/// corpus → articles → partial graphs (in parallel) → one merged graph.
public enum BuildPipeline {
    /// The extractor with the bundled packs and the user's lexicons.
    public static func makeExtractor(_ options: BuildOptions) throws -> Extractor {
        let packs = try LanguagePack.bundled()
        var user: [LexiconEntry] = []
        for f in options.lexiconFiles { user += try LexiconEntry.load(path: f) }
        if let l = options.language, !packs.contains(where: { $0.code == l }) {
            throw BuildError(description: "error: no language pack for '\(l)' (have: \(packs.map(\.code).joined(separator: ", ")))")
        }
        return Extractor(packs: packs, userLexicon: user)
    }

    /// The language an article is read in: forced, declared by its source, or detected.
    public static func language(of a: Article, options: BuildOptions, extractor: Extractor) -> String {
        if let l = options.language { return l }
        if let d = a.declaredLanguage?.lowercased().prefix(2), extractor.languages.contains(String(d)) { return String(d) }
        return LanguageDetector.shared.detect(a.text) ?? "en"
    }

    /// Builds the graph of a corpus. `warn` receives one line per skipped article;
    /// `progress` the number of articles and bytes done so far.
    ///
    /// This thread lists the corpus and merges; the workers read, parse and extract each
    /// article. Articles go out in batches and come back in corpus order, so the graph, the
    /// warnings and the duplicate-id check are the same whatever `jobs` is.
    public static func build(paths: [String], options: BuildOptions, keepPartials: Bool = false,
                             warn: (String) -> Void = { _ in },
                             progress: (Int, Int) -> Void = { _, _ in }) throws -> BuildResult {
        let start = DispatchTime.now().uptimeNanoseconds
        let extractor = try makeExtractor(options)
        // One extractor per worker: shared lexicon tables would have both cores fight over
        // the same reference counts.
        let workers = [extractor] + (1..<max(1, options.jobs)).map { _ in extractor.independentCopy() }
        var merger = CorpusMerger(shortFormSuffixes: extractor.shortFormSuffixes)
        var result = BuildResult(graph: KnowledgeGraph())
        var ids = CorpusReader.IDRegistry()
        var batch: [CorpusReader.Item] = []
        batch.reserveCapacity(options.batchSize)

        // While the workers do one batch, this thread merges the one before.
        var pending: (group: DispatchGroup, out: WorkSlots<Extracted>, n: Int)?
        func collect() throws {
            guard let p = pending else { return }
            pending = nil
            p.group.wait()
            for i in 0..<p.n {
                let x = p.out.get(i)
                result.bytes += x.bytesRead
                switch x.result.map({ ids.check($0) }) {
                case nil:
                    continue
                case .failure(let e)?:
                    if options.strict { throw BuildError(description: "\(e)") }
                    warn("\(e)")
                    result.skipped += 1
                case .success?:
                    merger.add(x.partial!)
                    result.languages[x.language, default: 0] += 1
                    if keepPartials { result.partials.append((x.language, x.partial!)) }
                    result.articles += 1
                }
            }
        }
        func flush() throws {
            let n = batch.count
            guard n > 0 else { return }
            let input = batch
            batch = []
            batch.reserveCapacity(options.batchSize)
            let out = WorkSlots<Extracted>(count: n)
            let jobs = min(options.jobs, n)
            let next = WorkCounter()
            let group = DispatchGroup()
            // One thread per worker, not `concurrentPerform` inside a global-queue block: there,
            // libdispatch's pool of one thread per core was already taken by the block itself
            // and the batch before, and the workers of a batch ran one after the other.
            for w in 0..<jobs {
                group.enter()
                let x = workers[w]
                let thread = Thread {
                    // Articles differ in length: each worker takes the next one, not every jobs-th.
                    while case let i = next.take(), i < n {
                        let loaded = CorpusReader.load(input[i])
                        var e = Extracted(result: loaded.result, bytesRead: loaded.bytesRead)
                        if case .success(let a)? = loaded.result {
                            e.language = language(of: a, options: options, extractor: x)
                            e.partial = x.extract(a, language: e.language)
                        }
                        out.set(i, e)
                    }
                    group.leave()
                }
                thread.stackSize = 8 << 20
                thread.start()
            }
            try collect()
            pending = (group, out, n)
            progress(result.articles, result.bytes)
        }

        do {
            let jsonlBytes = try CorpusReader(paths: paths).forEachItem { item in
                batch.append(item)
                if batch.count >= options.batchSize { try flush() }
            }
            try flush()
            try collect()
            result.bytes += jsonlBytes
        } catch {
            pending?.group.wait()  // no worker outlives a failed build
            throw error
        }
        result.graph = merger.finish()
        result.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return result
    }

    /// The graph of a corpus folder, file or JSONL stream, built in memory.
    public static func buildGraph(paths: [String], options: BuildOptions) throws -> KnowledgeGraph {
        try build(paths: paths, options: options).graph
    }

    /// Merges the partial graphs of some articles (the per-language graphs of `evaluate`).
    public static func merge(_ partials: [PartialGraph], extractor: Extractor) -> KnowledgeGraph {
        var m = CorpusMerger(shortFormSuffixes: extractor.shortFormSuffixes)
        for p in partials { m.add(p) }
        return m.finish()
    }
}

/// One item after a worker: the article's partial graph, or why it could not be read.
struct Extracted: Sendable {
    var result: Result<Article, CorpusError>?
    var bytesRead: Int
    var language = ""
    var partial: PartialGraph?
}

/// Hands out item indices to the workers, one at a time.
final class WorkCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func take() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value - 1
    }
}
