import Foundation

/// An open-addressing hash table of strings, hashed with FNV-1a over their UTF-8 bytes.
///
/// `Set<String>` and `Dictionary<String, _>` hash with a seeded SipHash through `Hasher`; for the
/// one look-up per token at segmentation and the per-article word sets, a byte hash is several
/// times cheaper. Callers put in and look up only strings that equal each other exactly when
/// their bytes do (ASCII; NFC with every scalar below U+0300) and keep a standard collection for
/// the rest, so a hit is what the standard collections would find. The table never iterates,
/// so its layout cannot change any output.
struct WordTable: Sendable {
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private(set) var keys: [String] = []
    private var mask: Int

    init(capacity: Int = 64) {
        var n = 16
        while n < capacity * 2 { n <<= 1 }
        slots = Array(repeating: -1, count: n)
        mask = n - 1
        keys.reserveCapacity(capacity)
        hashes.reserveCapacity(capacity)
    }

    var count: Int { keys.count }

    @inline(__always) static func hash(_ s: String) -> UInt64 {
        var s = s
        return s.withUTF8 { u in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for c in u { h = (h ^ UInt64(c)) &* 0x0000_0100_0000_01B3 }
            return h ^ (h >> 29)
        }
    }

    /// The index of `s` in `keys`, or -1.
    @inline(__always) func find(_ s: String) -> Int32 {
        let h = WordTable.hash(s)
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let k = slots[i]
            if k < 0 { return -1 }
            if hashes[Int(k)] == h && keys[Int(k)] == s { return k }
            i = (i + 1) & mask
        }
    }

    @inline(__always) func contains(_ s: String) -> Bool { find(s) >= 0 }

    /// Inserts `s` if absent; returns its index in `keys`.
    @discardableResult
    mutating func insert(_ s: String) -> Int32 {
        let h = WordTable.hash(s)
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let k = slots[i]
            if k < 0 { break }
            if hashes[Int(k)] == h && keys[Int(k)] == s { return k }
            i = (i + 1) & mask
        }
        let k = Int32(keys.count)
        keys.append(s)
        hashes.append(h)
        slots[i] = k
        if keys.count * 2 > slots.count { grow() }
        return k
    }

    private mutating func grow() {
        let n = slots.count * 2
        slots = Array(repeating: -1, count: n)
        mask = n - 1
        for (k, h) in hashes.enumerated() {
            var i = Int(truncatingIfNeeded: h) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(k)
        }
    }

    /// A copy sharing no storage with this one, for another thread.
    func deepCopy() -> WordTable {
        var c = self
        c.slots = slots.map { $0 }; c.hashes = hashes.map { $0 }; c.keys = keys.map { $0 }
        return c
    }
}

/// A set of lowercased words: `Token.latin` ones (NFC, scalars below U+0300) by their bytes in a
/// `WordTable`, others by their NFC in the table when that is latin too (`e` + U+0301 is `é`),
/// the rest in a `Set<String>`. Equal (canonically equivalent) words have the same NFC, so they
/// always land in the same half, and membership is what one `Set<String>` would say.
struct WordSet {
    private var table = WordTable(capacity: 128)
    private var other: Set<String> = []

    /// The word's key in `table`, or nil when it belongs in `other`.
    @inline(__always) private static func latinKey(_ lower: String, _ latin: Bool) -> String? {
        if latin { return lower }
        let nfc = lower.precomposedStringWithCanonicalMapping
        return nfc.utf8.allSatisfy({ $0 < 0xCC }) ? nfc : nil
    }

    /// Adds a token's `lower`; `latin` is the token's `latin`.
    @inline(__always) mutating func insert(_ lower: String, latin: Bool) {
        if let key = WordSet.latinKey(lower, latin) { table.insert(key) } else { other.insert(lower) }
    }

    @inline(__always) func contains(_ lower: String, latin: Bool) -> Bool {
        if let key = WordSet.latinKey(lower, latin) { return table.contains(key) }
        return other.contains(lower)
    }
}

/// A `Set<String>` with its ASCII members again in a `WordTable`, for ASCII queries.
///
/// An ASCII query equals (is canonically equivalent to) a member exactly when their bytes are
/// equal, unless some non-ASCII member decomposes to ASCII (`K`, Kelvin sign); such a set keeps
/// no table and every query takes the `Set`.
struct ASCIISet: Sendable {
    private(set) var all: Set<String> = []
    private var ascii: WordTable? = nil

    init(_ s: Set<String> = []) {
        all = s
        var t = WordTable(capacity: s.count)
        for w in s {
            if w.utf8.allSatisfy({ $0 < 0x80 }) { t.insert(w) }
            else if w.decomposedStringWithCanonicalMapping.utf8.allSatisfy({ $0 < 0x80 }) { ascii = nil; return }
        }
        ascii = t
    }

    /// `all.contains(w)`; `isASCII` must say whether `w` is ASCII.
    @inline(__always) func contains(_ w: String, isASCII: Bool) -> Bool {
        if isASCII, let a = ascii { return a.contains(w) }
        return all.contains(w)
    }

    func deepCopy() -> ASCIISet {
        var c = self
        c.all = Set(Array(all)); c.ascii = ascii?.deepCopy()
        return c
    }
}

/// Whether the UTF-8 bytes of `s` end with those of `suffix`.
@inline(__always) func bytesEnd(_ s: String, with suffix: String) -> Bool {
    var s = s, suffix = suffix
    return s.withUTF8 { a in
        suffix.withUTF8 { b in
            guard a.count >= b.count else { return false }
            var i = a.count - b.count, j = 0
            while j < b.count {
                if a[i] != b[j] { return false }
                i += 1; j += 1
            }
            return true
        }
    }
}
