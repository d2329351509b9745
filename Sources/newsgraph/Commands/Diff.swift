import ArgumentParser
import Diffing
import Foundation
import GraphInterchange
import GraphModel
import NewsPipeline

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what changed between two versions of the graph.",
        discussion: """
        OLD and NEW are each an export (graph.graphml, graph.jsonld), an exports folder, or a corpus \
        (a folder of articles, a .jsonl, .txt or .html file) built on the fly. Nodes and edges are \
        matched by their stable ids. Exit status: 0, or with --exit-code 1 when the graphs differ; \
        2 on error. Examples:
          newsgraph diff old-exports/ exports/
          newsgraph diff exports/graph.jsonld corpus/ --format json
          newsgraph diff old/ new/ --format dot --context 1 | dot -Tsvg > diff.svg
          newsgraph diff old/graph.jsonld new/graph.jsonld --format patch > update.rdfp
        """)

    @Argument(help: "The graph before: export file, exports folder, or corpus.")
    var old: String

    @Argument(help: "The graph after: export file, exports folder, or corpus.")
    var new: String

    @Option(help: "Output: text, json, dot, or patch (RDF Patch over the JSON-LD triples).")
    var format = "text"

    @Option(help: ArgumentHelp("DOT: keep only the changes and their neighbours within N hops.", valueName: "N"))
    var context: Int?

    @Option(help: "Colour text output: auto (when standard output is a terminal), always, never.")
    var color = "auto"

    @Flag(help: "Exit with 1 when the graphs differ and 0 when they are equal, as git diff does.")
    var exitCode = false

    @Option(name: .shortAndLong, help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?

    @OptionGroup(title: "Building a corpus side") var build: BuildFlags

    @Option(help: .hidden)
    var benchmarkNodes: Int?

    func run() throws {
        do {
            if let n = benchmarkNodes { return try DiffBenchmarkRun(nodes: n, format: format).run() }
            let differ = try report()
            if exitCode && differ { throw ExitCode(1) }
        } catch let e as ExitCode {
            throw e
        } catch {
            // Every failure of the diff itself exits 2, as git diff --exit-code does.
            let line = "\(error)"
            stderr(line.contains("error:") ? line : "error: \(line)")
            throw ExitCode(2)
        }
    }

    /// Writes the report; returns whether the graphs differ.
    func report() throws -> Bool {
        guard let fmt = DiffFormat(rawValue: format) else {
            throw DiffCommandError("error: unknown --format '\(format)' (text, json, dot, patch)")
        }
        if let c = context, c < 0 { throw DiffCommandError("error: --context must be 0 or more, not \(c)") }
        if context != nil && fmt != .dot { throw DiffCommandError("error: --context applies to --format dot only") }
        let useColor: Bool
        switch color {
        case "auto": useColor = output == nil && isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        case "always": useColor = true
        case "never": useColor = false
        default: throw DiffCommandError("error: unknown --color '\(color)' (auto, always, never)")
        }
        let sides = try [old, new].map(GraphLoading.resolve)
        if sides[0].path == "-" && sides[1].path == "-" {
            throw DiffCommandError("error: only one side can be read from standard input")
        }
        let diff: GraphDiff
        if let streamed = streamed(sides[0], sides[1], fmt) {
            diff = streamed
        } else {
            let (before, after) = try loadBoth(sides[0], sides[1])
            diff = GraphDiff(old: before, new: after)
        }
        let options = DiffRenderOptions(color: useColor, context: context, oldName: sides[0].path, newName: sides[1].path)
        let text = fmt.renderer(options).render(diff)
        if let output {
            let file = try OutputFile(path: output)
            try file.text(text)
            try file.commit()
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        return !diff.isEmpty
    }

    /// Two exports diffed as sorted streams, for every format that needs only the differences
    /// (DOT also draws the unchanged parts): JSON-LD pairs item by item on their bytes
    /// (`StreamedDiff`), other pairs on parsed elements (`ElementStreamDiff`). Nil when a side
    /// is a corpus or a file is not as newsgraph writes them.
    func streamed(_ a: GraphSide, _ b: GraphSide, _ fmt: DiffFormat) -> GraphDiff? {
        guard fmt != .dot, case .export(let x) = a, case .export(let y) = b else { return nil }
        if GraphLoading.isJSONLD(x) && GraphLoading.isJSONLD(y) { return StreamedDiff.diff(old: x, new: y) }
        return ElementStreamDiff.diff(old: x, new: y)
    }

    /// Reads both sides at once: each reader runs on one core, so two big exports take the
    /// time of one.
    func loadBoth(_ a: GraphSide, _ b: GraphSide) throws -> (KnowledgeGraph, KnowledgeGraph) {
        let options = build.options
        let results = SideResults()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let side = i == 0 ? a : b
            results.set(i, Result { try GraphLoading.load(side, options: options, warn: { stderr("warning: \($0)") }) })
        }
        return (try results.get(0), try results.get(1))
    }
}

struct DiffCommandError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// The two loaded sides, each written by one worker.
final class SideResults: @unchecked Sendable {
    private var slots: [Result<KnowledgeGraph, any Error>?] = [nil, nil]
    private let lock = NSLock()

    func set(_ i: Int, _ r: Result<KnowledgeGraph, any Error>) {
        lock.lock()
        slots[i] = r
        lock.unlock()
    }

    func get(_ i: Int) throws -> KnowledgeGraph {
        lock.lock()
        defer { lock.unlock() }
        return try slots[i]!.get()
    }
}

/// `newsgraph diff --benchmark-nodes N`: writes two synthetic graphs (1% of elements differ) as
/// GraphML and JSON-LD to a temporary folder, then times reading both sides at once, the diff,
/// and the report. Figures go to standard error; the folder is removed afterwards.
struct DiffBenchmarkRun {
    var nodes: Int
    var format: String

    func run() throws {
        func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
        /// CPU seconds of the whole process: on a shared machine wall time alone misleads.
        func cpu() -> Double {
            var t = timespec()
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
            return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
        }
        let dir = NSTemporaryDirectory() + "newsgraph-diff-bench-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        do {  // the synthetic graphs are freed before the sides are read back
            var t = now()
            let (a, b) = SyntheticGraphs.pair(nodes: nodes)
            stderr(String(format: "made %d+%d nodes, %d+%d edges in %.2f s", a.nodes.count, b.nodes.count,
                          a.edges.count, b.edges.count, now() - t))
            t = now()
            _ = try writeExports(a, formats: [.graphml, .jsonld], to: dir + "/old", options: ExportOptions())
            _ = try writeExports(b, formats: [.graphml, .jsonld], to: dir + "/new", options: ExportOptions())
            stderr(String(format: "wrote both graphs as GraphML and JSON-LD in %.2f s", now() - t))
        }
        let fmt = DiffFormat(rawValue: format) ?? .text
        for name in GraphLoading.exportNames {
            let start = now(), cpu0 = cpu()
            let results = SideResults()
            DispatchQueue.concurrentPerform(iterations: 2) { i in
                let path = dir + (i == 0 ? "/old/" : "/new/") + name
                results.set(i, Result { try readGraph(at: path) })
            }
            let (old, new) = (try results.get(0), try results.get(1))
            let read = now(), cpu1 = cpu()
            let diff = GraphDiff(old: old, new: new)
            let diffed = now(), cpu2 = cpu()
            let text = fmt.renderer().render(diff)
            let done = now()
            stderr(String(format: "%@: read both %.2f s (cpu %.2f s), diff %.2f s (cpu %.2f s; %d+%d-%d~ nodes, %d+%d-%d~ edges), %@ %.2f s (%d bytes); total %.2f s",
                          name, read - start, cpu1 - cpu0, diffed - read, cpu2 - cpu1, diff.addedNodes.count, diff.removedNodes.count,
                          diff.changedNodes.count, diff.addedEdges.count, diff.removedEdges.count,
                          diff.changedEdges.count, fmt.rawValue, done - diffed, text.utf8.count, done - start))
            // The route `newsgraph diff` takes for two sorted exports: no graph is built.
            let s0 = now(), c0 = cpu()
            let (a, b) = (dir + "/old/" + name, dir + "/new/" + name)
            let streamed = GraphLoading.isJSONLD(name) ? StreamedDiff.diff(old: a, new: b) : ElementStreamDiff.diff(old: a, new: b)
            guard let streamed else { throw DiffCommandError("error: \(name): the streamed diff declined its own exports") }
            let streamedText = fmt.renderer().render(streamed)
            stderr(String(format: "%@: streamed diff + %@ %.2f s (cpu %.2f s), report %@ the one from both graphs",
                          name, fmt.rawValue, now() - s0, cpu() - c0, streamedText == text ? "equal to" : "DIFFERENT from"))
        }
    }
}
