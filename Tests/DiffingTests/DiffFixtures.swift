import Foundation
import GraphModel
import XCTest

/// Two versions of a small graph that differ in every way a diff reports: a company added and one
/// removed, a label revised, an alias learned, a source added and one dropped, a deal amount and
/// currency revised, a title changed, evidence moved, a party added, a rivalry dropped.
enum DiffFixtures {
    static let oldGraph = KnowledgeGraph(nodes: [
        Node(id: "org:microsoft", type: .organization, label: "Microsoft", aliases: ["Microsoft"], sources: ["en-01"]),
        Node(id: "org:openai", type: .organization, label: "Open AI", aliases: ["Open AI"], sources: ["en-01", "fr-01"]),
        Node(id: "org:oldco", type: .organization, label: "OldCo", aliases: ["OldCo"], sources: ["en-05"]),
        Node(id: "org:google", type: .organization, label: "Google", aliases: ["Google"], sources: ["en-01"]),
        Node(id: "person:brad-smith", type: .person, label: "Brad Smith", aliases: ["Brad Smith"], sources: ["en-01"]),
        Node(id: "deal:microsoft-openai-investment", type: .deal, label: "Microsoft → OpenAI investment ($10B)",
             sources: ["en-01"], kind: "investment", amount: 10_000_000_000, currency: "USD", date: "2023-01-23"),
    ], edges: [
        Edge(source: "person:brad-smith", target: "org:microsoft", type: .role, roles: ["president"], sources: ["en-01"],
             evidence: Evidence(article: "en-01", sentence: "Brad Smith, president of Microsoft, said.", start: 10, end: 51)),
        Edge(source: "org:microsoft", target: "deal:microsoft-openai-investment", type: .party, roles: ["investor"],
             sources: ["en-01"]),
        Edge(source: "org:openai", target: "deal:microsoft-openai-investment", type: .party, roles: ["investee"],
             sources: ["en-01"]),
        Edge(source: "org:microsoft", target: "org:google", type: .competesWith, sources: ["en-01"]),
        Edge(source: "org:oldco", target: "org:microsoft", type: .competesWith, sources: ["en-05"]),
    ])

    static let newGraph = KnowledgeGraph(nodes: [
        Node(id: "org:microsoft", type: .organization, label: "Microsoft", aliases: ["Microsoft"], sources: ["en-01"]),
        Node(id: "org:openai", type: .organization, label: "OpenAI", aliases: ["Open AI", "OpenAI"],
             sources: ["en-01", "en-09"]),
        Node(id: "org:google", type: .organization, label: "Google", aliases: ["Google"], sources: ["en-01"]),
        Node(id: "org:quantiva-labs", type: .organization, label: "Quantiva Labs", aliases: ["Quantiva", "Quantiva Labs"],
             sources: ["en-09"]),
        Node(id: "person:brad-smith", type: .person, label: "Brad Smith", aliases: ["Brad Smith"], sources: ["en-01"]),
        Node(id: "deal:microsoft-openai-investment", type: .deal, label: "Microsoft → OpenAI investment (€13B)",
             sources: ["en-01", "en-09"], kind: "investment", amount: 13_000_000_000, currency: "EUR", date: "2023-01-23"),
    ], edges: [
        Edge(source: "person:brad-smith", target: "org:microsoft", type: .role, roles: ["president", "ceo"],
             sources: ["en-01"],
             evidence: Evidence(article: "en-01", sentence: "Brad Smith, chief executive of Microsoft, said.",
                                start: 10, end: 57)),
        Edge(source: "org:microsoft", target: "deal:microsoft-openai-investment", type: .party, roles: ["investor"],
             sources: ["en-01"]),
        Edge(source: "org:openai", target: "deal:microsoft-openai-investment", type: .party, roles: ["investee"],
             sources: ["en-01"]),
        Edge(source: "org:quantiva-labs", target: "deal:microsoft-openai-investment", type: .party, roles: ["investor"],
             sources: ["en-09"]),
        Edge(source: "org:microsoft", target: "org:google", type: .competesWith, sources: ["en-01"]),
    ])

    /// Names that break naive writers: quotes, backslashes (one trailing), `<`, `&`, newlines,
    /// tabs, control characters, a bidi override, emoji, a DOT keyword.
    static let hazards = [
        "Say \"Hi\" Inc.", "Back\\slash\\", "<b>&amp; Co", "Line\nBreak", "Tab\tCo", "Bell\u{07}\u{01}Co",
        "Evil\u{202E}gnp.exe", "Rocket 🚀 AB", "node", "Ünïcødé ÅÄÖ",
    ]

    static func adversarialPair() -> (KnowledgeGraph, KnowledgeGraph) {
        var old = KnowledgeGraph(), new = KnowledgeGraph()
        for (i, name) in hazards.enumerated() {
            let id = "org:h\(i)"
            old.add(Node(id: id, type: .organization, label: name, aliases: [name], sources: ["a \"quoted\" id"]))
            new.add(Node(id: id, type: .organization, label: name + "!", aliases: [name, name + "\n2"],
                         sources: ["a \"quoted\" id", "b\\c"]))
        }
        new.add(Node(id: "org:h\\\"x\n", type: .organization, label: "id\\", sources: ["s"]))
        old.add(Edge(source: "org:h0", target: "org:h1", type: .competesWith, sources: ["x"],
                     evidence: Evidence(article: "x", sentence: "\"Quoted\"\nand\\", start: 0, end: 3)))
        new.add(Edge(source: "org:h0", target: "org:h1", type: .competesWith, sources: ["x"],
                     evidence: Evidence(article: "x", sentence: "Other <&> \u{1}", start: 0, end: 3)))
        return (old, new)
    }
}

/// Compares `actual` with `Tests/Golden/Diffing/<name>`; `NEWSGRAPH_RECORD=1` rewrites the file
/// instead, so golden files are produced by the program, never by hand.
func assertGolden(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
    let url = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden/Diffing/\(name)")
    if ProcessInfo.processInfo.environment["NEWSGRAPH_RECORD"] == "1" {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: url, options: .atomic)
        return
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
        XCTFail("missing golden file \(url.path); run with NEWSGRAPH_RECORD=1", file: file, line: line)
        return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if expected != actual {
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let i = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
        XCTFail("\(url.path):\(i + 1): error: output differs from golden file: expected \(i < e.count ? String(e[i]).debugDescription : "end of file"), got \(i < a.count ? String(a[i]).debugDescription : "end of output")", file: file, line: line)
    }
}
