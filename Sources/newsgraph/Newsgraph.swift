import ArgumentParser

@main
struct Newsgraph: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsgraph",
        abstract: "Build one knowledge graph of companies, people and deals from news articles.",
        subcommands: [Build.self, Evaluate.self, Trace.self, Diff.self, Generate.self, Bench.self, BenchStageCommand.self,
                      Convert.self, Render.self]
    )
}
