import Foundation

/// Paths of the shared fixtures, found from this file so tests run from any directory.
enum Fixtures {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let packageRoot = testsDirectory.deletingLastPathComponent()
    static let dev = testsDirectory.appendingPathComponent("Fixtures/corpus/dev")
    static let seeds = packageRoot.appendingPathComponent("seeds")
    static let articles = testsDirectory.appendingPathComponent("Fixtures/articles")

    static func read(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    /// Every article file (not gold) of a folder, sorted.
    static func articleFiles(in dir: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
            .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".html") }
            .map { dir.appendingPathComponent($0) }
    }

    /// The `lang` of the gold file beside an article.
    static func goldLanguage(of article: URL) throws -> String {
        let gold = article.deletingPathExtension().appendingPathExtension("gold.json")
        let obj = try JSONSerialization.jsonObject(with: Data(contentsOf: gold)) as! [String: Any]
        return obj["lang"] as! String
    }
}
