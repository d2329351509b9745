import Diffing
import Foundation
import GraphInterchange
import GraphModel
import XCTest

/// `newsgraph diff` as a user runs it: exit codes as git diff's, one-line errors, output file.
final class DiffCommandTests: XCTestCase {
    var tmp = ""

    override func setUpWithError() throws {
        tmp = NSTemporaryDirectory() + "newsgraph-diff-cli-\(UUID().uuidString)"
        _ = try writeExports(DiffFixtures.oldGraph, formats: [.graphml, .jsonld], to: tmp + "/old", options: ExportOptions())
        _ = try writeExports(DiffFixtures.newGraph, formats: [.graphml, .jsonld], to: tmp + "/new", options: ExportOptions())
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: tmp)
    }

    /// Runs the built executable; skips when this build did not produce it.
    func run(_ args: [String]) throws -> (status: Int32, out: String, err: String) {
        // The products folder: the bundle itself on Linux, the folder holding the .xctest on macOS.
        let bundle = Bundle(for: DiffCommandTests.self).bundleURL
        let candidates = [bundle, bundle.deletingLastPathComponent()].map { $0.appendingPathComponent("newsgraph") }
        guard let exe = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw XCTSkip("newsgraph is not built next to \(bundle.path)")
        }
        let p = Process()
        p.executableURL = exe
        p.arguments = ["diff"] + args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    func testExitCodes() throws {
        let same = try run([tmp + "/old", tmp + "/old/graph.graphml", "--exit-code"])
        XCTAssertEqual(same.status, 0)
        XCTAssertTrue(same.out.hasSuffix("no differences: 6 nodes, 5 edges\n"), same.out)
        let differ = try run([tmp + "/old", tmp + "/new", "--exit-code"])
        XCTAssertEqual(differ.status, 1)
        XCTAssertTrue(differ.out.contains("nodes: 1 added, 1 removed, 2 changed (6 → 6)"))
        XCTAssertEqual(try run([tmp + "/old", tmp + "/new"]).status, 0)  // without --exit-code a diff is a success
        let missing = try run([tmp + "/old", tmp + "/nowhere", "--exit-code"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.err, "\(tmp)/nowhere: error: no such file or folder\n")
        let format = try run([tmp + "/old", tmp + "/new", "--format", "yaml"])
        XCTAssertEqual(format.status, 2)
        XCTAssertEqual(format.err, "error: unknown --format 'yaml' (text, json, dot, patch)\n")
    }

    func testReportGoesToAFileAndColourOnlyWhenAsked() throws {
        let r = try run([tmp + "/old/graph.graphml", tmp + "/new/graph.graphml", "--format", "json", "-o", tmp + "/d.json"])
        XCTAssertEqual(r.status, 0)
        XCTAssertEqual(r.out, "")
        let written = try String(contentsOfFile: tmp + "/d.json", encoding: .utf8)
        XCTAssertEqual(written, JSONDiffRenderer().render(GraphDiff(old: DiffFixtures.oldGraph, new: DiffFixtures.newGraph)))
        XCTAssertFalse(try run([tmp + "/old", tmp + "/new"]).out.contains("\u{1B}["))  // a pipe is no terminal
        XCTAssertTrue(try run([tmp + "/old", tmp + "/new", "--color", "always"]).out.contains("\u{1B}[32m+ org:quantiva-labs"))
    }
}
