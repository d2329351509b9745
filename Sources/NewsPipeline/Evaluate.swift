import Evaluation
import Foundation
import GraphModel

/// Builds a corpus and scores its graph against the `*.gold.json` beside its articles, overall and
/// per language (each language's graph is merged from that language's articles only).
public struct EvaluationRun: Sendable {
    public var overall: Scoring.Report
    public var perLanguage: [(language: String, articles: Int, report: Scoring.Report)]
    public var articles: Int
}

extension BuildPipeline {
    public static func evaluate(paths: [String], options: BuildOptions, warn: (String) -> Void = { _ in }) throws -> EvaluationRun {
        let result = try build(paths: paths, options: options, keepPartials: true, warn: warn)
        let gold = try Gold(directories: paths)
        guard gold.articles > 0 else {
            throw BuildError(description: "error: no *.gold.json beside the articles of \(paths.joined(separator: " "))")
        }
        let extractor = try makeExtractor(options)
        var byLanguage: [String: [PartialGraph]] = [:]
        for (lang, p) in result.partials {
            byLanguage[gold.languages[p.article] ?? lang, default: []].append(p)
        }
        var per: [(String, Int, Scoring.Report)] = []
        for (lang, ps) in byLanguage.sorted(by: { $0.key < $1.key }) {
            let ids = Set(ps.map(\.article))
            let g = try Gold(directories: paths, onlyArticles: ids)
            guard g.articles > 0 else { continue }
            per.append((lang, ps.count, Scoring.score(g, merge(ps, extractor: extractor))))
        }
        return EvaluationRun(overall: Scoring.score(gold, result.graph), perLanguage: per, articles: result.articles)
    }
}
