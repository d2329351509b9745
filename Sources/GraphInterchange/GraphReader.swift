import GraphModel

/// Reads an export back into a graph, choosing the reader by extension: `.graphml` (libxml2
/// SAX2, streaming) or `.jsonld` / `.json` (byte-level JSON over the mapped file).
///
///     let g = try readGraph(at: "exports/graph.graphml")
///
/// - Throws: `InterchangeError` naming the file (and line) and the reason.
public func readGraph(at path: String) throws -> KnowledgeGraph {
    let lower = path.lowercased()
    if lower.hasSuffix(".graphml") || lower.hasSuffix(".xml") { return try GraphMLReader.read(path: path) }
    if lower.hasSuffix(".jsonld") || lower.hasSuffix(".json") { return try JSONLDReader.read(path: path) }
    throw InterchangeError.unsupportedExtension(path: path)
}
