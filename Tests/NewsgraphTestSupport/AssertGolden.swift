import Foundation
import XCTest

/// Compares `actual` with the golden file `Tests/Golden/<name>`; with `NEWSGRAPH_RECORD=1` in the
/// environment it writes `actual` there instead (and fails, so a recording run is never green by
/// accident). On a mismatch it names the first differing line.
///
///     assertGolden(try String(contentsOfFile: out), named: "GraphMLTests.testSmallGraph.graphml")
public func assertGolden(_ actual: String, named name: String, file: StaticString = #filePath, line: UInt = #line) {
    let path = goldenDirectory(file: file) + "/" + name
    if ProcessInfo.processInfo.environment["NEWSGRAPH_RECORD"] == "1" {
        try? FileManager.default.createDirectory(atPath: goldenDirectory(file: file), withIntermediateDirectories: true)
        do {
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
            XCTFail("recorded \(path); run again without NEWSGRAPH_RECORD=1", file: file, line: line)
        } catch {
            XCTFail("\(path): error: cannot record golden file: \(error)", file: file, line: line)
        }
        return
    }
    guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
        XCTFail("\(path): error: missing golden file; record it with NEWSGRAPH_RECORD=1", file: file, line: line)
        return
    }
    if expected == actual { return }
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    var i = 0
    while i < min(a.count, e.count) && a[i] == e[i] { i += 1 }
    let got = i < a.count ? String(a[i]) : "<end of output>"
    let want = i < e.count ? String(e[i]) : "<end of file>"
    XCTFail("\(path):\(i + 1): error: output differs from golden file\n  expected: \(want.prefix(300))\n  actual:   \(got.prefix(300))",
            file: file, line: line)
}

/// `Tests/Golden`, found from the calling test file's path (`Tests/<Target>/<File>.swift`).
public func goldenDirectory(file: StaticString = #filePath) -> String {
    let url = URL(fileURLWithPath: "\(file)")
    return url.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Golden").path
}

/// A fresh empty directory under the system temporary directory.
public func makeTemporaryDirectory(_ prefix: String = "newsgraph") throws -> String {
    let dir = FileManager.default.temporaryDirectory
        .appendingPathComponent("\(prefix)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}
