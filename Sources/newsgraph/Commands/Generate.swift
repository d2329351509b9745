import ArgumentParser
import Benchmarks
import Foundation
import GraphInterchange

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a deterministic synthetic corpus (with gold files) or a synthetic graph.",
        discussion: """
        Articles in English, Swedish, French and German, .txt and .html with NAME.gold.json beside \
        each, or one JSONL file. The same seed gives the same bytes. Examples:
          newsgraph generate --articles 1000 --seed 7 --out corpus
          newsgraph generate --articles 100000 --jsonl big.jsonl
          newsgraph generate --graph-nodes 1000000 --out big --format graphml
        """)

    @Option(help: "Number of articles.")
    var articles: Int?

    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 1

    @Option(name: .shortAndLong, help: "Output folder (articles, or exports of --graph-nodes).")
    var out: String?

    @Option(help: "Write the articles as one JSONL file instead of a folder.")
    var jsonl: String?

    @Option(help: "With --jsonl: also write NAME.gold.json files into this folder.")
    var goldDir: String?

    @Option(help: "One article in N is an HTML page (0: none).")
    var htmlEvery = 4

    @Option(help: "Write a synthetic graph of this many nodes (60% Organization, 30% Person, 10% Deal; 3 edges per node).")
    var graphNodes: Int?

    @Option(help: "With --graph-nodes: comma-separated formats: graphml,dot,jsonld,gexf,neo4j.")
    var format = "graphml,dot,jsonld"

    func validate() throws {
        if (articles == nil) == (graphNodes == nil) {
            throw ValidationError("give either --articles N or --graph-nodes N")
        }
        if let n = articles {
            guard n >= 0 else { throw ValidationError("--articles must be 0 or more") }
            guard (out == nil) != (jsonl == nil) else { throw ValidationError("give either --out DIR or --jsonl FILE") }
        }
        if let n = graphNodes {
            guard n >= 10 else { throw ValidationError("--graph-nodes must be at least 10") }
            guard out != nil else { throw ValidationError("--graph-nodes needs --out DIR") }
        }
        guard htmlEvery >= 0 else { throw ValidationError("--html-every must be 0 or more") }
    }

    func run() throws {
        let start = Date()
        if let n = graphNodes, let out {
            let formats: [ExportFormat]
            switch ExportFormat.parseList(format) {
            case .success(let f): formats = f
            case .failure(let e): throw ValidationError(e.description)
            }
            let g = SyntheticGraph.make(nodes: n, seed: seed)
            let warnings = try writeExports(g, formats: formats, to: out, options: ExportOptions())
            for w in warnings { FileHandle.standardError.write(Data("\(w)\n".utf8)) }
            report("\(g.nodes.count) nodes, \(g.edges.count) edges → \(out)", bytes: nil, since: start)
            return
        }
        var generator = CorpusGenerator(seed: seed)
        generator.htmlEvery = htmlEvery
        let summary: CorpusGenerator.Summary
        do {
            if let jsonl {
                summary = try generator.writeJSONL(count: articles ?? 0, to: jsonl, goldDir: goldDir)
            } else {
                summary = try generator.write(count: articles ?? 0, to: out!)
            }
        } catch let e as GeneratorError {
            FileHandle.standardError.write(Data((e.description + "\n").utf8))
            throw ExitCode(1)
        }
        report("\(summary.articles) articles → \(jsonl ?? out!)", bytes: summary.bytes, since: start)
    }

    private func report(_ what: String, bytes: Int?, since start: Date) {
        let s = Date().timeIntervalSince(start)
        var line = "\(what) in \(String(format: "%.2f", s)) s"
        if let bytes { line += String(format: " (%.1f MB of text, %.1f MB/s)", Double(bytes) / 1e6, Double(bytes) / 1e6 / max(s, 1e-9)) }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
