import ArgumentParser
import GraphInterchange

/// The export options `build` and `convert` share.
struct ExportFlags: ParsableArguments {
    @Option(help: "Comma-separated formats: graphml,dot,jsonld,gexf,neo4j.")
    var format = "graphml,dot,jsonld"

    @Option(help: "GraphML flavour: plain, or yed (adds yEd shapes and labels).")
    var graphmlProfile = "plain"

    @Option(help: "DOT: only the neighbourhood of this entity (id, name or alias).")
    var focus: String?

    @Option(help: "DOT: hops around --focus.")
    var depth = 1

    /// The formats and options, or a one-line usage error.
    func resolved() throws -> ([ExportFormat], ExportOptions) {
        let formats: [ExportFormat]
        switch ExportFormat.parseList(format) {
        case .success(let f): formats = f
        case .failure(let e):
            throw ValidationError("unknown export format '\(e.name)' (known: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        guard let profile = GraphMLProfile(rawValue: graphmlProfile) else {
            throw ValidationError("unknown --graphml-profile '\(graphmlProfile)' (plain, yed)")
        }
        return (formats, ExportOptions(graphmlProfile: profile, focus: focus, depth: depth))
    }
}
