import ArgumentParser
import Foundation

/// `newsgraph render --format svg` → `exports/graph.svg`, through Graphviz `dot`.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw graph.dot as SVG, PNG or PDF with Graphviz (dot must be installed).",
        discussion: """
        Examples:
          newsgraph render                                  # exports/graph.dot → exports/graph.svg
          newsgraph render --format png --out graph.png
        For large graphs, export a neighbourhood first: newsgraph build --focus OpenAI --depth 2
        """)

    @Option(help: "svg, png or pdf.")
    var format = "svg"

    @Option(name: .customLong("in"), help: "The DOT file to draw.")
    var input = "exports/graph.dot"

    @Option(name: .shortAndLong, help: "The output file (default: the input with the format's extension).")
    var out: String?

    func run() throws {
        guard ["svg", "png", "pdf"].contains(format) else {
            throw ValidationError("unknown --format '\(format)' (svg, png, pdf)")
        }
        guard FileManager.default.isReadableFile(atPath: input) else {
            stderr("\(input): error: cannot read: no such file (write it with newsgraph build or convert)")
            throw ExitCode(1)
        }
        guard let dot = Render.findDot() else {
            stderr("error: Graphviz 'dot' is not installed (not on PATH); install graphviz (apt-get install graphviz, brew install graphviz)")
            throw ExitCode(1)
        }
        let target = out ?? (input.hasSuffix(".dot") ? String(input.dropLast(4)) : input) + "." + format
        let p = Process()
        p.executableURL = URL(fileURLWithPath: dot)
        p.arguments = ["-T" + format, "-o", target, input]
        let err = Pipe()
        p.standardError = err
        try p.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        if !message.isEmpty { FileHandle.standardError.write(Data(message.utf8)) }
        guard p.terminationStatus == 0 else {
            stderr("\(input): error: dot exited with status \(p.terminationStatus)")
            throw ExitCode(1)
        }
        stderr("rendered \(input) → \(target)")
    }

    /// `dot` on PATH, or nil.
    static func findDot() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/dot"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
