import ArgumentParser
import Evaluation
import Foundation
import NewsPipeline

struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build a corpus and score the graph against the *.gold.json beside its articles.",
        discussion: """
        Precision, recall and F1 for entities, roles, deals (with amounts), competes_with and develops, per \
        language and overall, by the metric of tools/score.py. Example:
          newsgraph evaluate Tests/Fixtures/corpus/dev seeds --explain
        """)

    @Argument(help: "Corpus folders holding articles and their gold files.")
    var paths: [String]

    @Flag(help: "List every false positive and false negative, with the evidence sentence.")
    var explain = false

    @Option(help: "Exit 1 when the mean of entity, role and deal F1 is under this, overall or in any language.")
    var minF1: Double?

    @OptionGroup var build: BuildFlags

    func run() throws {
        let run: EvaluationRun
        do {
            run = try BuildPipeline.evaluate(paths: paths, options: build.options, warn: { stderr("warning: \($0)") })
        } catch let e as BuildError {
            stderr(e.description)
            throw ExitCode(1)
        } catch {
            stderr("\(error)")
            throw ExitCode(1)
        }
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        print("language  articles  entities  roles  titles  deals  amounts  competes  products  core")
        func row(_ name: String, _ n: Int, _ r: Scoring.Report) -> String {
            let cols = [name.padding(toLength: 8, withPad: " ", startingAt: 0), String(n).leftPad(8),
                        f(r.entities.f1).leftPad(8), f(r.roles.f1).leftPad(5),
                        "\(r.titleCorrect)/\(r.roles.tp)".leftPad(6), f(r.deals.f1).leftPad(5),
                        "\(r.amountCorrect)/\(r.amountGold)".leftPad(7), f(r.competes.f1).leftPad(8),
                        f(r.products.f1).leftPad(8), f(r.core).leftPad(5)]
            return cols.joined(separator: "  ")
        }
        for (l, n, r) in run.perLanguage { print(row(l, n, r)) }
        print(row("overall", run.articles, run.overall))
        print("")
        print(Scoring.lines(run.overall).joined(separator: "\n"))
        if explain {
            for (l, _, r) in run.perLanguage where !r.log.isEmpty {
                print("\n[\(l)]")
                print(r.log.joined(separator: "\n"))
            }
        }
        if let minF1 {
            let worst = ([run.overall] + run.perLanguage.map(\.report)).map(\.core).min() ?? 0
            if worst < minF1 {
                stderr("error: core F1 \(f(worst)) is under --min-f1 \(f(minF1))")
                throw ExitCode(1)
            }
        }
    }
}

extension String {
    func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
