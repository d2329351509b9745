import GraphModel

/// Turns a diff into one output format. One conforming type per format, one file each.
public protocol DiffRenderer: Sendable {
    func render(_ diff: GraphDiff) -> String
}

/// Settings the renderers share; each reads only what applies to it.
public struct DiffRenderOptions: Sendable, Hashable {
    /// ANSI colours in text output; the CLI turns it on only when standard output is a terminal.
    public var color: Bool
    /// DOT only: keep the changed elements and their neighbours within this many hops (nil: all).
    public var context: Int?
    /// Names of the two sides for the text header (`--- old/graph.graphml`); nil leaves it out.
    public var oldName: String?
    public var newName: String?

    public init(color: Bool = false, context: Int? = nil, oldName: String? = nil, newName: String? = nil) {
        self.color = color
        self.context = context
        self.oldName = oldName
        self.newName = newName
    }
}

/// The registry of diff output formats: the raw value is the `--format` name, and the exhaustive
/// `switch` makes the compiler check that every format has a renderer.
public enum DiffFormat: String, CaseIterable, Sendable {
    /// Readable report, counts first (TextDiffRenderer.swift).
    case text
    /// Machine-readable report in the schema of Guides/Diffing.md (JSONDiffRenderer.swift).
    case json
    /// Graphviz picture of the union graph, coloured by change (DOTDiffRenderer.swift).
    case dot
    /// RDF Patch over the JSON-LD export's triples (RDFPatchRenderer.swift).
    case patch

    public func renderer(_ options: DiffRenderOptions = DiffRenderOptions()) -> any DiffRenderer {
        switch self {
        case .text: TextDiffRenderer(options: options)
        case .json: JSONDiffRenderer()
        case .dot: DOTDiffRenderer(context: options.context)
        case .patch: RDFPatchRenderer(triples: .jsonld)
        }
    }
}
