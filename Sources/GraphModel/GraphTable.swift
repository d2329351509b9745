/// An element of a `GraphTable`: it carries its own key, so the table stores no separate copy.
public protocol GraphElement: Sendable, Equatable {
    associatedtype Key: Hashable & Sendable
    /// The key the table finds this element by.
    var tableKey: Key { get }
    /// `tableKey == k`, read in place (no key built).
    func hasKey(_ k: Key) -> Bool
    /// The hash of `tableKey`, read in place; equal to `Self.hash(of: tableKey)`.
    var keyHash: Int { get }
    static func hash(of k: Key) -> Int
}

extension Node: GraphElement {
    @inlinable public var tableKey: String { id }
    @inlinable public func hasKey(_ k: String) -> Bool { id == k }
    @inlinable public var keyHash: Int { id.hashValue }
    @inlinable public static func hash(of k: String) -> Int { k.hashValue }
}

extension Edge: GraphElement {
    public var tableKey: EdgeKey { key }
    @inlinable public func hasKey(_ k: EdgeKey) -> Bool { type == k.type && source == k.source && target == k.target }
    @inlinable public var keyHash: Int { Edge.hash(source, type, target) }
    @inlinable public static func hash(of k: EdgeKey) -> Int { hash(k.source, k.type, k.target) }

    @inlinable
    static func hash(_ s: String, _ t: EdgeType, _ d: String) -> Int {
        var h = Hasher()
        h.combine(s)
        h.combine(t)
        h.combine(d)
        return h.finalize()
    }
}

/// The nodes or edges of a graph: a dictionary by key in its reading API (`table[key]`,
/// `keys`, `values`, `for (key, value) in table`), stored as one dense array in insertion order
/// plus an open-addressing index of 8-byte slots.
///
/// `[EdgeKey: Edge]` kept every key beside its value (an edge's source and target twice) and,
/// at a load factor of at most 3/4 on power-of-two tables, up to half its buckets empty but
/// full-sized: 168 bytes a bucket, 705 MB for 3,000,000 edges. Here the array holds exactly
/// the elements and an empty slot costs 8 bytes: 3,000,000 edges take 384 + 32 MB.
///
/// Iteration follows insertion order, so it no longer depends on the hash seed (callers that
/// export still sort).
///
/// - Complexity: look-up and insertion O(1) on average; removal rebuilds the table, O(n).
public struct GraphTable<Element: GraphElement>: RandomAccessCollection, Sendable, Equatable {
    public typealias Key = Element.Key
    public typealias Index = Int

    /// The elements in insertion order.
    public private(set) var values: [Element] = []
    /// 0 for an empty slot, else the high 32 bits of the key's hash above `position + 1`.
    @usableFromInline
    var slots: [UInt64] = []

    public init() {}

    public init<S: Sequence>(_ elements: S, merge: (inout Element, Element) -> Void) where S.Element == Element {
        for e in elements { insert(e, merge: merge) }
    }

    // MARK: Dictionary-like reading

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { values.count }
    @inlinable public var count: Int { values.count }
    @inlinable public var isEmpty: Bool { values.isEmpty }

    /// The element at a position, as a dictionary's `(key, value)` pair.
    @inlinable
    public subscript(position: Int) -> (key: Key, value: Element) {
        let v = values[position]
        return (v.tableKey, v)
    }

    /// The keys in the order of `values`.
    @inlinable
    public var keys: LazyMapCollection<[Element], Key> { values.lazy.map { $0.tableKey } }

    /// Inlinable, as are the look-ups below, so that other modules get them specialized for
    /// `Node` and `Edge` rather than called through the protocol's witness table.
    @inlinable
    public subscript(key: Key) -> Element? {
        guard let i = index(forKey: key) else { return nil }
        return values[i]
    }

    /// The position of the element with this key.
    @inlinable
    public func index(forKey key: Key) -> Int? {
        if slots.isEmpty { return nil }
        let h = Element.hash(of: key)
        let tag = UInt64(truncatingIfNeeded: h) & 0xFFFF_FFFF_0000_0000
        let mask = slots.count - 1
        var s = h & mask
        return values.withUnsafeBufferPointer { v in
            slots.withUnsafeBufferPointer { slots in
                while true {
                    let x = slots[s]
                    if x == 0 { return nil }
                    if x & 0xFFFF_FFFF_0000_0000 == tag {
                        let i = Int(x & 0xFFFF_FFFF) - 1
                        if v[i].hasKey(key) { return i }
                    }
                    s = (s + 1) & mask
                }
            }
        }
    }

    // MARK: Changes

    /// Adds `e`, or merges it into the element with the same key (`merge(&old, e)`).
    public mutating func insert(_ e: Element, merge: (inout Element, Element) -> Void) {
        if (values.count + 1) * 4 > slots.count * 3 { rehash(minimumCapacity: values.count + 1) }
        let h = e.keyHash
        let tag = UInt64(truncatingIfNeeded: h) & 0xFFFF_FFFF_0000_0000
        let mask = slots.count - 1
        let key = e.tableKey
        var s = h & mask
        while true {
            let x = slots[s]
            if x == 0 { break }
            if x & 0xFFFF_FFFF_0000_0000 == tag {
                let i = Int(x & 0xFFFF_FFFF) - 1
                if values[i].hasKey(key) {
                    merge(&values[i], e)
                    return
                }
            }
            s = (s + 1) & mask
        }
        precondition(values.count < Int(UInt32.max) - 1, "GraphTable: too many elements")
        slots[s] = tag | UInt64(values.count + 1)
        values.append(e)
    }

    /// Room for `n` elements without growing the array or re-indexing.
    public mutating func reserveCapacity(_ n: Int) {
        values.reserveCapacity(n)
        if n * 4 > slots.count * 3 { rehash(minimumCapacity: n) }
    }

    /// Removes every element for which `remove` is true; the others keep their order.
    public mutating func removeAll(where remove: (Element) throws -> Bool) rethrows {
        let before = values.count
        try values.removeAll(where: remove)
        if values.count != before { rehash(minimumCapacity: values.count) }
    }

    /// Rebuilds the index with room for `n` elements at a load of at most 3/4.
    private mutating func rehash(minimumCapacity n: Int) {
        var capacity = 8
        while capacity * 3 < n * 4 { capacity *= 2 }
        var slots = [UInt64](repeating: 0, count: capacity)
        let mask = capacity - 1
        for (i, e) in values.enumerated() {
            let h = e.keyHash
            var s = h & mask
            while slots[s] != 0 { s = (s + 1) & mask }
            slots[s] = UInt64(truncatingIfNeeded: h) & 0xFFFF_FFFF_0000_0000 | UInt64(i + 1)
        }
        self.slots = slots
    }

    /// Same keys with equal elements, in any order.
    public static func == (a: GraphTable, b: GraphTable) -> Bool {
        guard a.count == b.count else { return false }
        for v in a.values {
            guard let i = b.index(forKey: v.tableKey), b.values[i] == v else { return false }
        }
        return true
    }
}

public typealias NodeTable = GraphTable<Node>
public typealias EdgeTable = GraphTable<Edge>
