import Dispatch
import Diffing
import EntityExtraction
import Foundation
import GraphInterchange
import GraphModel
import NewsCorpus
import NewsPipeline
import NewsText

/// What one stage did, measured inside the child that ran it: the timed part only (set-up such
/// as making a synthetic graph or reading a corpus before a merge is left out).
public struct StageMeasurement: Sendable, Equatable {
    public var seconds: Double
    /// Bytes the stage read or wrote (input for readers and extraction, output for writers).
    public var bytes: Int
    /// Articles or graph elements (nodes + edges) the stage handled.
    public var items: Int
    public var nodes = 0
    public var edges = 0

    public init(seconds: Double, bytes: Int, items: Int, nodes: Int = 0, edges: Int = 0) {
        self.seconds = seconds
        self.bytes = bytes
        self.items = items
        self.nodes = nodes
        self.edges = edges
    }

    /// One JSON line, the child's whole standard output.
    public var jsonLine: String {
        "{\"seconds\": \(BenchJSON.number(seconds, digits: 6)), \"bytes\": \(bytes), \"items\": \(items), "
            + "\"nodes\": \(nodes), \"edges\": \(edges)}"
    }

    /// Parses `jsonLine` back (the parent's side).
    public init(jsonLine: String) throws {
        guard let data = jsonLine.split(whereSeparator: \.isNewline).last.map({ Data($0.utf8) }),
              let o = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let s = (o["seconds"] as? NSNumber)?.doubleValue, let b = (o["bytes"] as? NSNumber)?.intValue,
              let i = (o["items"] as? NSNumber)?.intValue else {
            throw BenchError("error: stage printed no measurement: '\(jsonLine.prefix(200))'")
        }
        self.init(seconds: s, bytes: b, items: i, nodes: (o["nodes"] as? NSNumber)?.intValue ?? 0,
                  edges: (o["edges"] as? NSNumber)?.intValue ?? 0)
    }
}

/// The stages a benchmark child runs (`newsgraph bench-stage NAME key=value...`), each timing
/// only its own work with a monotonic clock.
///
///     newsgraph bench-stage read corpus=work/corpus-10000
///     newsgraph bench-stage pipeline corpus=work/corpus-10000 jobs=2 merge=1
///     newsgraph bench-stage write nodes=1000000 format=graphml out=work/graph-1000000
public enum BenchStage {
    /// Runs the stage `name` with `key=value` arguments and returns what it measured.
    public static func run(_ name: String, arguments: [String]) throws -> StageMeasurement {
        var args: [String: String] = [:]
        for a in arguments {
            guard let eq = a.firstIndex(of: "=") else { throw BenchError("error: bench-stage: expected key=value, got '\(a)'") }
            args[String(a[..<eq])] = String(a[a.index(after: eq)...])
        }
        func value(_ k: String) throws -> String {
            guard let v = args[k] else { throw BenchError("error: bench-stage \(name): missing \(k)=") }
            return v
        }
        func int(_ k: String) throws -> Int {
            guard let v = Int(try value(k)), v >= 0 else { throw BenchError("error: bench-stage \(name): \(k)= needs a number") }
            return v
        }
        switch name {
        case "read": return try read(corpus: value("corpus"))
        case "pipeline": return try pipeline(corpus: value("corpus"), jobs: max(1, int("jobs")), merge: value("merge") == "1")
        case "write":
            guard let f = ExportFormat(rawValue: try value("format")) else {
                throw BenchError("error: bench-stage write: unknown format '\(args["format"]!)'")
            }
            return try write(nodes: int("nodes"), format: f, to: value("out"))
        case "read-graph": return try readGraphFile(value("file"))
        case "diff": return diff(nodes: try int("nodes"))
        case "make-diff-pair": return try makeDiffPair(nodes: int("nodes"), to: value("out"))
        default: throw BenchError("error: bench-stage: unknown stage '\(name)'")
        }
    }

    /// Read and decode: files → articles (UTF-8 checks, HTML parsing, datelines), nothing else.
    static func read(corpus: String) throws -> StageMeasurement {
        let t0 = ChildProcess.now()
        var textBytes = 0
        let summary = try CorpusReader(paths: [corpus]).forEach { r in
            if case .success(let a) = r { textBytes &+= a.text.utf8.count }
        }
        let t = ChildProcess.now() - t0
        blackHole(textBytes)
        return StageMeasurement(seconds: t, bytes: summary.bytesRead, items: summary.articles)
    }

    /// Extraction (and with `merge`, merging) as `BuildPipeline.build` does it: batches of 512
    /// articles extracted on `jobs` threads, then folded into one `CorpusMerger`. Each phase is
    /// timed on its own: `seconds` is extraction, or merging when `merge` is set.
    static func pipeline(corpus: String, jobs: Int, merge: Bool) throws -> StageMeasurement {
        let options = BuildOptions(jobs: jobs)
        let extractor = try BuildPipeline.makeExtractor(options)
        var merger = CorpusMerger(shortFormSuffixes: extractor.shortFormSuffixes)
        var batch: [Article] = []
        var extractSeconds = 0.0, mergeSeconds = 0.0, articles = 0, textBytes = 0, found = 0

        func flush() {
            let n = batch.count
            guard n > 0 else { return }
            let input = batch
            let out = WorkSlots<PartialGraph>(count: n)
            let workers = min(jobs, n)
            let t0 = ChildProcess.now()
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                var i = w
                while i < n {
                    let a = input[i]
                    let lang = a.declaredLanguage.map { String($0.lowercased().prefix(2)) }
                        .flatMap { extractor.languages.contains($0) ? $0 : nil }
                        ?? LanguageDetector.shared.detect(a.text) ?? "en"
                    out.set(i, extractor.extract(a, language: lang))
                    i += workers
                }
            }
            let t1 = ChildProcess.now()
            extractSeconds += t1 - t0
            if merge {
                for i in 0..<n { merger.add(out.get(i)) }
                mergeSeconds += ChildProcess.now() - t1
            } else {
                for i in 0..<n { found &+= out.get(i).entities.count }
            }
            articles += n
            for a in input { textBytes += a.text.utf8.count }
            batch.removeAll(keepingCapacity: true)
        }

        try CorpusReader(paths: [corpus]).forEach { r in
            if case .success(let a) = r {
                batch.append(a)
                if batch.count >= 512 { flush() }
            }
        }
        flush()
        blackHole(found)
        guard merge else { return StageMeasurement(seconds: extractSeconds, bytes: textBytes, items: articles) }
        let t0 = ChildProcess.now()
        let graph = merger.finish()
        mergeSeconds += ChildProcess.now() - t0
        return StageMeasurement(seconds: mergeSeconds, bytes: textBytes, items: articles,
                                nodes: graph.nodes.count, edges: graph.edges.count)
    }

    /// One writer on a synthetic graph of `nodes` nodes: `writeExports` with one format, which
    /// includes preparing (cleaning and sorting) the graph, as every export pays it.
    static func write(nodes: Int, format: ExportFormat, to dir: String) throws -> StageMeasurement {
        let g = BenchGraphs.graph(nodes: nodes)
        let t0 = ChildProcess.now()
        _ = try writeExports(g, formats: [format], to: dir, options: ExportOptions())
        let t = ChildProcess.now() - t0
        let bytes = format.fileNames.reduce(0) { $0 + fileSize(dir + "/" + $1) }
        return StageMeasurement(seconds: t, bytes: bytes, items: g.nodes.count + g.edges.count,
                                nodes: g.nodes.count, edges: g.edges.count)
    }

    /// One reader: `readGraph(at:)` on an export.
    static func readGraphFile(_ path: String) throws -> StageMeasurement {
        let t0 = ChildProcess.now()
        let g = try readGraph(at: path)
        let t = ChildProcess.now() - t0
        return StageMeasurement(seconds: t, bytes: fileSize(path), items: g.nodes.count + g.edges.count,
                                nodes: g.nodes.count, edges: g.edges.count)
    }

    /// The diff itself on two graphs in memory (1% of elements differ) and its text report.
    static func diff(nodes: Int) -> StageMeasurement {
        let (a, b) = BenchGraphs.pair(nodes: nodes)
        let t0 = ChildProcess.now()
        let d = GraphDiff(old: a, new: b)
        let text = DiffFormat.text.renderer().render(d)
        let t = ChildProcess.now() - t0
        let items = a.nodes.count + a.edges.count + b.nodes.count + b.edges.count
        return StageMeasurement(seconds: t, bytes: text.utf8.count, items: items,
                                nodes: d.addedNodes.count + d.removedNodes.count + d.changedNodes.count,
                                edges: d.addedEdges.count + d.removedEdges.count + d.changedEdges.count)
    }

    /// Writes the two versions as `out/old/graph.{graphml,jsonld}` and `out/new/...` for the
    /// end-to-end `newsgraph diff` runs (set-up; its time is not a result).
    static func makeDiffPair(nodes: Int, to dir: String) throws -> StageMeasurement {
        let (a, b) = BenchGraphs.pair(nodes: nodes)
        let t0 = ChildProcess.now()
        _ = try writeExports(a, formats: [.graphml, .jsonld], to: dir + "/old", options: ExportOptions())
        _ = try writeExports(b, formats: [.graphml, .jsonld], to: dir + "/new", options: ExportOptions())
        return StageMeasurement(seconds: ChildProcess.now() - t0, bytes: 0, items: a.nodes.count + b.nodes.count,
                                nodes: a.nodes.count, edges: a.edges.count)
    }

    static func fileSize(_ path: String) -> Int {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : 0
    }

    /// Keeps a result alive so the optimizer cannot drop the work that made it.
    @inline(never)
    static func blackHole(_ v: Int) {
        if v == Int.min { print("") }
    }
}
