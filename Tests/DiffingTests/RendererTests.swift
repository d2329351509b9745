import Diffing
import Foundation
import GraphModel
import XCTest

final class TextDiffRendererTests: XCTestCase {
    let diff = GraphDiff(old: DiffFixtures.oldGraph, new: DiffFixtures.newGraph)

    func testGolden() throws {
        let text = TextDiffRenderer(options: DiffRenderOptions(oldName: "old/graph.graphml", newName: "new/graph.jsonld"))
            .render(diff)
        try assertGolden(text, "TextDiffRendererTests.testGolden.diff.txt")
    }

    func testCountsComeFirst() {
        let lines = TextDiffRenderer().render(diff).split(separator: "\n")
        XCTAssertEqual(lines[0], "nodes: 1 added, 1 removed, 2 changed (6 → 6)")
        XCTAssertTrue(lines[1].hasPrefix("  Deal"))
        XCTAssertEqual(lines.first { $0.hasPrefix("edges:") }, "edges: 1 added, 1 removed, 1 changed (5 → 5)")
    }

    func testColourOnlyWhenAsked() {
        let plain = TextDiffRenderer().render(diff)
        let coloured = TextDiffRenderer(options: DiffRenderOptions(color: true)).render(diff)
        XCTAssertFalse(plain.contains("\u{1B}"))
        XCTAssertTrue(coloured.contains("\u{1B}[32m+ org:quantiva-labs"))
        XCTAssertTrue(coloured.contains("\u{1B}[31m- org:oldco"))
        // Stripping the SGR codes gives back the plain report.
        let stripped = coloured.replacingOccurrences(of: "\u{1B}\\[[0-9]+m", with: "", options: .regularExpression)
        XCTAssertEqual(stripped, plain)
    }

    func testEqualGraphs() {
        let same = GraphDiff(old: DiffFixtures.oldGraph, new: DiffFixtures.oldGraph)
        XCTAssertEqual(TextDiffRenderer().render(same), "no differences: 6 nodes, 5 edges\n")
    }

    func testHostileNamesCannotForgeLines() {
        let (old, new) = DiffFixtures.adversarialPair()
        let text = TextDiffRenderer().render(GraphDiff(old: old, new: new))
        // Every report line starts with a known marker, an indent, a header, or a count row.
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let ok = ["+ ", "- ", "~ ", "    ", "  ", "nodes:", "edges:", "Organization nodes", "competes_with edges"]
                .contains { line.hasPrefix($0) }
            XCTAssertTrue(ok, "unexpected line \(line.debugDescription)")
            XCTAssertFalse(line.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x202E })
        }
        XCTAssertTrue(text.contains(#"label: "Back\\slash\\" → "Back\\slash\\!""#))
        XCTAssertTrue(text.contains(#"aliases: + "Line\nBreak\n2""#))
        XCTAssertTrue(text.contains(#""Evil\u{202E}gnp.exe""#))
        XCTAssertTrue(text.contains("Rocket 🚀 AB"))
        XCTAssertTrue(text.contains(#"sources: + "b\\c""#))
    }
}

final class JSONDiffRendererTests: XCTestCase {
    let diff = GraphDiff(old: DiffFixtures.oldGraph, new: DiffFixtures.newGraph)

    func testGolden() throws {
        try assertGolden(JSONDiffRenderer().render(diff), "JSONDiffRendererTests.testGolden.json")
    }

    func testSchemaFields() throws {
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(JSONDiffRenderer().render(diff).utf8))
                                 as? [String: Any])
        XCTAssertEqual(json["format"] as? String, "newsgraph-diff")
        XCTAssertEqual(json["version"] as? Int, 1)
        XCTAssertEqual(json["equal"] as? Bool, false)
        let summary = try XCTUnwrap(json["summary"] as? [String: [String: Any]])
        XCTAssertEqual(summary["nodes"]?["changed"] as? Int, 2)
        let byType = try XCTUnwrap(summary["edges"]?["byType"] as? [String: [String: Int]])
        XCTAssertEqual(byType["competes_with"], ["added": 0, "removed": 1, "changed": 0])
        let nodes = try XCTUnwrap(json["nodes"] as? [String: [[String: Any]]])
        let deal = try XCTUnwrap(nodes["changed"]?.first)
        let changes = try XCTUnwrap(deal["changes"] as? [[String: Any]])
        XCTAssertEqual(changes.map { $0["attribute"] as? String }, ["label", "amount", "currency", "sources"])
        XCTAssertEqual(changes[1]["old"] as? Double, 1e10)
        XCTAssertEqual(changes[1]["new"] as? Double, 1.3e10)
    }

    func testHostileStringsRoundTripThroughAJSONParser() throws {
        let (old, new) = DiffFixtures.adversarialPair()
        let out = JSONDiffRenderer().render(GraphDiff(old: old, new: new))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        let nodes = try XCTUnwrap(json["nodes"] as? [String: [[String: Any]]])
        let labels = Set((nodes["changed"] ?? []).compactMap { $0["label"] as? String })
        XCTAssertEqual(labels, Set(DiffFixtures.hazards.map { $0 + "!" }))
        XCTAssertEqual(nodes["added"]?.first?["id"] as? String, "org:h\\\"x\n")
        let edges = try XCTUnwrap(json["edges"] as? [String: [[String: Any]]])
        let ev = try XCTUnwrap((edges["changed"]?.first?["changes"] as? [[String: Any]])?.first)
        XCTAssertEqual((ev["old"] as? [String: Any])?["sentence"] as? String, "\"Quoted\"\nand\\")
        XCTAssertEqual((ev["new"] as? [String: Any])?["sentence"] as? String, "Other <&> \u{1}")
    }

    func testEqualGraphs() throws {
        let out = JSONDiffRenderer().render(GraphDiff(old: DiffFixtures.oldGraph, new: DiffFixtures.oldGraph))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        XCTAssertEqual(json["equal"] as? Bool, true)
        XCTAssertEqual((json["nodes"] as? [String: [Any]])?["added"]?.count, 0)
    }
}

final class DOTDiffRendererTests: XCTestCase {
    let diff = GraphDiff(old: DiffFixtures.oldGraph, new: DiffFixtures.newGraph)

    func testGolden() throws {
        try assertGolden(DOTDiffRenderer().render(diff), "DOTDiffRendererTests.testGolden.dot")
    }

    func testColoursByStatus() {
        let dot = DOTDiffRenderer().render(diff)
        XCTAssertTrue(dot.contains(#""org:quantiva-labs" [label="Quantiva Labs", shape=box, class="added", color="green4""#))
        XCTAssertTrue(dot.contains(#""org:oldco" [label="OldCo", shape=box, class="removed", color="red3""#))
        XCTAssertTrue(dot.contains(#""org:openai" [label="OpenAI\n~ label, aliases, sources", shape=box, class="changed", color="darkorange""#))
        XCTAssertTrue(dot.contains(#""org:google" [label="Google", shape=box, class="unchanged", color="grey60""#))
        XCTAssertTrue(dot.contains(#""org:oldco" -> "org:microsoft" [label="competes_with", class="removed""#))
    }

    func testContextKeepsChangesAndNeighbours() {
        // A chain a - b - c - d - e where only a's label changes.
        func graph(_ aLabel: String) -> KnowledgeGraph {
            let ids = ["a", "b", "c", "d", "e"]
            return KnowledgeGraph(nodes: ids.map { Node(id: "org:\($0)", type: .organization, label: $0 == "a" ? aLabel : $0) },
                                  edges: zip(ids, ids.dropFirst()).map {
                                      Edge(source: "org:\($0.0)", target: "org:\($0.1)", type: .competesWith)
                                  })
        }
        let d = GraphDiff(old: graph("a"), new: graph("A"))
        func nodes(_ n: Int?) -> [String] {
            DOTDiffRenderer(context: n).render(d).split(separator: "\n").compactMap { line in
                guard line.hasPrefix("  \"org:"), !line.contains("->") else { return nil }
                return String(line.dropFirst(3).prefix { $0 != "\"" })
            }
        }
        XCTAssertEqual(nodes(0), ["org:a"])
        XCTAssertEqual(nodes(1), ["org:a", "org:b"])
        XCTAssertEqual(nodes(2), ["org:a", "org:b", "org:c"])
        XCTAssertEqual(nodes(nil), ["org:a", "org:b", "org:c", "org:d", "org:e"])
        XCTAssertFalse(DOTDiffRenderer(context: 1).render(d).contains(#""org:b" -> "org:c""#))
        XCTAssertTrue(DOTDiffRenderer(context: 2).render(d).contains(#""org:b" -> "org:c""#))
    }

    func testHostileNamesRenderWithoutGraphvizWarnings() throws {
        let (old, new) = DiffFixtures.adversarialPair()
        let dot = DOTDiffRenderer().render(GraphDiff(old: old, new: new))
        XCTAssertTrue(dot.contains(#"label="Back\\slash\\!\n~ label, aliases, sources""#))
        XCTAssertTrue(dot.contains(#""org:h\\\"x\n" [label="id\\""#))
        XCTAssertTrue(dot.contains(#"label="&lt;b&gt;&amp;amp; Co!"#) || dot.contains(#"label="<b>&amp;amp; Co!"#))
        guard let dotTool = ["/usr/bin/dot", "/usr/local/bin/dot"].first(where: FileManager.default.isExecutableFile) else {
            throw XCTSkip("Graphviz dot is not installed")
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: dotTool)
        p.arguments = ["-Tsvg"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = errors
        try p.run()
        input.fileHandleForWriting.write(Data(dot.utf8))
        try input.fileHandleForWriting.close()
        let svg = output.fileHandleForReading.readDataToEndOfFile()
        let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        XCTAssertEqual(err, "")
        let text = String(decoding: svg, as: UTF8.self)
        XCTAssertTrue(text.contains("Rocket 🚀 AB!"))
        XCTAssertTrue(text.contains("class=\"node added\"") || text.contains("class=\"node added "))
    }
}
