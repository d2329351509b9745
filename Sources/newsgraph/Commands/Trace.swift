import ArgumentParser
import EntityExtraction
import Foundation
import NewsCorpus
import NewsPipeline

/// Shows how the extractor reads articles: names, titles, relations and deals per sentence.
struct Trace: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show how the extractor reads articles (names, titles, relations, deals), for tuning language packs.")

    @Argument(help: "Articles or folders.")
    var paths: [String]

    @OptionGroup var build: BuildFlags

    func run() throws {
        let extractor = try BuildPipeline.makeExtractor(build.options)
        try CorpusReader(paths: paths).forEach { r in
            switch r {
            case .success(let a):
                let lang = BuildPipeline.language(of: a, options: build.options, extractor: extractor)
                print("== \(a.id) (\(lang))")
                print(extractor.trace(a, language: lang))
            case .failure(let e): stderr("\(e)")
            }
        }
    }
}
