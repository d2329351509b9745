import Foundation
import GraphInterchange

/// What `newsgraph bench` runs: sizes, jobs, peers, and where files go.
public struct BenchOptions: Sendable {
    public var quick: Bool
    /// Results (`bench.json`, `bench.md`) and, below `work/`, the generated inputs.
    public var out: String
    public var articleSizes: [Int]
    public var nodeSizes: [Int]
    public var jobs: [Int]
    /// Run the Python peers and `wc -w` when they are installed.
    public var peers = true
    public var python = "python3"
    /// The folder of the peer scripts; nil: `scripts/bench` when it exists.
    public var scripts: String?
    /// English articles that both spaCy and newsgraph's extractor read for their comparison.
    public var spacyArticles: Int
    /// rdflib is slow: its runs stop at this many nodes (write) and a tenth of it (read).
    public var rdflibMaxNodes: Int
    /// NetworkX's GraphML reader needs ~13 GB at 1,000,000 nodes: its reads stop here.
    public var networkxReadMaxNodes: Int
    /// A peer still running after this many seconds is stopped and reported as such.
    public var peerTimeout: Double = 900
    /// Keep the graph files (they are GBs at 1,000,000 nodes); corpora are always kept for reuse.
    public var keepGraphs = false
    public var seed: UInt64 = 7

    /// `--quick`: small sizes that finish in under a minute, even from a debug build with peers.
    public static func quick(out: String) -> BenchOptions {
        BenchOptions(quick: true, out: out, articleSizes: [200], nodeSizes: [1_000], jobs: [1, 2],
                     spacyArticles: 20, rdflibMaxNodes: 1_000, networkxReadMaxNodes: 1_000)
    }

    /// The full run of issue 7.
    public static func full(out: String) -> BenchOptions {
        BenchOptions(quick: false, out: out, articleSizes: [10_000, 100_000], nodeSizes: [10_000, 100_000, 1_000_000],
                     jobs: [1, 2], spacyArticles: 1_000, rdflibMaxNodes: 100_000, networkxReadMaxNodes: 100_000)
    }
}

/// Runs every stage in a child process, the peers beside them, and assembles the report.
///
///     let report = try BenchRunner(options: .quick(out: "/tmp/bench"), log: { print($0) }).run()
///     print(report.markdown())
public final class BenchRunner {
    let options: BenchOptions
    let log: (String) -> Void
    let executable: String
    let work: String
    var rows: [BenchRow] = []
    var notes: [String] = []
    var peerVersions: [String: String] = [:]
    var scripts: String?
    var childCount = 0

    public init(options: BenchOptions, log: @escaping (String) -> Void) {
        self.options = options
        self.log = log
        executable = ChildProcess.selfExecutable()
        work = options.out + "/work"
    }

    public func run() throws -> BenchReport {
        try FileManager.default.createDirectory(atPath: work + "/logs", withIntermediateDirectories: true)
        findPeers()
        for n in options.articleSizes { try corpusStages(articles: n) }
        if let n = options.articleSizes.first { try spacyComparison(corpusSize: n) }
        for n in options.nodeSizes { try graphStages(nodes: n) }
        attachRatios(&rows)
        #if DEBUG
        notes.append("debug build: figures are not representative (build with -c release)")
        #endif
        let report = BenchReport(date: Self.today(), machine: Self.machine(), mode: options.quick ? "quick" : "full",
                                 rows: rows, targets: BenchTargets.evaluate(rows, options: options), notes: notes)
        try Self.writeAtomically(report.json(), to: options.out + "/bench.json")
        try Self.writeAtomically(report.markdown(), to: options.out + "/bench.md")
        return report
    }

    // MARK: Corpus stages

    func corpusDir(_ n: Int) -> String { work + "/corpus-\(n)-seed\(options.seed)" }

    /// Generates the corpus once; a `.complete` stamp marks a finished one, so reruns reuse it.
    func ensureCorpus(_ n: Int) throws -> String {
        let dir = corpusDir(n)
        let stamp = dir + "/.complete"
        if FileManager.default.fileExists(atPath: stamp) { return dir }
        log("generating \(n) articles in \(dir)")
        let t0 = ChildProcess.now()
        let summary = try CorpusGenerator(seed: options.seed).write(count: n, to: dir)
        try Self.writeAtomically("\(summary.articles) articles, \(summary.bytes) bytes\n", to: stamp)
        log(String(format: "generated %d articles (%.1f MB) in %.1f s", summary.articles, Double(summary.bytes) / 1e6,
                   ChildProcess.now() - t0))
        return dir
    }

    func corpusStages(articles n: Int) throws {
        let dir = try ensureCorpus(n)
        let unit = "articles"
        try stage(key: "read/\(n)/-", stage: "read and decode", size: n, unit: unit, itemUnit: "articles",
                  args: ["read", "corpus=" + dir])
        for j in options.jobs {
            try stage(key: "extract/\(n)/\(j)", stage: "extract", size: n, unit: unit, jobs: j, itemUnit: "articles",
                      args: ["pipeline", "corpus=" + dir, "jobs=\(j)", "merge=0"])
        }
        let mj = options.jobs.max() ?? 1
        try stage(key: "merge/\(n)/\(mj)", stage: "merge", size: n, unit: unit, jobs: mj, itemUnit: "articles",
                  args: ["pipeline", "corpus=" + dir, "jobs=\(mj)", "merge=1"])
        var corpusBytes = 0
        for j in options.jobs {
            let out = work + "/build-\(n)-j\(j)"
            let r = try command(key: "build/\(n)/\(j)", [executable, "build", dir, "--out", out, "--jobs", "\(j)"])
            corpusBytes = Self.corpusBytes(summaryLine: r.lastErrorLine) ?? corpusBytes
            rows.append(BenchRow(key: "build/\(n)/\(j)", stage: "build + graphml, dot, jsonld", size: n, sizeUnit: unit,
                                 jobs: j, seconds: r.status == 0 ? r.wallSeconds : nil, bytes: corpusBytes, items: n,
                                 itemUnit: "articles", peakRSSBytes: r.peakRSSBytes,
                                 note: r.status == 0 ? Self.graphSize(summaryLine: r.lastErrorLine) : failure(r)))
        }
        try wordCount(corpus: dir, size: n, versus: "build/\(n)/\(mj)")
    }

    /// `wc -w` over the same files: what merely reading every byte and finding words costs.
    func wordCount(corpus dir: String, size n: Int, versus: String) throws {
        guard options.peers, ChildProcess.canRun("wc") else { return }
        let list = work + "/wc-files-\(n)"
        var names: [UInt8] = []
        var bytes = 0
        for f in try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        where f.hasSuffix(".txt") || f.hasSuffix(".html") {
            names += Array((dir + "/" + f).utf8) + [0]
            bytes += BenchStage.fileSize(dir + "/" + f)
        }
        try Data(names).write(to: URL(fileURLWithPath: list))
        let r = try command(key: "wc/\(n)", ["wc", "-w", "--files0-from=" + list])
        rows.append(BenchRow(key: "wc/\(n)", stage: "build + graphml, dot, jsonld", tool: "wc -w", size: n, sizeUnit: "articles",
                             seconds: r.status == 0 ? r.wallSeconds : nil, bytes: bytes, items: n, itemUnit: "articles",
                             peakRSSBytes: r.peakRSSBytes, versus: versus,
                             note: r.status == 0 ? "the floor: read every byte, count words" : failure(r)))
    }

    /// spaCy's NER and newsgraph's extractor over the same English plain-text articles, one core each.
    func spacyComparison(corpusSize n: Int) throws {
        let dir = work + "/english-\(options.spacyArticles)-seed\(options.seed)"
        if !FileManager.default.fileExists(atPath: dir + "/.complete") {
            try? FileManager.default.removeItem(atPath: dir)
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let source = corpusDir(n)
            let english = try FileManager.default.contentsOfDirectory(atPath: source).sorted()
                .filter { $0.hasPrefix("en-") && $0.hasSuffix(".txt") }.prefix(options.spacyArticles)
            for f in english { try FileManager.default.copyItem(atPath: source + "/" + f, toPath: dir + "/" + f) }
            try Self.writeAtomically("\(english.count)\n", to: dir + "/.complete")
        }
        let count = (try FileManager.default.contentsOfDirectory(atPath: dir)).filter { $0.hasSuffix(".txt") }.count
        let key = "extract-en/\(count)/1"
        try stage(key: key, stage: "extract (English .txt)", size: count, unit: "articles", jobs: 1, itemUnit: "articles",
                  args: ["pipeline", "corpus=" + dir, "jobs=1", "merge=0"])
        try peer(key: "spacy/\(count)", stage: "extract (English .txt)", tool: "spaCy", module: "spacy", size: count,
                 unit: "articles", itemUnit: "articles", versus: key,
                 script: "spacy_runner.py", args: [dir], note: "en_core_web_sm NER (tok2vec + ner), n_process=1")
    }

    // MARK: Graph stages

    func graphStages(nodes n: Int) throws {
        let dir = work + "/graph-\(n)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { if !options.keepGraphs { try? FileManager.default.removeItem(atPath: dir) } }
        for f in ExportFormat.allCases {
            try stage(key: "write-\(f.rawValue)/\(n)/-", stage: "write \(f.rawValue)", size: n, unit: "nodes",
                      itemUnit: "elements", args: ["write", "nodes=\(n)", "format=\(f.rawValue)", "out=" + dir])
        }
        let graphml = dir + "/graph.graphml", jsonld = dir + "/graph.jsonld"
        try stage(key: "read-graphml/\(n)/-", stage: "read graphml", size: n, unit: "nodes", itemUnit: "elements",
                  args: ["read-graph", "file=" + graphml])
        try stage(key: "read-jsonld/\(n)/-", stage: "read jsonld", size: n, unit: "nodes", itemUnit: "elements",
                  args: ["read-graph", "file=" + jsonld])

        try peer(key: "networkx-write/\(n)", stage: "write graphml", tool: "networkx", module: "networkx", size: n,
                 unit: "nodes", itemUnit: "elements", versus: "write-graphml/\(n)/-", script: "networkx_runner.py",
                 args: ["write", jsonld, dir + "/networkx.graphml"], note: "write_graphml; graph built from graph.jsonld first, untimed")
        try? FileManager.default.removeItem(atPath: dir + "/networkx.graphml")
        if n <= options.networkxReadMaxNodes {
            try peer(key: "networkx-read/\(n)", stage: "read graphml", tool: "networkx", module: "networkx", size: n,
                     unit: "nodes", itemUnit: "elements", versus: "read-graphml/\(n)/-", script: "networkx_runner.py",
                     args: ["read", graphml], note: "read_graphml")
        } else {
            skipped(key: "networkx-read/\(n)", stage: "read graphml", tool: "networkx", size: n, versus: "read-graphml/\(n)/-",
                    note: "not run above \(BenchFormat.count(options.networkxReadMaxNodes)) nodes (about 130 s and 13 GB at 1,000,000: PLATFORM_NOTES)")
        }
        try peer(key: "igraph-read/\(n)", stage: "read graphml", tool: "igraph", module: "igraph", size: n,
                 unit: "nodes", itemUnit: "elements", versus: "read-graphml/\(n)/-", script: "igraph_runner.py",
                 args: ["read", graphml], note: "Graph.Read_GraphML (C, libxml2)")
        if n <= options.rdflibMaxNodes {
            try peer(key: "rdflib-write/\(n)", stage: "write jsonld", tool: "rdflib", module: "rdflib", size: n,
                     unit: "nodes", itemUnit: "elements", versus: "write-jsonld/\(n)/-", script: "rdflib_runner.py",
                     args: ["write", jsonld, dir + "/rdflib.jsonld"], note: "serialize(format=json-ld); triples loaded first, untimed")
            try? FileManager.default.removeItem(atPath: dir + "/rdflib.jsonld")
        } else {
            skipped(key: "rdflib-write/\(n)", stage: "write jsonld", tool: "rdflib", size: n, versus: "write-jsonld/\(n)/-",
                    note: "not run above \(BenchFormat.count(options.rdflibMaxNodes)) nodes (minutes per 100,000)")
        }
        if n <= max(options.rdflibMaxNodes / 10, options.quick ? options.rdflibMaxNodes : 0) {
            try peer(key: "rdflib-read/\(n)", stage: "read jsonld", tool: "rdflib", module: "rdflib", size: n,
                     unit: "nodes", itemUnit: "elements", versus: "read-jsonld/\(n)/-", script: "rdflib_runner.py",
                     args: ["read", jsonld], note: "parse(format=json-ld)")
        }
        try diffStages(nodes: n, dir: dir)
    }

    func diffStages(nodes n: Int, dir: String) throws {
        try stage(key: "diff/\(n)/-", stage: "diff (in memory) + text report", size: n, unit: "nodes", itemUnit: "elements",
                  args: ["diff", "nodes=\(n)"])
        let pair = dir + "/pair"
        _ = try measure(["bench-stage", "make-diff-pair", "nodes=\(n)", "out=" + pair], label: "make-diff-pair-\(n)")
        for ext in ["jsonld", "graphml"] {
            let key = "diff-command-\(ext)/\(n)/-"
            let r = try command(key: key, [executable, "diff", "\(pair)/old/graph.\(ext)", "\(pair)/new/graph.\(ext)",
                                           "-o", "\(pair)/diff-\(ext).txt"])
            let bytes = BenchStage.fileSize("\(pair)/old/graph.\(ext)") + BenchStage.fileSize("\(pair)/new/graph.\(ext)")
            rows.append(BenchRow(key: key, stage: "newsgraph diff old.\(ext) new.\(ext)", size: n, sizeUnit: "nodes",
                                 seconds: r.status == 0 ? r.wallSeconds : nil, bytes: bytes, items: 0, itemUnit: "elements",
                                 peakRSSBytes: r.peakRSSBytes,
                                 note: r.status == 0 ? "whole command: read both sides, diff, write the report" : failure(r)))
        }
    }

    // MARK: Running children

    /// A `bench-stage` child: its own timed figures, and its peak RSS from wait4.
    func stage(key: String, stage: String, size: Int, unit: String, jobs: Int? = nil, itemUnit: String,
               args: [String]) throws {
        let (m, r) = try measure(["bench-stage"] + args, label: key)
        var row = BenchRow(key: key, stage: stage, size: size, sizeUnit: unit, jobs: jobs, seconds: m?.seconds,
                           bytes: m?.bytes ?? 0, items: m?.items ?? 0, itemUnit: itemUnit, peakRSSBytes: r.peakRSSBytes,
                           note: m == nil ? failure(r) : "")
        if let m, m.nodes > 0, stage == "merge" {
            row.note = "graph: \(BenchFormat.count(m.nodes)) nodes, \(BenchFormat.count(m.edges)) edges"
        }
        rows.append(row)
    }

    func measure(_ args: [String], label: String) throws -> (StageMeasurement?, ChildRun) {
        let r = try command(key: label, [executable] + args)
        guard r.status == 0 else { return (nil, r) }
        return (try StageMeasurement(jsonLine: r.stdout), r)
    }

    /// Runs a child with its output in `work/logs`, and says what it did.
    func command(key: String, _ argv: [String], timeout: Double? = nil) throws -> ChildRun {
        childCount += 1
        let base = work + "/logs/" + String(format: "%03d-", childCount)
            + key.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" }.map(String.init).joined()
        log("running \(key)")
        let r = try ChildProcess.run(argv, stdoutPath: base + ".out", stderrPath: base + ".err", timeout: timeout)
        log("  \(key): " + String(format: "%.2f s wall, peak RSS %.0f MB", r.wallSeconds, Double(r.peakRSSBytes) / 1e6)
            + (r.status == 0 ? "" : " (exit \(r.status): \(r.lastErrorLine))"))
        return r
    }

    func failure(_ r: ChildRun) -> String {
        r.timedOut ? String(format: "stopped after %.0f s", r.wallSeconds)
            : "failed (exit \(r.status)): " + (r.lastErrorLine.isEmpty ? "no message" : String(r.lastErrorLine.prefix(160)))
    }

    // MARK: Peers

    /// Which Python peers import, from `check_peers.py`; every missing one becomes a note.
    func findPeers() {
        guard options.peers else { notes.append("peers not run (--no-peers)"); return }
        let dir = options.scripts ?? "scripts/bench"
        guard FileManager.default.fileExists(atPath: dir + "/check_peers.py") else {
            notes.append("peers skipped: no \(dir)/check_peers.py (run from the repository root, or pass --scripts)")
            return
        }
        guard ChildProcess.canRun(options.python) else {
            notes.append("peers skipped: '\(options.python)' not found"); return
        }
        scripts = dir
        guard let r = try? command(key: "check-peers", [options.python, dir + "/check_peers.py"]), r.status == 0,
              let o = try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any] else {
            notes.append("peers skipped: check_peers.py failed"); scripts = nil; return
        }
        for (k, v) in o { if let s = v as? String { peerVersions[k] = s } }
        let missing = ["networkx", "igraph", "rdflib", "spacy"].filter { peerVersions[$0] == nil }
        let found = peerVersions.keys.sorted().map { "\($0) \(peerVersions[$0]!)" }
        if !found.isEmpty { notes.append("peers: " + found.joined(separator: ", ")) }
        if !missing.isEmpty {
            notes.append("not installed, skipped: \(missing.joined(separator: ", ")) (bash \(dir)/install-peers.sh installs them)")
        }
    }

    /// Runs one peer script; it prints `{"seconds": ..., "nodes": ..., "edges": ..., "bytes": ...}`.
    func peer(key: String, stage: String, tool: String, module: String, size: Int, unit: String, itemUnit: String,
              versus: String, script: String, args: [String], note: String) throws {
        guard let scripts, peerVersions[module] != nil else {
            if options.peers { skipped(key: key, stage: stage, tool: tool, size: size, versus: versus, note: "\(module) not installed") }
            return
        }
        let r = try command(key: key, [options.python, scripts + "/" + script] + args, timeout: options.peerTimeout)
        var row = BenchRow(key: key, stage: stage, tool: tool, size: size, sizeUnit: unit, seconds: nil, itemUnit: itemUnit,
                           peakRSSBytes: r.peakRSSBytes, versus: versus, note: note)
        if r.status == 0, let o = try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any],
           let s = (o["seconds"] as? NSNumber)?.doubleValue {
            row.seconds = s
            row.bytes = (o["bytes"] as? NSNumber)?.intValue ?? 0
            let items = (o["items"] as? NSNumber)?.intValue
            row.items = items ?? (((o["nodes"] as? NSNumber)?.intValue ?? 0) + ((o["edges"] as? NSNumber)?.intValue ?? 0))
        } else {
            row.note = failure(r)
        }
        rows.append(row)
    }

    func skipped(key: String, stage: String, tool: String, size: Int, versus: String, note: String) {
        rows.append(BenchRow(key: key, stage: stage, tool: tool, size: size, sizeUnit: "nodes", seconds: nil,
                             itemUnit: "elements", versus: versus, note: "skipped: " + note))
    }

    // MARK: Helpers

    /// Bytes read, from `build`'s summary line (`... 3 articles read, 0 skipped, 0.01 MB in ...`).
    static func corpusBytes(summaryLine s: String) -> Int? {
        guard let r = s.range(of: " skipped, "), let mb = Double(s[r.upperBound...].prefix { $0 != " " }) else { return nil }
        return Int((mb * 1e6).rounded())
    }

    /// `nodes 123; edges 456` from `build`'s summary line.
    static func graphSize(summaryLine s: String) -> String {
        guard let n = s.range(of: "; nodes ") else { return "" }
        let nodes = s[n.upperBound...].prefix { $0.isNumber }
        guard let e = s.range(of: "; edges ") else { return "graph: \(nodes) nodes" }
        return "graph: \(nodes) nodes, \(s[e.upperBound...].prefix { $0.isNumber }) edges"
    }

    static func writeAtomically(_ text: String, to path: String) throws {
        let file = try OutputFile(path: path)
        try file.text(text)
        try file.commit()
    }

    static func today() -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return f.string(from: Date())
    }

    /// CPU model, cores, memory and OS, from /proc and uname.
    static func machine() -> String {
        var cpu = "unknown CPU"
        if let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
           let line = info.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
           let colon = line.firstIndex(of: ":") {
            cpu = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var os = ""
        if let rel = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8),
           let line = rel.split(separator: "\n").first(where: { $0.hasPrefix("PRETTY_NAME=") }) {
            os = line.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        var u = utsname()
        uname(&u)
        let kernel = withUnsafeBytes(of: &u.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let p = ProcessInfo.processInfo
        return "\(cpu), \(p.activeProcessorCount) cores, "
            + String(format: "%.0f GB", Double(p.physicalMemory) / 1_073_741_824)
            + " RAM, \(os.isEmpty ? "" : os + ", ")Linux \(kernel)"
    }
}
