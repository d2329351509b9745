import Foundation
import XCTest

/// Runs `Tests/interop/run.sh DIR` (the real consumers of every format) and returns its exit status
/// and output; throws `XCTSkip` when the tools are missing (status 77), naming the install command.
public func runInteropChecks(on dir: String, file: StaticString = #filePath) throws -> (status: Int32, output: String) {
    let script = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("interop/run.sh").path
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/bash")
    p.arguments = [script, dir]
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = pipe
    try p.run()
    let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    if p.terminationStatus == 77 { throw XCTSkip("interop tools missing (bash scripts/setup.sh): \(out)") }
    return (p.terminationStatus, out)
}
