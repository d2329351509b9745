/// One result slot per unit of parallel work, each written by one thread and read after all
/// are done. Raw memory, so threads writing different slots never touch a shared array buffer.
///
/// It lives in the graph model because every stage that works on several cores (the build,
/// the writers, the benchmark) depends on this module.
public final class WorkSlots<T>: @unchecked Sendable {
    private let items: UnsafeMutableBufferPointer<T?>

    public init(count: Int) {
        items = .allocate(capacity: count)
        items.initialize(repeating: nil)
    }

    deinit {
        _ = items.deinitialize()
        items.deallocate()
    }

    public func set(_ i: Int, _ v: T) { items[i] = v }
    public func get(_ i: Int) -> T { items[i]! }
}
