import Foundation
import XCTest
@testable import Benchmarks

/// The benchmark's own machinery: child processes, parsing, targets and the report. No test
/// asserts a timing; the figures a broken harness would get wrong are counts, codes and text.
final class BenchTests: XCTestCase {
    func tmp(_ name: String) -> String {
        let d = NSTemporaryDirectory() + "bench-tests-\(getpid())"
        try? FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d + "/" + name
    }

    func testChildExitCodeOutputAndPeakMemory() throws {
        // The child touches 64 MB, so its own ru_maxrss must show at least that much.
        let r = try ChildProcess.run(["python3", "-c", "import sys; b = bytearray(64 << 20); print('hi'); sys.stderr.write('x\\nlast words\\n'); sys.exit(3)"],
                                     stdoutPath: tmp("a.out"), stderrPath: tmp("a.err"))
        XCTAssertEqual(r.status, 3)
        XCTAssertEqual(r.stdout, "hi\n")
        XCTAssertEqual(r.lastErrorLine, "last words")
        XCTAssertGreaterThan(r.peakRSSBytes, 64 << 20)
        XCTAssertFalse(r.timedOut)
    }

    func testChildPastItsTimeLimitIsKilled() throws {
        let r = try ChildProcess.run(["sleep", "30"], stdoutPath: tmp("b.out"), stderrPath: tmp("b.err"), timeout: 0.3)
        XCTAssertTrue(r.timedOut)
        XCTAssertEqual(r.status, 128 + SIGKILL)
        XCTAssertLessThan(r.wallSeconds, 10)
    }

    func testMissingProgramIsOneLineError() {
        XCTAssertThrowsError(try ChildProcess.run(["no-such-program-xyz"], stdoutPath: tmp("c.out"), stderrPath: tmp("c.err"))) {
            XCTAssertEqual("\($0)", "error: cannot start 'no-such-program-xyz': No such file or directory")
        }
    }

    func testMeasurementRoundTripsThroughItsJSONLine() throws {
        let m = StageMeasurement(seconds: 1.25, bytes: 123_456, items: 789, nodes: 10, edges: 30)
        XCTAssertEqual(m.jsonLine, #"{"seconds": 1.250000, "bytes": 123456, "items": 789, "nodes": 10, "edges": 30}"#)
        XCTAssertEqual(try StageMeasurement(jsonLine: "noise\n" + m.jsonLine + "\n"), m)
        XCTAssertThrowsError(try StageMeasurement(jsonLine: "oops")) {
            XCTAssertEqual("\($0)", "error: stage printed no measurement: 'oops'")
        }
    }

    func testStageArgumentsAreChecked() {
        XCTAssertThrowsError(try BenchStage.run("read", arguments: ["corpus"])) {
            XCTAssertEqual("\($0)", "error: bench-stage: expected key=value, got 'corpus'")
        }
        XCTAssertThrowsError(try BenchStage.run("write", arguments: ["nodes=10", "format=svg", "out=x"])) {
            XCTAssertEqual("\($0)", "error: bench-stage write: unknown format 'svg'")
        }
        XCTAssertThrowsError(try BenchStage.run("teleport", arguments: [])) {
            XCTAssertEqual("\($0)", "error: bench-stage: unknown stage 'teleport'")
        }
    }

    func testWriteAndReadStagesCountTheSameGraph() throws {
        let dir = tmp("graph")
        let w = try BenchStage.run("write", arguments: ["nodes=300", "format=graphml", "out=" + dir])
        XCTAssertEqual(w.nodes, 300)
        XCTAssertEqual(w.edges, 900)
        XCTAssertEqual(w.items, 1_200)
        XCTAssertEqual(w.bytes, BenchStage.fileSize(dir + "/graph.graphml"))
        let r = try BenchStage.run("read-graph", arguments: ["file=" + dir + "/graph.graphml"])
        XCTAssertEqual(r.nodes, 300)
        XCTAssertEqual(r.edges, 900)
        XCTAssertEqual(r.bytes, w.bytes)
    }

    func testBuildSummaryLineIsParsed() {
        let line = "built out: 200 articles read, 0 skipped, 0.24 MB in 2.38 s; nodes 1259 (Deal 200, Organization 800); edges 1017 (party 400)"
        XCTAssertEqual(BenchRunner.corpusBytes(summaryLine: line), 240_000)
        XCTAssertEqual(BenchRunner.graphSize(summaryLine: line), "graph: 1259 nodes, 1017 edges")
        XCTAssertNil(BenchRunner.corpusBytes(summaryLine: "error: x"))
    }

    func row(_ key: String, _ tool: String = "newsgraph", seconds: Double?, bytes: Int = 0, rss: Int? = nil,
             note: String = "", versus: String? = nil) -> BenchRow {
        BenchRow(key: key, stage: key, tool: tool, size: 1, sizeUnit: "nodes", seconds: seconds, bytes: bytes,
                 items: 10, itemUnit: "elements", peakRSSBytes: rss, versus: versus, note: note)
    }

    func testTargetsAreMetMissedOrNotMeasured() {
        let o = BenchOptions.full(out: "x")
        var rows = [
            row("build/10000/2", seconds: 2, bytes: 20_000_000, rss: 100_000_000),
            row("build/100000/2", seconds: 25, bytes: 200_000_000, rss: 400_000_000),   // 8 MB/s; 1.25× per article
            row("merge/10000/2", seconds: 1, note: "graph: 1,000 nodes, 1,000 edges"),
            row("merge/100000/2", seconds: 1, note: "graph: 5,000 nodes, 5,000 edges"),  // graph ×5, RSS ×4
            row("write-graphml/1000000/-", seconds: 8, rss: 1_600_000_000),
            row("networkx-write/1000000", "networkx", seconds: 100, versus: "write-graphml/1000000/-"),
            row("read-graphml/1000000/-", seconds: 10),
            row("read-jsonld/1000000/-", seconds: 20),
            row("igraph-read/1000000", "igraph", seconds: 18, versus: "read-graphml/1000000/-"),
        ]
        attachRatios(&rows)
        XCTAssertEqual(rows.last!.ratio, 1.8)
        let t = Dictionary(uniqueKeysWithValues: BenchTargets.evaluate(rows, options: o).map { ($0.name, $0) })
        XCTAssertEqual(t["build throughput"]?.met, false)
        XCTAssertEqual(t["build throughput"]?.measured, "8.0 MB/s at 100,000 articles, --jobs 2 (short by 20%)")
        XCTAssertEqual(t["linear scaling"]?.met, false)
        XCTAssertEqual(t["memory follows the graph"]?.met, true)
        XCTAssertEqual(t["GraphML write vs NetworkX"]?.met, true)
        XCTAssertEqual(t["GraphML write memory"]?.met, false)
        XCTAssertEqual(t["GraphML read vs igraph"]?.met, true)
        XCTAssertEqual(t["JSON-LD read vs igraph"]?.met, false)
        XCTAssertNil(t["JSON-LD write vs rdflib"]?.met)
        XCTAssertEqual(t["diff of two graphs"]?.measured, "not measured in this run")
    }

    func testReportEscapesAndKeepsItsShape() {
        let r = BenchReport(date: "2026-01-02 03:04 UTC", machine: "cpu \"x\"", mode: "quick",
                            rows: [row("read/1/-", seconds: 0.5, bytes: 2_000_000, note: "a|b\nc")],
                            targets: [], notes: ["n\u{1}"])
        XCTAssertTrue(r.markdown().contains("| 0.500 | 2.0 | 4.0 | 20 elements/s | — |  | a\\|b c |"))
        XCTAssertTrue(r.json().contains(#""machine": "cpu \"x\"""#))
        XCTAssertTrue(r.json().contains(#""note": "a|b\nc""#))
        XCTAssertTrue(r.json().contains(#""n\u0001""#))
        let parsed = try? JSONSerialization.jsonObject(with: Data(r.json().utf8)) as? [String: Any]
        XCTAssertEqual((parsed?["rows"] as? [[String: Any]])?.first?["mb_per_s"] as? Double, 4)
        XCTAssertEqual(r.json(), r.json())
    }

    func testFigures() {
        XCTAssertEqual(BenchFormat.count(1_000_000), "1,000,000")
        XCTAssertEqual(BenchFormat.count(999), "999")
        XCTAssertEqual(BenchFormat.ratio(12.4), "12×")
        XCTAssertEqual(BenchFormat.ratio(0.0042), "0.004×")
        XCTAssertEqual(BenchJSON.number(.nan, digits: 2), "null")
    }
}
