import Dispatch
import GraphModel

/// Every export format, the one registry: adding a case forces a serializer (the `switch` in
/// `serializer` is exhaustive), as rdflib's plugin table does at run time.
public enum ExportFormat: String, CaseIterable, Sendable {
    case graphml, dot, jsonld, gexf, neo4j

    /// What `newsgraph build` writes when no `--format` is given.
    public static let defaultSet: [ExportFormat] = [.graphml, .dot, .jsonld]

    /// The serializer that writes this format.
    public var serializer: any GraphSerializer {
        switch self {
        case .graphml: GraphMLSerializer()
        case .dot: DOTSerializer()
        case .jsonld: JSONLDSerializer()
        case .gexf: GEXFSerializer()
        case .neo4j: Neo4jCSVSerializer()
        }
    }

    /// The files this format writes, relative to the export directory.
    public var fileNames: [String] { serializer.fileNames }

    /// Parses `graphml,dot,jsonld` (case-insensitive, blanks ignored); `nil` names the bad item.
    public static func parseList(_ s: String) -> Result<[ExportFormat], ExportFormatError> {
        var out: [ExportFormat] = []
        for part in s.split(separator: ",") {
            let name = part.trimmingCharacters(in: " ").lowercased()
            if name.isEmpty { continue }
            guard let f = ExportFormat(rawValue: name) else { return .failure(ExportFormatError(name: name)) }
            if !out.contains(f) { out.append(f) }
        }
        return .success(out)
    }
}

/// An unknown name in a `--format` list.
public struct ExportFormatError: Error, CustomStringConvertible {
    public let name: String
    public var description: String {
        "error: unknown export format '\(name)' (known: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")))"
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in c: Character) -> Substring {
        var s = self
        while s.first == c { s.removeFirst() }
        while s.last == c { s.removeLast() }
        return s
    }
}

/// Which GraphML dialect to write.
public enum GraphMLProfile: String, Sendable, CaseIterable {
    /// GraphML 1.0, only `<data>` text: what NetworkX, igraph, Gephi and Cytoscape read.
    case plain
    /// Adds yEd's `y:ShapeNode` graphics (colour, shape, label) per node, for yEd's editor.
    case yed
}

/// Choices that change what the writers emit.
public struct ExportOptions: Sendable {
    public var graphmlProfile: GraphMLProfile
    /// DOT only: draw the neighbourhood of this entity (id, label or alias, case-insensitive).
    public var focus: String?
    /// DOT only: how many hops from `focus` to draw.
    public var depth: Int

    public init(graphmlProfile: GraphMLProfile = .plain, focus: String? = nil, depth: Int = 1) {
        self.graphmlProfile = graphmlProfile
        self.focus = focus
        self.depth = depth
    }
}

/// One export format: it streams the prepared graph into files of the export directory.
public protocol GraphSerializer: Sendable {
    /// Paths relative to the export directory, e.g. `graph.graphml` or `neo4j/nodes.csv`.
    var fileNames: [String] { get }
    /// Writes every file of `fileNames` under `dir` atomically; returns warnings for the user.
    func write(_ graph: PreparedGraph, to dir: String, options: ExportOptions) throws -> [String]
}

/// Writes `formats` of `g` into `dir` (created when missing) and returns warnings to print.
///
/// Each file is written to a temporary file beside it and renamed into place, so a failed
/// export leaves the previous file intact. The graph is cleaned and sorted once for all formats.
///
///     let warnings = try writeExports(graph, formats: ExportFormat.defaultSet, to: "exports", options: .init())
public func writeExports(_ g: KnowledgeGraph, formats: [ExportFormat], to dir: String,
                         options: ExportOptions) throws -> [String] {
    try makeDirectories(dir)
    let prepared = PreparedGraph(g)
    var warnings = prepared.warnings
    // The formats are independent files: written at the same time, so the cores a single
    // writer leaves idle (DOT and JSON-LD are mostly serial) do the next format. Warnings and
    // the first error come in the order of `formats`, as a serial loop gives them.
    let results = WorkSlots<Result<[String], any Error>>(count: formats.count)
    DispatchQueue.concurrentPerform(iterations: formats.count) { i in
        results.set(i, Result { try formats[i].serializer.write(prepared, to: dir, options: options) })
    }
    for i in formats.indices { warnings += try results.get(i).get() }
    return warnings
}

func joinPath(_ dir: String, _ name: String) -> String {
    dir.isEmpty || dir == "." ? name : (dir.hasSuffix("/") ? dir + name : dir + "/" + name)
}
