import ArgumentParser
import Benchmarks
import Foundation

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure every stage (seconds, MB/s, rate, peak memory) beside NetworkX, igraph, rdflib, spaCy and wc -w.",
        discussion: """
        Each stage runs in a child process of its own, so its peak resident memory is its own. \
        Generated corpora are kept in OUT/work and reused; graph files are removed after each size. \
        Peers run when installed (bash scripts/bench/install-peers.sh) and are skipped with a note \
        otherwise. Writes OUT/bench.json and OUT/bench.md and prints the table. Examples:
          newsgraph bench --quick                        # under a minute, no peers needed
          newsgraph bench --out bench-results            # the full run (release build: about 20 minutes)
          newsgraph bench --articles 10000 --nodes 100000 --no-peers
        """)

    @Flag(help: "Small sizes (200 articles, 2,000 nodes): a smoke test that finishes in under a minute.")
    var quick = false

    @Option(name: .shortAndLong, help: "Folder for bench.json, bench.md and the generated inputs (work/).")
    var out = "bench-results"

    @Option(help: "Comma-separated corpus sizes in articles (default 10000,100000).")
    var articles: String?

    @Option(help: "Comma-separated graph sizes in nodes (default 10000,100000,1000000).")
    var nodes: String?

    @Option(help: "Comma-separated extraction thread counts (default 1,2).")
    var jobs: String?

    @Flag(help: "Run newsgraph only: no Python peers, no wc -w.")
    var noPeers = false

    @Option(help: "Python interpreter for the peers.")
    var python = "python3"

    @Option(help: "Folder of the peer scripts (default scripts/bench).")
    var scripts: String?

    @Option(help: "Stop a peer after this many seconds.")
    var peerTimeout: Double = 900

    @Flag(help: "Keep the graph files in OUT/work (GBs at 1,000,000 nodes).")
    var keepGraphs = false

    func run() throws {
        var o = quick ? BenchOptions.quick(out: out) : BenchOptions.full(out: out)
        if let articles { o.articleSizes = try Self.sizes(articles, "--articles") }
        if let nodes { o.nodeSizes = try Self.sizes(nodes, "--nodes") }
        if let jobs { o.jobs = try Self.sizes(jobs, "--jobs").filter { $0 > 0 } }
        if o.jobs.isEmpty { throw ValidationError("--jobs needs at least one count above 0") }
        o.peers = !noPeers
        o.python = python
        o.scripts = scripts
        o.peerTimeout = peerTimeout
        o.keepGraphs = keepGraphs
        let report: BenchReport
        do {
            report = try BenchRunner(options: o, log: { stderr($0) }).run()
        } catch {
            let line = "\(error)"
            stderr(line.contains("error:") ? line : "error: \(line)")
            throw ExitCode(1)
        }
        print(report.markdown(), terminator: "")
        stderr("wrote \(out)/bench.json and \(out)/bench.md")
    }

    static func sizes(_ s: String, _ flag: String) throws -> [Int] {
        let parts = s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "") }
        var out: [Int] = []
        for p in parts where !p.isEmpty {
            guard let v = Int(p), v >= 0 else { throw ValidationError("\(flag): '\(p)' is not a count") }
            out.append(v)
        }
        return out
    }
}

/// One stage of `bench`, run by the parent in a child process; prints one JSON line.
struct BenchStageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench-stage", shouldDisplay: false)

    @Argument var stage: String
    @Argument var arguments: [String] = []

    func run() throws {
        do {
            print(try BenchStage.run(stage, arguments: arguments).jsonLine)
        } catch {
            stderr("\(error)")
            throw ExitCode(1)
        }
    }
}
