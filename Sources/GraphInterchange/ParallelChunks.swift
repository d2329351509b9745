import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Formats a long run of elements on every core and writes the text in order.
///
/// Writing a prepared graph is bound by memory latency (each edge is a struct and half a dozen
/// strings scattered over the heap), not by escaping, so a second core nearly halves it. Each
/// round, `workers` threads format one chunk each into their own buffer while one more writes the
/// previous round's buffers, in order; the bytes are the same as a serial loop's.
enum ParallelChunks {
    /// Cores to format on: the online processors, at most 4 (beyond that the writer is the limit).
    static let workers: Int = max(1, min(4, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))))

    /// Calls `format(range, buffer)` for consecutive ranges of `0..<count` of at most `chunk`
    /// elements, then `write(buffer)` for each buffer in range order. `format` runs concurrently
    /// on distinct buffers; `write` runs on one thread at a time.
    static func run(count: Int, chunk: Int, format: (Range<Int>, ByteBuilder) -> Void,
                    write: (ByteBuilder) throws -> Void) throws {
        let workers = ParallelChunks.workers
        if workers == 1 || count <= chunk {
            let b = ByteBuilder()
            var start = 0
            while start < count {
                let r = start..<min(count, start + chunk)
                format(r, b)
                try write(b)
                b.removeAll()
                start = r.upperBound
            }
            return
        }
        let perRound = workers * chunk
        let rounds = (count + perRound - 1) / perRound
        var failure: (any Error)? = nil
        withoutActuallyEscaping(format) { format in
            withoutActuallyEscaping(write) { write in
                let shared = Shared(format: format, write: write, workers: workers)
                for round in 0...rounds {
                    let writePrevious = round > 0
                    DispatchQueue.concurrentPerform(iterations: workers + 1) { w in
                        if w == workers {
                            guard writePrevious, shared.error == nil else { return }
                            do {
                                for b in shared.sets[(round + 1) % 2] {
                                    try shared.write(b)
                                    b.removeAll()
                                }
                            } catch {
                                shared.error = error
                            }
                            return
                        }
                        guard round < rounds else { return }
                        let start = min(count, round * perRound + w * chunk)
                        let r = start..<min(count, start + chunk)
                        if !r.isEmpty { shared.format(r, shared.sets[round % 2][w]) }
                    }
                    if let e = shared.error { failure = e; break }
                }
            }
        }
        if let failure { throw failure }
    }

    /// What the concurrent iterations share: the two closures, two sets of buffers (one being
    /// formatted while the other is written) and the first write error. Each iteration touches
    /// its own buffer (format) or runs alone (write), hence `@unchecked`.
    private final class Shared: @unchecked Sendable {
        let format: (Range<Int>, ByteBuilder) -> Void
        let write: (ByteBuilder) throws -> Void
        let sets: [[ByteBuilder]]
        var error: (any Error)?
        init(format: @escaping (Range<Int>, ByteBuilder) -> Void, write: @escaping (ByteBuilder) throws -> Void, workers: Int) {
            self.format = format
            self.write = write
            sets = [(0..<workers).map { _ in ByteBuilder() }, (0..<workers).map { _ in ByteBuilder() }]
        }
    }
}
