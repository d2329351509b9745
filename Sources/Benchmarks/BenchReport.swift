import Foundation

/// One line of the benchmark table: one stage (or one peer's run of the same work) at one size.
public struct BenchRow: Sendable, Equatable {
    /// Stable key, `stage/size/jobs` (`write-graphml/1000000/-`); peers name their newsgraph row in `versus`.
    public var key: String
    public var stage: String
    /// `newsgraph`, or the peer: `networkx`, `igraph`, `rdflib`, `spaCy`, `wc -w`.
    public var tool: String
    public var size: Int
    /// `articles` or `nodes`.
    public var sizeUnit: String
    public var jobs: Int?
    /// Nil when the run was skipped or failed (`note` says why).
    public var seconds: Double?
    public var bytes: Int
    public var items: Int
    /// `articles` or `elements` (nodes + edges).
    public var itemUnit: String
    public var peakRSSBytes: Int?
    /// The newsgraph row this peer row is compared with.
    public var versus: String?
    /// Peer seconds / newsgraph seconds on the same work: above 1, newsgraph is that many times faster.
    public var ratio: Double?
    public var note: String

    public init(key: String, stage: String, tool: String = "newsgraph", size: Int, sizeUnit: String, jobs: Int? = nil,
                seconds: Double?, bytes: Int = 0, items: Int = 0, itemUnit: String, peakRSSBytes: Int? = nil,
                versus: String? = nil, note: String = "") {
        self.key = key
        self.stage = stage
        self.tool = tool
        self.size = size
        self.sizeUnit = sizeUnit
        self.jobs = jobs
        self.seconds = seconds
        self.bytes = bytes
        self.items = items
        self.itemUnit = itemUnit
        self.peakRSSBytes = peakRSSBytes
        self.versus = versus
        self.note = note
    }

    public var megabytesPerSecond: Double? {
        guard let s = seconds, s > 0, bytes > 0 else { return nil }
        return Double(bytes) / 1e6 / s
    }

    public var itemsPerSecond: Double? {
        guard let s = seconds, s > 0, items > 0 else { return nil }
        return Double(items) / s
    }
}

/// A goal from issue 7, checked against this run's rows.
public struct BenchTarget: Sendable, Equatable {
    public var name: String
    public var goal: String
    /// What was measured, in words and figures.
    public var measured: String
    /// Nil when this run did not measure it (a quick run, a missing peer).
    public var met: Bool?
}

/// The whole run: rows, targets, and where and when it ran.
public struct BenchReport: Sendable {
    public var date: String
    public var machine: String
    public var mode: String
    public var rows: [BenchRow]
    public var targets: [BenchTarget]
    public var notes: [String]

    /// The Markdown table (the form docs/Benchmark.md keeps).
    public func markdown() -> String {
        var s = "newsgraph bench (\(mode)), \(date)\n\nMachine: \(machine)\n\n"
        s += "| stage | tool | size | jobs | seconds | MB | MB/s | rate | peak RSS | vs newsgraph | note |\n"
        s += "|---|---|---|---|--:|--:|--:|--:|--:|--:|---|\n"
        for r in rows {
            let rate = r.itemsPerSecond.map { BenchFormat.rate($0) + " " + r.itemUnit + "/s" } ?? "—"
            let ratio = r.ratio.map { BenchFormat.ratio($0) } ?? (r.tool == "newsgraph" ? "" : "—")
            s += "| \(r.stage) | \(r.tool) | \(BenchFormat.count(r.size)) \(r.sizeUnit) | \(r.jobs.map(String.init) ?? "—") | "
            s += (r.seconds.map { BenchFormat.seconds($0) } ?? "—") + " | "
            s += (r.bytes > 0 ? BenchFormat.fixed(Double(r.bytes) / 1e6, 1) : "—") + " | "
            s += (r.megabytesPerSecond.map { BenchFormat.fixed($0, 1) } ?? "—") + " | \(rate) | "
            s += (r.peakRSSBytes.map { BenchFormat.fixed(Double($0) / 1e6, 0) + " MB" } ?? "—") + " | \(ratio) | "
            s += BenchFormat.cell(r.note) + " |\n"
        }
        s += "\n“vs newsgraph” is the peer's time over newsgraph's on the same work: 12× means newsgraph took a twelfth "
        s += "of the time (for `wc -w`, below 1× is how far newsgraph is from the floor).\n\n"
        s += "| target | goal | measured | verdict |\n|---|---|---|---|\n"
        for t in targets {
            let verdict = t.met.map { $0 ? "met" : "**missed**" } ?? "not measured"
            s += "| \(t.name) | \(BenchFormat.cell(t.goal)) | \(BenchFormat.cell(t.measured)) | \(verdict) |\n"
        }
        if !notes.isEmpty { s += "\n" + notes.map { "- " + $0 }.joined(separator: "\n") + "\n" }
        return s
    }

    /// The same figures as JSON, keys in a fixed order (seconds with six decimals, sizes in bytes).
    public func json() -> String {
        var s = "{\n  \"date\": \(BenchJSON.string(date)),\n  \"machine\": \(BenchJSON.string(machine)),\n"
        s += "  \"mode\": \(BenchJSON.string(mode)),\n  \"rows\": ["
        s += rows.map { r in
            var o = "\n    {\"key\": \(BenchJSON.string(r.key)), \"stage\": \(BenchJSON.string(r.stage)), "
            o += "\"tool\": \(BenchJSON.string(r.tool)), \"size\": \(r.size), \"size_unit\": \(BenchJSON.string(r.sizeUnit)), "
            o += "\"jobs\": \(r.jobs.map(String.init) ?? "null"), "
            o += "\"seconds\": \(r.seconds.map { BenchJSON.number($0, digits: 6) } ?? "null"), "
            o += "\"bytes\": \(r.bytes), \"items\": \(r.items), \"item_unit\": \(BenchJSON.string(r.itemUnit)), "
            o += "\"mb_per_s\": \(r.megabytesPerSecond.map { BenchJSON.number($0, digits: 3) } ?? "null"), "
            o += "\"items_per_s\": \(r.itemsPerSecond.map { BenchJSON.number($0, digits: 1) } ?? "null"), "
            o += "\"peak_rss_bytes\": \(r.peakRSSBytes.map(String.init) ?? "null"), "
            o += "\"versus\": \(r.versus.map(BenchJSON.string) ?? "null"), "
            o += "\"ratio\": \(r.ratio.map { BenchJSON.number($0, digits: 3) } ?? "null"), "
            o += "\"note\": \(BenchJSON.string(r.note))}"
            return o
        }.joined(separator: ",")
        s += "\n  ],\n  \"targets\": ["
        s += targets.map { t in
            "\n    {\"name\": \(BenchJSON.string(t.name)), \"goal\": \(BenchJSON.string(t.goal)), "
                + "\"measured\": \(BenchJSON.string(t.measured)), \"met\": \(t.met.map { $0 ? "true" : "false" } ?? "null")}"
        }.joined(separator: ",")
        s += "\n  ],\n  \"notes\": [" + notes.map { "\n    " + BenchJSON.string($0) }.joined(separator: ",") + "\n  ]\n}\n"
        return s
    }
}

/// Fills in each peer row's ratio from the newsgraph row it names.
func attachRatios(_ rows: inout [BenchRow]) {
    var ours: [String: Double] = [:]
    for r in rows where r.tool == "newsgraph" { if let s = r.seconds { ours[r.key] = s } }
    for i in rows.indices where rows[i].tool != "newsgraph" {
        guard let v = rows[i].versus, let mine = ours[v], mine > 0, let theirs = rows[i].seconds else { continue }
        // Rates, not times, when the peer did a different amount of the same work (a sample).
        rows[i].ratio = theirs / mine
    }
}

/// JSON text for the report (escaping on bytes, numbers in a fixed form).
enum BenchJSON {
    static func string(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20:
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }

    /// A finite number with `digits` decimals (JSON has no NaN or infinity: those become null).
    static func number(_ v: Double, digits: Int) -> String {
        v.isFinite ? String(format: "%.\(digits)f", v) : "null"
    }
}

/// Human figures for the table.
enum BenchFormat {
    static func fixed(_ v: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", v) }

    static func seconds(_ v: Double) -> String { v < 10 ? fixed(v, 3) : fixed(v, 1) }

    /// `1,000,000`: sizes read at a glance.
    static func count(_ n: Int) -> String {
        let d = String(n.magnitude)
        var out = ""
        for (i, c) in d.enumerated() {
            if i > 0 && (d.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    static func rate(_ v: Double) -> String {
        v >= 1000 ? count(Int(v.rounded())) : (v >= 10 ? fixed(v, 0) : fixed(v, 1))
    }

    static func ratio(_ v: Double) -> String {
        (v >= 10 ? fixed(v, 0) : v >= 1 ? fixed(v, 1) : v >= 0.1 ? fixed(v, 2) : fixed(v, 3)) + "×"
    }

    /// A Markdown table cell: pipes escaped, one line.
    static func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
