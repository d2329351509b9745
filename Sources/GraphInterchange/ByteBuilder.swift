/// A growable byte buffer that the writers fill with finished, escaped text, then hand on in one
/// call (to libxml2's `xmlTextWriterWriteRaw`, or to a file): one call per megabyte instead of
/// one per element, attribute and string, which is what made the per-call GraphML writer slow.
///
/// Escaping works on the UTF-8 bytes with a fast path for the bytes that need none.
final class ByteBuilder {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 1 << 20) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    /// The bytes so far; valid until the next append.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    func removeAll() { count = 0 }

    /// Makes room for `n` more bytes.
    @inline(__always)
    func reserve(_ n: Int) {
        if count + n > capacity { grow(count + n) }
    }

    private func grow(_ need: Int) {
        let newCapacity = max(need, capacity * 2)
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        p.update(from: base, count: count)
        base.deallocate()
        base = p
        capacity = newCapacity
    }

    @inline(__always)
    func byte(_ b: UInt8) {
        reserve(1)
        base[count] = b
        count += 1
    }

    @inline(__always)
    func append(_ s: StaticString) {
        let n = s.utf8CodeUnitCount
        reserve(n)
        (base + count).update(from: s.utf8Start, count: n)
        count += n
    }

    @inline(__always)
    func append(_ u: UnsafeBufferPointer<UInt8>) {
        reserve(u.count)
        if let p = u.baseAddress { (base + count).update(from: p, count: u.count) }
        count += u.count
    }

    /// The UTF-8 of `s` as it is (for text that needs no escaping: numbers, enum raw values).
    @inline(__always)
    func append(_ s: String) {
        var s = s
        s.withUTF8 { append($0) }
    }

    /// Decimal digits of an integer.
    func int(_ v: Int) {
        reserve(20)
        if v < 0 { base[count] = 0x2D; count += 1 }
        var n = v.magnitude
        var digits = 1
        var t = n
        while t >= 10 { t /= 10; digits += 1 }
        var p = base + count + digits
        repeat {
            p -= 1
            p.pointee = UInt8(truncatingIfNeeded: 0x30 &+ n % 10)
            n /= 10
        } while n > 0
        count += digits
    }
}

extension ByteBuilder {
    /// Character data escaped exactly as libxml2's `xmlTextWriterWriteString` does it
    /// (`xmlEncodeSpecialChars`): `<` `>` `&` `"` as entities, CR as `&#13;`, the rest as is.
    func xmlText(_ s: String) {
        // In place when the string is native UTF-8 (always on Linux): `withUTF8` needs a `var`
        // copy, which retains a string other cores are reading too.
        if s.utf8.withContiguousStorageIfAvailable({ xmlText($0) }) != nil { return }
        var s = s
        s.withUTF8 { xmlText($0) }
    }

    func xmlText(_ u: UnsafeBufferPointer<UInt8>) {
        do {
            reserve(u.count * 6)
            var out = base + count
            for b in u {
                if b > 0x3E || (b > 0x26 && b < 0x3C) {
                    out.pointee = b
                    out += 1
                    continue
                }
                switch b {
                case 0x3C: out = put(out, "&lt;")
                case 0x3E: out = put(out, "&gt;")
                case 0x26: out = put(out, "&amp;")
                case 0x22: out = put(out, "&quot;")
                case 0x0D: out = put(out, "&#13;")
                default: out.pointee = b; out += 1
                }
            }
            count = out - base
        }
    }

    /// An attribute value escaped exactly as libxml2's `xmlTextWriterWriteAttribute` does it:
    /// `"` `<` `>` `&` as entities, tab, newline and CR as character references (so they
    /// survive attribute-value normalization), everything else, UTF-8 included, as is.
    func xmlAttribute(_ s: String) {
        if s.utf8.withContiguousStorageIfAvailable({ xmlAttribute($0) }) != nil { return }
        var s = s
        s.withUTF8 { xmlAttribute($0) }
    }

    func xmlAttribute(_ u: UnsafeBufferPointer<UInt8>) {
        do {
            reserve(u.count * 6)
            var out = base + count
            for b in u {
                if b > 0x3E || (b > 0x26 && b < 0x3C) || (b > 0x22 && b < 0x26) || (b > 0x0D && b < 0x22) {
                    out.pointee = b
                    out += 1
                    continue
                }
                switch b {
                case 0x0A: out = put(out, "&#10;")
                case 0x0D: out = put(out, "&#13;")
                case 0x09: out = put(out, "&#9;")
                case 0x22: out = put(out, "&quot;")
                case 0x3C: out = put(out, "&lt;")
                case 0x3E: out = put(out, "&gt;")
                case 0x26: out = put(out, "&amp;")
                default: out.pointee = b; out += 1
                }
            }
            count = out - base
        }
    }

    @inline(__always)
    private func put(_ p: UnsafeMutablePointer<UInt8>, _ s: StaticString) -> UnsafeMutablePointer<UInt8> {
        p.update(from: s.utf8Start, count: s.utf8CodeUnitCount)
        return p + s.utf8CodeUnitCount
    }
}
