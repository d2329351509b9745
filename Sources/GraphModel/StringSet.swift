/// A set of strings that costs no heap object of its own when it holds none or one item, which
/// is what almost every `aliases`, `sources` and `roles` list holds.
///
/// `Set<String>` allocates a hash table (about 128 bytes) even for one item: at 1,000,000 nodes
/// and 3,000,000 edges that was 8,000,000 tables, about 1 GB. Here one item is stored inline
/// (a string of up to 15 UTF-8 bytes has no heap buffer either) and more items are one sorted
/// array. Items are unique and kept in `String`'s order (`<`), so equality, hashing and
/// iteration follow `Set<String>`'s semantics (canonically equivalent strings are one item) and
/// iteration order is deterministic.
///
///     var s: StringSet = ["b", "a"]
///     s.insert("a")          // (inserted: false, ...)
///     s.formUnion(["c"])     // ["a", "b", "c"]
///
/// - Complexity: `contains` O(log n); `insert` O(n); `formUnion` O(n + m) for another
///   `StringSet`. The lists of a news graph hold a handful of items.
public struct StringSet: Sendable, Hashable, RandomAccessCollection, ExpressibleByArrayLiteral,
    CustomStringConvertible {
    /// `many` holds at least two items, strictly ascending.
    @usableFromInline
    enum Storage: Sendable {
        case empty
        case one(String)
        case many([String])
    }

    @usableFromInline
    var storage: Storage

    @inlinable
    public init() { storage = .empty }

    /// The distinct items of `items` (canonically equivalent strings count once).
    public init<S: Sequence>(_ items: S) where S.Element == String {
        if let s = items as? StringSet { self = s; return }
        var a = Array(items)
        switch a.count {
        case 0: storage = .empty
        case 1: storage = .one(a[0])
        case 2:
            storage = a[0] == a[1] ? .one(a[0]) : .many(a[0] < a[1] ? a : [a[1], a[0]])
        default:
            a.sort()
            var w = 1
            for r in 1..<a.count where a[r] != a[w - 1] {
                if w != r { a.swapAt(w, r) }
                w += 1
            }
            a.removeSubrange(w...)
            storage = w == 1 ? .one(a[0]) : .many(a)
        }
    }

    public init(arrayLiteral elements: String...) { self.init(elements) }

    // MARK: Collection

    @inlinable public var startIndex: Int { 0 }

    @inlinable
    public var endIndex: Int {
        switch storage {
        case .empty: 0
        case .one: 1
        case .many(let a): a.count
        }
    }

    @inlinable
    public subscript(i: Int) -> String {
        switch storage {
        case .empty: preconditionFailure("index out of range")
        case .one(let s):
            precondition(i == 0, "index out of range")
            return s
        case .many(let a): return a[i]
        }
    }

    @inlinable
    public var isEmpty: Bool {
        if case .empty = storage { return true }
        return false
    }

    /// The only item of a one-item set, without touching an array (the writers' common case).
    @inlinable
    public var single: String? {
        if case .one(let s) = storage { return s }
        return nil
    }

    // MARK: Set operations

    /// Where `s` is, or where it would go to keep the order.
    @usableFromInline
    static func search(_ a: [String], _ s: String) -> (found: Bool, at: Int) {
        var lo = 0, hi = a.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if a[mid] < s { lo = mid + 1 } else { hi = mid }
        }
        return (lo < a.count && a[lo] == s, lo)
    }

    @inlinable
    public func contains(_ s: String) -> Bool {
        switch storage {
        case .empty: false
        case .one(let x): x == s
        case .many(let a): StringSet.search(a, s).found
        }
    }

    @discardableResult
    public mutating func insert(_ s: String) -> (inserted: Bool, memberAfterInsert: String) {
        switch storage {
        case .empty:
            storage = .one(s)
        case .one(let x):
            if x == s { return (false, x) }
            storage = .many(x < s ? [x, s] : [s, x])
        case .many(var a):
            let (found, at) = StringSet.search(a, s)
            if found { return (false, a[at]) }
            storage = .empty   // `a` is now the array's only reference: inserted in place
            a.insert(s, at: at)
            storage = .many(a)
        }
        return (true, s)
    }

    @discardableResult
    public mutating func remove(_ s: String) -> String? {
        switch storage {
        case .empty:
            return nil
        case .one(let x):
            guard x == s else { return nil }
            storage = .empty
            return x
        case .many(var a):
            let (found, at) = StringSet.search(a, s)
            guard found else { return nil }
            storage = .empty
            let x = a.remove(at: at)
            storage = a.count == 1 ? .one(a[0]) : .many(a)
            return x
        }
    }

    /// Adds the items of `other`: a merge of two sorted runs.
    public mutating func formUnion(_ other: StringSet) {
        switch (storage, other.storage) {
        case (_, .empty): return
        case (.empty, _): self = other
        case (_, .one(let s)): insert(s)
        default:
            let a = Array(self), b = Array(other)
            var out: [String] = []
            out.reserveCapacity(a.count + b.count)
            var i = 0, j = 0
            while i < a.count && j < b.count {
                if a[i] < b[j] { out.append(a[i]); i += 1 }
                else if b[j] < a[i] { out.append(b[j]); j += 1 }
                else { out.append(a[i]); i += 1; j += 1 }
            }
            out.append(contentsOf: a[i...])
            out.append(contentsOf: b[j...])
            storage = .many(out)
        }
    }

    public mutating func formUnion<S: Sequence>(_ other: S) where S.Element == String {
        if let o = other as? StringSet { return formUnion(o) }
        for s in other { insert(s) }
    }

    public func union(_ other: StringSet) -> StringSet {
        var r = self
        r.formUnion(other)
        return r
    }

    public func union<S: Sequence>(_ other: S) -> StringSet where S.Element == String {
        var r = self
        r.formUnion(other)
        return r
    }

    /// The items of `self` that are not in `other`, in order.
    public func subtracting(_ other: StringSet) -> StringSet {
        if other.isEmpty { return self }
        var r = StringSet()
        for s in self where !other.contains(s) { r.appendInOrder(s) }
        return r
    }

    public func intersection(_ other: StringSet) -> StringSet {
        var r = StringSet()
        for s in self where other.contains(s) { r.appendInOrder(s) }
        return r
    }

    public func isSubset(of other: StringSet) -> Bool {
        count <= other.count && allSatisfy { other.contains($0) }
    }

    /// Appends an item known to sort after every item already held.
    private mutating func appendInOrder(_ s: String) {
        switch storage {
        case .empty: storage = .one(s)
        case .one(let x): storage = .many([x, s])
        case .many(var a):
            storage = .empty
            a.append(s)
            storage = .many(a)
        }
    }

    /// The items in ascending order: the stored array, no sorting.
    @inlinable
    public func sorted() -> [String] {
        switch storage {
        case .empty: []
        case .one(let s): [s]
        case .many(let a): a
        }
    }

    // MARK: Hashable, description

    public static func == (a: StringSet, b: StringSet) -> Bool {
        switch (a.storage, b.storage) {
        case (.empty, .empty): true
        case (.one(let x), .one(let y)): x == y
        case (.many(let x), .many(let y)): x == y
        default: false
        }
    }

    public func hash(into h: inout Hasher) {
        h.combine(count)
        for s in self { h.combine(s) }
    }

    public var description: String { sorted().description }
}

extension StringSet: Codable {
    /// Encoded as a JSON array, as `Set<String>` is.
    public init(from decoder: any Decoder) throws {
        var c = try decoder.unkeyedContainer()
        var a: [String] = []
        while !c.isAtEnd { a.append(try c.decode(String.self)) }
        self.init(a)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.unkeyedContainer()
        for s in self { try c.encode(s) }
    }
}
