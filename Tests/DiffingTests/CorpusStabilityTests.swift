import Diffing
import Foundation
import GraphInterchange
import GraphModel
import NewsPipeline
import XCTest

/// Ids stay stable across corpus versions: the dev corpus plus one article diffs to exactly what
/// that article explains, and minus one article to the reverse.
final class CorpusStabilityTests: XCTestCase {
    static let dev = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/corpus/dev").path
    /// One article per language and one HTML page; en-01 also changes many existing nodes.
    static let probes = ["en-01-microsoft-openai-investment", "en-03-quantiva-labs-series-b", "sv-02-nordvik-datavirke", "fr-02-lumiere-robotique-datapilot",
                         "de-02-voltaris-datenwerk"]

    var tmp = ""

    override func setUpWithError() throws {
        tmp = NSTemporaryDirectory() + "newsgraph-diff-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: tmp)
    }

    /// The dev corpus articles (gold files left out), copied to `name`, without `except`.
    func corpus(_ name: String, except: String? = nil) throws -> String {
        let dir = tmp + "/" + name
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for f in try FileManager.default.contentsOfDirectory(atPath: Self.dev).sorted()
        where !f.hasSuffix(".gold.json") && (except == nil || !f.hasPrefix(except! + ".")) {
            try FileManager.default.copyItem(atPath: Self.dev + "/" + f, toPath: dir + "/" + f)
        }
        return dir
    }

    func build(_ dir: String) throws -> KnowledgeGraph {
        try GraphLoading.load(.corpus(dir), options: BuildOptions())
    }

    func testAddingOneArticleOnlyAddsWhatItExplains() throws {
        let full = try build(try corpus("full"))
        XCTAssertGreaterThan(full.nodes.count, 50)
        for article in Self.probes {
            let without = try build(try corpus("without-" + article, except: article))
            let forward = GraphDiff(old: without, new: full)
            XCTAssertFalse(forward.isEmpty, "\(article) adds nothing")
            XCTAssertEqual(forward.removedNodes.map(\.id), [], "adding \(article) removed nodes: ids are not stable")
            XCTAssertEqual(forward.removedEdges.map(\.key), [], "adding \(article) removed edges")
            for n in forward.addedNodes { XCTAssertTrue(n.sources.contains(article), "\(n.id) added without \(article)") }
            for e in forward.addedEdges { XCTAssertTrue(e.sources.contains(article), "\(e.key) added without \(article)") }
            // A node or edge that changes must have gained the article as a source, and lost none.
            for c in forward.changedNodes {
                XCTAssertTrue(c.changes.contains(.items(.sources, added: [article], removed: [])), "\(c.id): \(c.changes)")
            }
            for c in forward.changedEdges {
                XCTAssertTrue(c.changes.contains(.items(.sources, added: [article], removed: [])), "\(c.key): \(c.changes)")
            }

            // Minus the article: the reverse, element for element.
            let backward = GraphDiff(old: full, new: without)
            XCTAssertEqual(backward.addedNodes.map(\.id), [])
            XCTAssertEqual(backward.removedNodes.map(\.id), forward.addedNodes.map(\.id))
            XCTAssertEqual(backward.removedEdges.map(\.key), forward.addedEdges.map(\.key))
            XCTAssertEqual(backward.changedNodes.map(\.id), forward.changedNodes.map(\.id))
            XCTAssertEqual(backward.changedEdges.map(\.key), forward.changedEdges.map(\.key))
            for c in backward.changedNodes {
                XCTAssertTrue(c.changes.contains(.items(.sources, added: [], removed: [article])), "\(c.id)")
            }
        }
    }

    func testCorpusAndItsOwnExportsAreEqual() throws {
        let dir = try corpus("full")
        let built = try build(dir)
        _ = try writeExports(built, formats: [.graphml, .jsonld], to: tmp + "/exports", options: ExportOptions())
        XCTAssertEqual(try GraphLoading.resolve(tmp + "/exports"), .export(tmp + "/exports/graph.jsonld"))
        for name in ["graph.graphml", "graph.jsonld"] {
            let read = try GraphLoading.load(.export(tmp + "/exports/" + name), options: BuildOptions())
            let d = GraphDiff(old: read, new: built)
            XCTAssertTrue(d.isEmpty, "\(name): \(TextDiffRenderer().render(d))")
        }
    }

    /// The patch, applied by rdflib to the old `graph.jsonld`, gives exactly the new one's triples.
    func testPatchUpdatesAnRDFStoreInPlace() throws {
        let article = Self.probes[1]
        let old = try build(try corpus("full")), new = try build(try corpus("without", except: article))
        _ = try writeExports(old, formats: [.jsonld], to: tmp + "/old", options: ExportOptions())
        _ = try writeExports(new, formats: [.jsonld], to: tmp + "/new", options: ExportOptions())
        let patch = RDFPatchRenderer(triples: .jsonld).render(GraphDiff(old: old, new: new))
        try patch.write(toFile: tmp + "/update.rdfp", atomically: true, encoding: .utf8)
        let script = """
            import sys
            try:
                import rdflib
            except ImportError:
                print("skip: rdflib is not installed"); sys.exit(0)
            store = rdflib.Graph(); store.parse(sys.argv[1], format="json-ld")
            want = rdflib.Graph(); want.parse(sys.argv[2], format="json-ld")
            bad = 0
            for line in open(sys.argv[3], encoding="utf-8"):
                op, triple = line[:2], line[2:]
                if op not in ("A ", "D "): continue
                t = next(iter(rdflib.Graph().parse(data=triple, format="nt")))
                if (op == "D ") != (t in store): bad += 1
                (store.add if op == "A " else store.remove)(t)
            print("equal" if set(store) == set(want) and bad == 0 else "differ", len(store), len(want), bad)
            """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script, tmp + "/old/graph.jsonld", tmp + "/new/graph.jsonld", tmp + "/update.rdfp"]
        let out = Pipe()
        p.standardOutput = out
        do { try p.run() } catch { throw XCTSkip("python3 is not available") }
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        if text.hasPrefix("skip:") { throw XCTSkip(text) }
        XCTAssertTrue(text.hasPrefix("equal "), text)
        XCTAssertGreaterThan(patch.split(separator: "\n").filter { $0.hasPrefix("D ") }.count, 20)
    }

    /// Golden reports of the dev corpus without and with en-01 (Microsoft's OpenAI investment),
    /// which both adds elements and gives existing ones a source, an alias or a title.
    func testGoldenDevCorpusPlusOneArticle() throws {
        let article = Self.probes[0]
        let diff = GraphDiff(old: try build(try corpus("without", except: article)), new: try build(try corpus("full")))
        try assertGolden(TextDiffRenderer().render(diff), "CorpusStabilityTests.devPlusOneArticle.diff.txt")
        try assertGolden(JSONDiffRenderer().render(diff), "CorpusStabilityTests.devPlusOneArticle.json")
        try assertGolden(DOTDiffRenderer(context: 1).render(diff), "CorpusStabilityTests.devPlusOneArticle.dot")
    }
}

final class GraphLoadingTests: XCTestCase {
    func testResolvesEachKindOfSide() throws {
        let tmp = NSTemporaryDirectory() + "newsgraph-sides-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        let fm = FileManager.default
        try fm.createDirectory(atPath: tmp + "/exports", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: tmp + "/only-jsonld", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: tmp + "/only-graphml", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: tmp + "/corpus", withIntermediateDirectories: true)
        for f in ["exports/graph.graphml", "exports/graph.jsonld", "only-jsonld/graph.jsonld", "only-graphml/graph.graphml", "corpus/a.txt", "news.jsonl",
                  "table.csv"] {
            XCTAssertTrue(fm.createFile(atPath: tmp + "/" + f, contents: Data()))
        }
        XCTAssertEqual(try GraphLoading.resolve(tmp + "/exports"), .export(tmp + "/exports/graph.jsonld"))
        XCTAssertEqual(try GraphLoading.resolve(tmp + "/only-jsonld"), .export(tmp + "/only-jsonld/graph.jsonld"))
        XCTAssertEqual(try GraphLoading.resolve(tmp + "/only-graphml"), .export(tmp + "/only-graphml/graph.graphml"))
        XCTAssertEqual(try GraphLoading.resolve(tmp + "/exports/graph.graphml"), .export(tmp + "/exports/graph.graphml"))
        XCTAssertEqual(try GraphLoading.resolve(tmp + "/corpus"), .corpus(tmp + "/corpus"))
        XCTAssertEqual(try GraphLoading.resolve(tmp + "/news.jsonl"), .corpus(tmp + "/news.jsonl"))
        XCTAssertEqual(try GraphLoading.resolve("-"), .corpus("-"))
        XCTAssertThrowsError(try GraphLoading.resolve(tmp + "/table.csv")) { e in
            XCTAssertEqual("\(e)", "\(tmp)/table.csv: error: cannot diff a '.csv' file: give graph.graphml, graph.jsonld, "
                + "an exports folder, or a corpus (a folder, .jsonl, .txt or .html)")
        }
        XCTAssertThrowsError(try GraphLoading.resolve(tmp + "/missing")) { e in
            XCTAssertEqual("\(e)", "\(tmp)/missing: error: no such file or folder")
        }
        // An empty corpus folder is an error, not an empty graph that diffs as "everything removed".
        XCTAssertThrowsError(try GraphLoading.load(.corpus(tmp + "/only-jsonld"), options: BuildOptions())) { e in
            XCTAssertTrue("\(e)".hasPrefix("\(tmp)/only-jsonld: error: "), "\(e)")
        }
    }
}
