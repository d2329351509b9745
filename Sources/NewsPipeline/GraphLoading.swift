import Foundation
import GraphInterchange
import GraphModel

/// One side of `newsgraph diff`: an export read back, or a corpus built on the fly.
public enum GraphSide: Sendable, Equatable {
    /// `graph.graphml` or `graph.jsonld`, read with `readGraph(at:)`.
    case export(String)
    /// Articles (`.txt`, `.html`, `.jsonl`), a folder of them, or `-` for JSONL on standard input.
    case corpus(String)

    public var path: String {
        switch self {
        case .export(let p), .corpus(let p): p
        }
    }
}

/// Why a diff side cannot be read; one line each, naming the path.
public struct GraphLoadingError: Error, CustomStringConvertible, Equatable {
    public var description: String
}

/// Turns a path given to `newsgraph diff` into a graph, whatever the user pointed at.
///
///     try GraphLoading.resolve("exports")            // .export("exports/graph.jsonld")
///     try GraphLoading.resolve("Tests/Fixtures/dev") // .corpus(...)  (no graph.* inside)
///     try GraphLoading.load("news.jsonl", options: BuildOptions())
public enum GraphLoading {
    /// Export files, most preferred first: the JSON-LD reader read a 1M-node, 3M-edge graph in
    /// less than half the GraphML reader's time (Guides/Diffing.md).
    public static let exportNames = ["graph.jsonld", "graph.graphml"]
    static let exportExtensions = ["graphml", "jsonld", "xml", "json"]
    static let corpusExtensions = ["txt", "html", "htm", "jsonl"]

    /// Decides what `path` is: an export file by extension, a folder holding an export, or else
    /// a corpus (an article file or a folder of articles). Reads nothing but the folder listing.
    public static func resolve(_ path: String) throws -> GraphSide {
        if path == "-" { return .corpus(path) }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw GraphLoadingError(description: "\(path): error: no such file or folder")
        }
        if isDir.boolValue {
            for name in exportNames {
                let p = (path as NSString).appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: p) { return .export(p) }
            }
            return .corpus(path)
        }
        let ext = (path as NSString).pathExtension.lowercased()
        if exportExtensions.contains(ext) { return .export(path) }
        if corpusExtensions.contains(ext) { return .corpus(path) }
        throw GraphLoadingError(description: "\(path): error: cannot diff a '.\(ext)' file: give graph.graphml, "
            + "graph.jsonld, an exports folder, or a corpus (a folder, .jsonl, .txt or .html)")
    }

    /// True when `readGraph(at:)` reads `path` as JSON-LD (by its extension).
    public static func isJSONLD(_ path: String) -> Bool {
        let lower = path.lowercased()
        if lower.hasSuffix(".graphml") || lower.hasSuffix(".xml") { return false }
        return lower.hasSuffix(".jsonld") || lower.hasSuffix(".json")
    }

    /// Reads or builds the graph of one side. A built corpus goes through the same cleaning as
    /// the exports (`PreparedGraph`), so a corpus and its own export diff as equal.
    public static func load(_ side: GraphSide, options: BuildOptions,
                            warn: (String) -> Void = { _ in }) throws -> KnowledgeGraph {
        switch side {
        case .export(let p):
            return try readGraph(at: p)
        case .corpus(let p):
            let result: BuildResult
            do {
                result = try BuildPipeline.build(paths: [p], options: options, warn: warn)
            } catch let e as BuildError {
                let d = e.description
                throw GraphLoadingError(description: d.contains("error:") ? d : "\(p): error: \(d)")
            }
            if result.articles == 0 {
                throw GraphLoadingError(description: "\(p): error: no articles found (expected .txt, .html or .jsonl)")
            }
            return PreparedGraph(result.graph).graph
        }
    }
}
