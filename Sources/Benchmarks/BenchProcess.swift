import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One finished child process: how it ended, its wall time and its peak resident memory.
///
/// Every stage runs in a child of its own so that `ru_maxrss`, which only ever grows, belongs
/// to that stage alone (the parent's own getrusage would report the largest stage so far).
public struct ChildRun: Sendable {
    /// Exit code, or 128 + the signal number when the child was killed.
    public var status: Int32
    /// From spawn to reap, measured by the parent (includes start-up).
    public var wallSeconds: Double
    /// `ru_maxrss` of the child, from wait4(2), in bytes.
    public var peakRSSBytes: Int
    /// Whether the child was killed because it ran past its time limit.
    public var timedOut: Bool
    /// Everything the child wrote to standard output.
    public var stdout: String
    /// The last non-empty line the child wrote to standard error (for one-line failures).
    public var lastErrorLine: String
}

/// A child process that could not be started or failed; one line.
public struct BenchError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// posix_spawn + wait4: the only portable way to get one child's own peak RSS.
enum ChildProcess {
    /// Monotonic seconds, for wall-clock timing that a clock change cannot skew.
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// The path of the running executable, so stages can re-run it as children.
    static func selfExecutable() -> String {
        #if os(Linux)
        if let p = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return p }
        #endif
        return CommandLine.arguments[0]
    }

    /// Runs `argv` (looked up in PATH when it has no `/`) with standard input from /dev/null,
    /// standard output to `stdoutPath` and standard error to `stderrPath`; kills it after `timeout`.
    static func run(_ argv: [String], stdoutPath: String, stderrPath: String,
                    timeout: Double? = nil) throws -> ChildRun {
        precondition(!argv.isEmpty)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        let cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        let cEnv: [UnsafeMutablePointer<CChar>?] =
            ProcessInfo.processInfo.environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in cArgs { free(p) }
            for p in cEnv { free(p) }
        }
        var pid: pid_t = 0
        let start = now()
        let rc = cArgs.withUnsafeBufferPointer { a in
            cEnv.withUnsafeBufferPointer { e in
                posix_spawnp(&pid, argv[0], &actions, nil, a.baseAddress!, e.baseAddress!)
            }
        }
        guard rc == 0 else {
            throw BenchError("error: cannot start '\(argv[0])': \(String(cString: strerror(rc)))")
        }

        var status: Int32 = 0
        var usage = rusage()
        var timedOut = false
        if let timeout {
            // Poll, so a peer that runs away is stopped and reported rather than waited for.
            while true {
                let r = wait4(pid, &status, WNOHANG, &usage)
                if r == pid { break }
                if r < 0 && errno != EINTR { throw BenchError("error: wait4: \(String(cString: strerror(errno)))") }
                if now() - start > timeout, !timedOut {
                    timedOut = true
                    kill(pid, SIGKILL)
                }
                usleep(20_000)
            }
        } else {
            while wait4(pid, &status, 0, &usage) < 0 {
                if errno != EINTR { throw BenchError("error: wait4: \(String(cString: strerror(errno)))") }
            }
        }
        let wall = now() - start
        let signal = status & 0x7F
        let code: Int32 = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        #if os(Linux)
        let rss = Int(usage.ru_maxrss) * 1024  // kilobytes on Linux
        #else
        let rss = Int(usage.ru_maxrss)         // bytes on macOS
        #endif
        let out = (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? ""
        let last = err.split(whereSeparator: \.isNewline).last { !$0.allSatisfy(\.isWhitespace) }.map(String.init) ?? ""
        return ChildRun(status: code, wallSeconds: wall, peakRSSBytes: rss, timedOut: timedOut,
                        stdout: out, lastErrorLine: last)
    }

    /// Whether `name` is an executable in PATH (or an executable path).
    static func canRun(_ name: String) -> Bool {
        if name.contains("/") { return access(name, X_OK) == 0 }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { access("\($0)/\(name)", X_OK) == 0 }
    }
}
