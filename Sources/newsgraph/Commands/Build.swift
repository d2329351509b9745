import ArgumentParser
import Foundation
import GraphInterchange
import GraphModel
import NewsPipeline

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read articles and write one knowledge graph (GraphML, DOT, JSON-LD by default).",
        discussion: """
        A PATH is an article file (.txt, .html, .htm, .jsonl), a folder read recursively in sorted \
        order, or - for JSONL on standard input. Examples:
          newsgraph build                       # seeds → exports
          newsgraph build corpus/ --out out --format graphml,gexf,neo4j
          cat news.jsonl | newsgraph build - --out out
        """)

    @Argument(help: "Articles or folders of articles (default: seeds).")
    var paths: [String] = ["seeds"]

    @Option(name: .shortAndLong, help: "Output folder.")
    var out = "exports"

    @OptionGroup var build: BuildFlags

    @OptionGroup var export: ExportFlags

    func run() throws {
        let (formats, exportOptions) = try export.resolved()
        let progress = Progress()
        let result: BuildResult
        do {
            result = try BuildPipeline.build(paths: paths, options: build.options,
                                             warn: { progress.clear(); stderr("\($0) (skipped)") },
                                             progress: { n, bytes in
                                                 progress.show("\(n) articles read, \(bytes / 100_000 / 10).\(bytes / 100_000 % 10) MB") })
        } catch {
            // One line naming the file and the reason; nothing was written.
            progress.clear()
            stderr("\(error)")
            throw ExitCode(1)
        }
        progress.clear()
        let warnings: [String]
        do {
            warnings = try writeExports(result.graph, formats: formats, to: out, options: exportOptions)
        } catch {
            stderr("\(error)")
            throw ExitCode(1)
        }
        for w in warnings { stderr(w.hasPrefix("warning:") ? w : "warning: \(w)") }
        stderr(Summary.line(result, out: out))
    }
}

/// Options shared by the commands that build a corpus.
struct BuildFlags: ParsableArguments {
    @Option(help: "Read every article in this language (en, sv, fr, de) instead of detecting it.")
    var lang: String?

    @Option(help: "A lexicon of your own: JSON Lines of {\"name\", \"type\", \"aliases\"} (repeatable).")
    var lexicon: [String] = []

    @Option(help: "Extraction threads (default: all cores).")
    var jobs: Int?

    @Flag(help: "Stop at the first unreadable article instead of skipping it.")
    var strict = false

    var options: BuildOptions { BuildOptions(language: lang, lexiconFiles: lexicon, jobs: jobs, strict: strict) }
}

enum Summary {
    /// `built exports: 3 articles (0 skipped), 0.4 MB in 0.12 s; nodes: 12 (Deal 4, Organization 5, ...); edges: ...`
    static func line(_ r: BuildResult, out: String) -> String {
        let nodes = r.graph.nodeCounts().sorted { $0.key.rawValue < $1.key.rawValue }
            .map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")
        let edges = r.graph.edgeCounts().sorted { $0.key.rawValue < $1.key.rawValue }
            .map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")
        let mb = Double(r.bytes) / 1_000_000
        return "built \(out): \(r.articles) articles read, \(r.skipped) skipped, "
            + String(format: "%.2f MB in %.2f s", mb, r.seconds)
            + "; nodes \(r.graph.nodes.count) (\(nodes)); edges \(r.graph.edges.count) (\(edges))"
    }
}

func stderr(_ s: String) {
    FileHandle.standardError.write(Data((s + "\n").utf8))
}

/// A progress line on standard error when it is a terminal; silence otherwise.
final class Progress: @unchecked Sendable {
    let tty = isatty(2) == 1
    var shown = false
    func show(_ s: String) {
        guard tty else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + s).utf8))
        shown = true
    }
    func clear() {
        guard tty, shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        shown = false
    }
}
