import GraphModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads an export back into a graph, choosing the reader by extension: `.graphml` (libxml2
/// SAX2, streaming) or `.jsonld` / `.json` (byte-level JSON over the file read in chunks).
///
///     let g = try readGraph(at: "exports/graph.graphml")
///
/// - Throws: `InterchangeError` naming the file (and line) and the reason.
public func readGraph(at path: String) throws -> KnowledgeGraph {
    let lower = path.lowercased()
    if lower.hasSuffix(".graphml") || lower.hasSuffix(".xml") { return try GraphMLReader.read(path: path) }
    if lower.hasSuffix(".jsonld") || lower.hasSuffix(".json") { return try JSONLDReader.read(path: path) }
    throw InterchangeError.unsupportedExtension(path: path)
}

/// What a `BatchQueue` carries: sendable, with an empty value to leave in a taken slot.
protocol EmptyBatch: Sendable {
    init()
}

/// The elements parsed from one stretch of a file, in file order.
public struct ReadBatch: EmptyBatch {
    public internal(set) var nodes: [Node] = []
    public internal(set) var edges: [Edge] = []
    /// True when a node came after an edge in this batch: the two lists alone do not say so,
    /// and a reader of sorted exports (nodes, then edges) must know.
    public internal(set) var nodeAfterEdge = false
    /// Elements per batch: big enough that the hand-over is rare, small enough to stay in cache.
    static let size = 2048
    var count: Int { nodes.count + edges.count }
    public init() {}

    mutating func append(_ n: Node) {
        if !edges.isEmpty { nodeAfterEdge = true }
        nodes.append(n)
    }
}

/// The elements of an export in file order, in batches, parsed on a thread of its own by the
/// reader `readGraph(at:)` uses, for a consumer that needs no graph (`newsgraph diff` of two
/// sorted exports walks both side by side).
///
///     let s = try ElementStream(path: "old/graph.graphml")
///     while let batch = s.next() { ... }
///     try s.finish()
public final class ElementStream: @unchecked Sendable {
    private let queue = BatchQueue<ReadBatch>(capacity: 8)
    private let job: ProducerJob<ReadBatch>
    private var thread: ProducerJob<ReadBatch>.ThreadID?
    private var finished = false

    public init(path: String) throws {
        let lower = path.lowercased()
        let produce: @Sendable (_ emit: (ReadBatch) -> Bool) throws -> Void
        if lower.hasSuffix(".graphml") || lower.hasSuffix(".xml") {
            produce = GraphMLReader.producer(path: path)
        } else if lower.hasSuffix(".jsonld") || lower.hasSuffix(".json") {
            produce = try JSONLDReader.producer(path: path)
        } else {
            throw InterchangeError.unsupportedExtension(path: path)
        }
        job = ProducerJob(queue: queue, produce: produce)
        guard let t = job.start() else { throw InterchangeError.cannotRead(path: path, reason: "no thread to read it on") }
        thread = t
    }

    deinit { stop() }

    /// The next batch in file order; nil at the end or when reading failed (see `finish`).
    public func next() -> ReadBatch? { queue.take() }

    /// Stops reading if not at the end, waits for the thread, and throws what reading threw.
    public func finish() throws {
        stop()
        if let e = job.error { throw e }
    }

    private func stop() {
        guard !finished, let t = thread else { return }
        finished = true
        queue.cancel()
        job.join(t)
    }
}

/// Parsing and graph building on two threads: `produce` parses on a thread of its own and
/// hands batches over a bounded queue to the calling thread, which adds them to the graph.
///
/// Reading a big export is half parsing (bytes → strings, sets) and half hashing the
/// elements into the graph's dictionaries; overlapped, the two halves take the time of the
/// longer. A dedicated thread, not Dispatch: the diff reads both sides from inside
/// `concurrentPerform`, where a blocked worker could wait for a pool thread that never comes.
enum ReadPipeline {
    static func build(_ produce: @escaping @Sendable (_ emit: (ReadBatch) -> Bool) throws -> Void) throws -> KnowledgeGraph {
        let queue = BatchQueue<ReadBatch>(capacity: 8)
        let job = ProducerJob(queue: queue, produce: produce)
        guard let thread = job.start() else {
            // No thread to be had: parse and build in turn on this one.
            var g = KnowledgeGraph()
            try produce { batch in add(batch, to: &g); return true }
            return g
        }
        var g = KnowledgeGraph()
        while let batch = queue.take() { add(batch, to: &g) }
        queue.cancel()
        job.join(thread)
        if let e = job.error { throw e }
        return g
    }

    @inline(__always) static func add(_ batch: ReadBatch, to g: inout KnowledgeGraph) {
        for n in batch.nodes { g.add(n) }
        for e in batch.edges { g.add(e) }
    }
}

/// A bounded FIFO of batches between one producer and one consumer (pthread mutex and
/// conditions, allocated once so they never move).
final class BatchQueue<Batch: EmptyBatch>: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var items: [Batch] = []
    private var head = 0
    private let capacity: Int
    private var closed = false, cancelled = false

    init(capacity: Int) {
        self.capacity = capacity
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(changed, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        pthread_cond_destroy(changed)
        mutex.deallocate()
        changed.deallocate()
    }

    /// Waits for room; false when the consumer has stopped taking.
    func put(_ b: Batch) -> Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while items.count - head >= capacity && !cancelled { pthread_cond_wait(changed, mutex) }
        if cancelled { return false }
        if head > 0 && head == items.count { items.removeAll(keepingCapacity: true); head = 0 }
        items.append(b)
        pthread_cond_broadcast(changed)
        return true
    }

    /// The next batch, or nil once the producer has closed the queue and it is empty.
    func take() -> Batch? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while head == items.count && !closed { pthread_cond_wait(changed, mutex) }
        if head == items.count { return nil }
        let b = items[head]
        items[head] = Batch()  // drop the queue's reference, so the consumer owns the arrays
        head += 1
        pthread_cond_broadcast(changed)
        return b
    }

    func close() { set { $0.closed = true } }
    func cancel() { set { $0.cancelled = true } }

    private func set(_ f: (BatchQueue) -> Void) {
        pthread_mutex_lock(mutex)
        f(self)
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(mutex)
    }
}

/// The producer's thread: runs `produce`, keeps its error, closes the queue when done.
final class ProducerJob<Batch: EmptyBatch>: @unchecked Sendable {
    let queue: BatchQueue<Batch>
    let produce: @Sendable (_ emit: (Batch) -> Bool) throws -> Void
    /// Written by the producer thread before it closes the queue; read after `join`.
    var error: (any Error)?

    init(queue: BatchQueue<Batch>, produce: @escaping @Sendable (_ emit: (Batch) -> Bool) throws -> Void) {
        self.queue = queue
        self.produce = produce
    }

    func run() {
        do { try produce { queue.put($0) } } catch { self.error = error }
        queue.close()
    }

    #if canImport(Glibc)
    typealias ThreadID = pthread_t
    #else
    typealias ThreadID = pthread_t?
    #endif

    func start() -> ThreadID? {
        // A C thread entry cannot name a generic type, so it runs a non-generic box.
        let context = Unmanaged.passRetained(ThreadBody { [self] in run() }).toOpaque()
        #if canImport(Glibc)
        var t = pthread_t()
        #else
        var t: pthread_t? = nil
        #endif
        let rc = pthread_create(&t, nil, { raw in
            #if canImport(Glibc)
            let body = Unmanaged<ThreadBody>.fromOpaque(raw!).takeRetainedValue()
            #else
            let body = Unmanaged<ThreadBody>.fromOpaque(raw).takeRetainedValue()
            #endif
            body.run()
            return nil
        }, context)
        if rc != 0 {
            Unmanaged<ThreadBody>.fromOpaque(context).release()
            return nil
        }
        return t
    }

    func join(_ t: ThreadID) {
        #if canImport(Glibc)
        pthread_join(t, nil)
        #else
        if let t { pthread_join(t, nil) }
        #endif
    }
}

/// What a producer thread runs, boxed for `pthread_create`'s context pointer.
final class ThreadBody: @unchecked Sendable {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
}
