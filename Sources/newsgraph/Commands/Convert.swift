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

    @Option(name: .shortAndLong, help: "Output folder (created when missing).")
    var out = "exports"

    @OptionGroup var export: ExportFlags

    func run() throws {
        let (formats, options) = try export.resolved()
        do {
            let graph = try readGraph(at: file)
            let warnings = try writeExports(graph, formats: formats, to: out, options: options)
            for w in warnings { stderr(w) }
            stderr("converted \(file) → \(out): \(graph.nodes.count) nodes, \(graph.edges.count) edges; "
                   + formats.flatMap(\.fileNames).joined(separator: ", "))
        } catch let e as InterchangeError {
            stderr(e.description)
            throw ExitCode(1)
        }
    }
}
