import ArgumentParser
import Foundation
import GraphInterchange

/// `newsgraph convert exports/graph.graphml --format gexf,neo4j --out other/`
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read an exported graph (.graphml or .jsonld) and write it in other formats.",
        discussion: """
        Converting graph.graphml or graph.jsonld back to the same formats rewrites files \
        byte-identical to the originals. Examples:
          newsgraph convert exports/graph.graphml --format gexf,neo4j --out exports
          newsgraph convert exports/graph.jsonld --format graphml --graphml-profile yed --out yed
        """)

    @Argument(help: "A graph.graphml or graph.jsonld written by newsgraph.")
    var file: String

    @Option(help: "Comma-separated formats: graphml,dot,jsonld,gexf,neo4j.")
    var format = "graphml,dot,jsonld"

    @Option(name: .shortAndLong, help: "Output folder (created when missing).")
    var out = "exports"

    @Option(help: "GraphML flavour: plain, or yed (adds yEd shapes and labels).")
    var graphmlProfile = "plain"

    @Option(help: "DOT: only the neighbourhood of this entity (id, name or alias).")
    var focus: String?

    @Option(help: "DOT: hops around --focus.")
    var depth = 1

    func run() throws {
        let formats: [ExportFormat]
        switch ExportFormat.parseList(format) {
        case .success(let f): formats = f
        case .failure(let e): throw ValidationError(e.description)
        }
        guard let profile = GraphMLProfile(rawValue: graphmlProfile) else {
            throw ValidationError("unknown --graphml-profile '\(graphmlProfile)' (plain, yed)")
        }
        do {
            let graph = try readGraph(at: file)
            let warnings = try writeExports(graph, formats: formats, to: out,
                                            options: ExportOptions(graphmlProfile: profile, focus: focus, depth: depth))
            for w in warnings { stderr(w) }
            stderr("converted \(file) → \(out): \(graph.nodes.count) nodes, \(graph.edges.count) edges; "
                   + formats.flatMap(\.fileNames).joined(separator: ", "))
        } catch let e as InterchangeError {
            stderr(e.description)
            throw ExitCode(1)
        }
    }
}
