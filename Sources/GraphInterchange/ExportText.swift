import GraphModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text rules every format shares, so GraphML, DOT, JSON-LD, GEXF and the Neo4j CSV spell the
/// same graph: the same order, the same numbers, the same list items.
enum ExportText {
    /// Byte order of UTF-8, which is code-point order: what Python's `sorted` and the validator use.
    @inline(__always)
    static func less(_ a: String, _ b: String) -> Bool { compare(a, b) < 0 }

    @inline(__always)
    static func compare(_ a: String, _ b: String) -> Int {
        let r = a.utf8.withContiguousStorageIfAvailable { pa in
            b.utf8.withContiguousStorageIfAvailable { pb -> Int in
                let n = min(pa.count, pb.count)
                if n > 0 {
                    let c = memcmp(pa.baseAddress!, pb.baseAddress!, n)
                    if c != 0 { return Int(c) }
                }
                return pa.count - pb.count
            }
        }
        if let r, let r { return r }
        return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : (a == b ? 0 : 1)
    }

    /// A set's items in code-point order. `StringSet` keeps `String`'s order, which is the
    /// same for the strings of real graphs (NFC); only when it is not are they sorted again.
    static func sorted(_ s: StringSet) -> [String] {
        let a = s.sorted()
        for i in a.indices.dropFirst() where !less(a[i - 1], a[i]) { return a.sorted(by: less) }
        return a
    }

    /// `a|b|c`: the flat spelling of a list (GRAPH_MODEL.md); `nil` for an empty list.
    static func joined(_ s: StringSet) -> String? {
        if s.isEmpty { return nil }
        if s.count == 1 { return s.first! }
        return sorted(s).joined(separator: "|")
    }

    /// The one text of a number in every format: whole numbers as plain digits
    /// (`10000000000`, never `1e10` or `10000000000.0`), others as the shortest text that reads
    /// back as the same Double (`1.5`, `2.5e-07`).
    static func number(_ v: Double) -> String {
        if v == v.rounded(.towardZero) && abs(v) < 1e21 {
            if abs(v) < 9.0e18 { return String(Int64(v)) }
            // Exact digits of a large whole double (glibc prints them exactly).
            var buf = [UInt8](repeating: 0, count: 64)
            let n = withVaList([v]) { args in buf.withUnsafeMutableBufferPointer { p in
                p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: 64) { vsnprintf($0, 64, "%.0f", args) } } }
            return String(decoding: buf[0..<Int(n)], as: UTF8.self)
        }
        return v.description
    }

    /// Fast check on bytes: could `s` hold a forbidden character? (0xEF leads U+FFFE/U+FFFF.)
    @inline(__always)
    static func mayHoldForbidden(_ s: String) -> Bool {
        anyByte(s) { b in (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D) || b == 0xEF }
    }

    /// Does any UTF-8 byte of `s` satisfy `test`? A tight loop over contiguous storage (the
    /// generic `utf8.contains` path was a hot spot in profiles).
    @inline(__always)
    static func anyByte(_ s: String, _ test: (UInt8) -> Bool) -> Bool {
        if let r = s.utf8.withContiguousStorageIfAvailable({ p -> Bool in
            for b in p where test(b) { return true }
            return false
        }) { return r }
        return s.utf8.contains(where: test)
    }

    /// Could `id` hold a character a GraphML id (`xs:NMTOKEN`, checked by libxml2 with the
    /// XML 1.0 4th-edition name tables) cannot: anything outside the BMP, such as emoji?
    @inline(__always)
    static func mayNeedIDRewrite(_ id: String) -> Bool {
        anyByte(id) { b in b >= 0xF0 || (b < 0x80 && !isASCIINameByte(b)) }
    }

    @inline(__always)
    static func isASCIINameByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
            || b == 0x2D || b == 0x2E || b == 0x5F || b == 0x3A
    }

    /// The id with every character an `xs:NMTOKEN` cannot hold spelled `u` + hex code point:
    /// `org:rocket-🚀-labs` → `org:rocket-u1f680-labs`. Deterministic, so every format and every
    /// build agree on the rewritten id.
    static func nameSafeID(_ id: String, rewritten: inout Int) -> String {
        guard mayNeedIDRewrite(id) else { return id }
        var out = ""
        var changed = false
        for u in id.unicodeScalars {
            let ok = u.isASCII ? isASCIINameByte(UInt8(u.value))
                : (u.value < 0x10000 && (u.properties.isAlphabetic || u.properties.numericType != nil))
            if ok { out.unicodeScalars.append(u) } else { out += "u" + String(u.value, radix: 16); changed = true }
        }
        if changed { rewritten += 1 }
        return out
    }

    /// `s` without the characters XML 1.0 forbids (the `Char` production: C0 controls but tab,
    /// newline and carriage return; U+FFFE and U+FFFF); `dropped` counts them.
    ///
    /// On the UTF-8 bytes: a C0 control is one byte, U+FFFE/U+FFFF are `EF BF BE`/`EF BF BF`,
    /// and no other character's encoding contains those sequences (rebuilding the string scalar
    /// by scalar was a hot spot when many strings needed cleaning).
    static func clean(_ s: String, dropped: inout Int) -> String {
        guard mayHoldForbidden(s) else { return s }
        let u = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(u.count)
        var i = 0
        while i < u.count {
            let b = u[i]
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D {
                dropped += 1
                i += 1
            } else if b == 0xEF && i + 2 < u.count && u[i + 1] == 0xBF && (u[i + 2] == 0xBE || u[i + 2] == 0xBF) {
                dropped += 1
                i += 3
            } else {
                out.append(b)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

