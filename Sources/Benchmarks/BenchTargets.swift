import Foundation

/// The goals of issue 7, checked on the rows of one run. A goal whose rows the run did not
/// produce (a quick run, a missing peer) is "not measured", never passed by default.
enum BenchTargets {
    static func evaluate(_ rows: [BenchRow], options: BenchOptions) -> [BenchTarget] {
        var byKey: [String: BenchRow] = [:]
        for r in rows { byKey[r.key] = r }
        func seconds(_ k: String) -> Double? { byKey[k]?.seconds }
        let articles = options.articleSizes.sorted(), nodes = options.nodeSizes.sorted()
        let maxJobs = options.jobs.max() ?? 1
        var out: [BenchTarget] = []

        // Build throughput, end to end with all three exports.
        if let n = articles.last, let r = byKey["build/\(n)/\(maxJobs)"], let mbs = r.megabytesPerSecond {
            out.append(BenchTarget(name: "build throughput", goal: "≥ 10 MB/s, 100,000 articles, 3 exports, --jobs 2",
                                   measured: fmt("%.1f MB/s", mbs) + " at \(BenchFormat.count(n)) articles, --jobs \(maxJobs)"
                                       + shortfall(mbs, goal: 10, higherIsBetter: true),
                                   met: n >= 100_000 ? mbs >= 10 : nil))
        } else {
            out.append(notMeasured("build throughput", "≥ 10 MB/s, 100,000 articles, 3 exports, --jobs 2"))
        }

        // Linear scaling: seconds per article at the two largest corpus sizes.
        if articles.count >= 2, let small = articles.dropLast().last, let big = articles.last,
           let ts = seconds("build/\(small)/\(maxJobs)"), let tb = seconds("build/\(big)/\(maxJobs)") {
            let ratio = (tb / Double(big)) / (ts / Double(small))
            out.append(BenchTarget(name: "linear scaling", goal: "time per article at 100,000 within 20% of 10,000",
                                   measured: fmt("%.2f×", ratio) + " the time per article at \(BenchFormat.count(big)) as at \(BenchFormat.count(small))",
                                   met: abs(ratio - 1) <= 0.2))
        } else {
            out.append(notMeasured("linear scaling", "time per article at 100,000 within 20% of 10,000"))
        }

        // Memory follows the graph: RSS growth no more than the graph's (nodes + edges) growth, +20%.
        if articles.count >= 2, let small = articles.dropLast().last, let big = articles.last,
           let a = byKey["merge/\(small)/\(maxJobs)"], let b = byKey["merge/\(big)/\(maxJobs)"],
           let ra = byKey["build/\(small)/\(maxJobs)"]?.peakRSSBytes, let rb = byKey["build/\(big)/\(maxJobs)"]?.peakRSSBytes,
           let ga = graphElements(a.note), let gb = graphElements(b.note), ga > 0 {
            let rss = Double(rb) / Double(ra), graph = Double(gb) / Double(ga), corpus = Double(big) / Double(small)
            out.append(BenchTarget(name: "memory follows the graph", goal: "peak RSS grows with the graph, not the corpus",
                                   measured: fmt("corpus ×%.1f, graph elements ×%.2f, build peak RSS ×%.2f (%.0f → %.0f MB)",
                                                 corpus, graph, rss, Double(ra) / 1e6, Double(rb) / 1e6),
                                   met: rss <= max(graph, 1) * 1.2))
        } else {
            out.append(notMeasured("memory follows the graph", "peak RSS grows with the graph, not the corpus"))
        }

        let big = nodes.last ?? 0
        let bigFull = big >= 1_000_000
        // GraphML write against NetworkX, and its memory.
        if let ours = seconds("write-graphml/\(big)/-"), let nx = seconds("networkx-write/\(big)") {
            let x = nx / ours
            out.append(BenchTarget(name: "GraphML write vs NetworkX", goal: "≥ 10× faster at 1,000,000 nodes",
                                   measured: fmt("%.1f× (%.1f s vs %.1f s)", x, ours, nx) + " at \(BenchFormat.count(big)) nodes"
                                       + shortfall(x, goal: 10, higherIsBetter: true),
                                   met: bigFull ? x >= 10 : nil))
        } else {
            out.append(notMeasured("GraphML write vs NetworkX", "≥ 10× faster at 1,000,000 nodes"))
        }
        if let rss = byKey["write-graphml/\(big)/-"]?.peakRSSBytes, byKey["write-graphml/\(big)/-"]?.seconds != nil {
            let gb = Double(rss) / 1e9
            out.append(BenchTarget(name: "GraphML write memory", goal: "< 1.5 GB peak at 1,000,000 nodes",
                                   measured: fmt("%.2f GB peak", gb) + " at \(BenchFormat.count(big)) nodes (graph made in the same process)" + shortfall(gb, goal: 1.5, higherIsBetter: false),
                                   met: bigFull ? gb < 1.5 : nil))
        } else {
            out.append(notMeasured("GraphML write memory", "< 1.5 GB peak at 1,000,000 nodes"))
        }
        // Readers against igraph's GraphML reader.
        for (fmtName, key) in [("GraphML", "read-graphml"), ("JSON-LD", "read-jsonld")] {
            let goal = "faster than igraph's GraphML read, at 1,000,000 nodes"
            if let ours = seconds("\(key)/\(big)/-"), let ig = seconds("igraph-read/\(big)") {
                out.append(BenchTarget(name: "\(fmtName) read vs igraph", goal: goal,
                                       measured: fmt("%.2f s vs %.2f s (%.1f×)", ours, ig, ig / ours) + " at \(BenchFormat.count(big)) nodes",
                                       met: bigFull ? ours < ig : nil))
            } else {
                out.append(notMeasured("\(fmtName) read vs igraph", goal))
            }
        }
        // JSON-LD write against rdflib at 100,000 nodes (or the largest size rdflib ran).
        let rdfSize = nodes.filter { seconds("rdflib-write/\($0)") != nil }.last
        if let n = rdfSize, let ours = seconds("write-jsonld/\(n)/-"), let rdf = seconds("rdflib-write/\(n)") {
            let x = rdf / ours
            out.append(BenchTarget(name: "JSON-LD write vs rdflib", goal: "≥ 20× faster at 100,000 nodes",
                                   measured: fmt("%.0f× (%.2f s vs %.1f s)", x, ours, rdf) + " at \(BenchFormat.count(n)) nodes"
                                       + shortfall(x, goal: 20, higherIsBetter: true),
                                   met: n >= 100_000 ? x >= 20 : nil))
        } else {
            out.append(notMeasured("JSON-LD write vs rdflib", "≥ 20× faster at 100,000 nodes"))
        }
        // Diff of two big graphs: the whole command on JSON-LD files, the faster format to read.
        if let t = seconds("diff-command-jsonld/\(big)/-") {
            let mem = seconds("diff/\(big)/-").map { fmt("; the diff alone %.2f s", $0) } ?? ""
            let gml = seconds("diff-command-graphml/\(big)/-").map { fmt("; from GraphML %.1f s", $0) } ?? ""
            out.append(BenchTarget(name: "diff of two graphs", goal: "< 15 s, two 1,000,000-node graphs differing in 1%",
                                   measured: fmt("%.1f s", t) + " for `newsgraph diff` on JSON-LD at \(BenchFormat.count(big)) nodes"
                                       + mem + gml + shortfall(t, goal: 15, higherIsBetter: false),
                                   met: bigFull ? t < 15 : nil))
        } else {
            out.append(notMeasured("diff of two graphs", "< 15 s, two 1,000,000-node graphs differing in 1%"))
        }
        return out
    }

    static func notMeasured(_ name: String, _ goal: String) -> BenchTarget {
        BenchTarget(name: name, goal: goal, measured: "not measured in this run", met: nil)
    }

    /// ` (missed by 23%)` when a figure falls short of its goal; empty otherwise.
    static func shortfall(_ v: Double, goal: Double, higherIsBetter: Bool) -> String {
        let miss = higherIsBetter ? (goal - v) / goal : (v - goal) / goal
        return miss > 0 ? fmt(" (short by %.0f%%)", miss * 100) : ""
    }

    /// Nodes + edges from a merge row's note (`graph: 1,234 nodes, 5,678 edges`).
    static func graphElements(_ note: String) -> Int? {
        let numbers = note.split(whereSeparator: { !$0.isNumber && $0 != "," }).compactMap {
            Int($0.replacingOccurrences(of: ",", with: ""))
        }
        return numbers.count >= 2 ? numbers[0] + numbers[1] : nil
    }

    static func fmt(_ f: String, _ args: any CVarArg...) -> String { String(format: f, arguments: args) }
}
