/// Converts UTF-8 byte offsets of a text to Unicode scalar offsets and back.
///
/// The text stage works on UTF-8 bytes, while evidence offsets count Unicode scalars (what
/// Python's `text[start:end]` uses). A scalar starts at every byte that is not a continuation
/// byte (`10xxxxxx`), so counting those converts; a checkpoint every `stride` bytes keeps each
/// lookup short.
///
///     let o = TextOffsets("Ärende: ok")
///     o.scalarOffset(ofByte: 3)   // 2 ("Ä" is two bytes)
///
/// - Complexity: O(n / stride) memory; each lookup O(stride).
public struct TextOffsets: Sendable {
    public let text: String
    /// `checkpoints[k]` is the number of scalars before byte `k * stride`.
    private let checkpoints: [Int]
    private static let stride = 256

    public init(_ text: String) {
        self.text = text
        var marks: [Int] = []
        var t = text
        t.withUTF8 { b in
            marks.reserveCapacity(b.count / Self.stride + 1)
            var count = 0
            var i = 0
            while i < b.count {
                if i % Self.stride == 0 { marks.append(count) }
                if b[i] & 0xC0 != 0x80 { count += 1 }
                i += 1
            }
            marks.append(count)
        }
        checkpoints = marks
    }

    /// The scalar offset of a byte offset; a byte inside a scalar maps to that scalar's offset
    /// plus one if it is past its first byte (offsets at scalar boundaries are exact).
    public func scalarOffset(ofByte byte: Int) -> Int {
        var t = text
        return t.withUTF8 { b in
            let target = min(max(byte, 0), b.count)
            let k = target / Self.stride
            var count = checkpoints[k]
            var i = k * Self.stride
            while i < target {
                if b[i] & 0xC0 != 0x80 { count += 1 }
                i += 1
            }
            return count
        }
    }

    /// The byte offset where a scalar offset starts (the text's byte count past the end).
    public func byteOffset(ofScalar scalar: Int) -> Int {
        // Binary search the checkpoints, then walk.
        var lo = 0, hi = checkpoints.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if checkpoints[mid] <= scalar { lo = mid } else { hi = mid - 1 }
        }
        var t = text
        return t.withUTF8 { b in
            // Scalars that start before the checkpoint byte are counted in the checkpoint; a
            // continuation byte there belongs to one of them.
            var i = min(lo * Self.stride, b.count)
            var count = checkpoints[lo]
            while i < b.count {
                if b[i] & 0xC0 != 0x80 {
                    if count == scalar { return i }
                    count += 1
                }
                i += 1
            }
            return b.count
        }
    }

    /// The number of Unicode scalars in valid UTF-8 bytes.
    public static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// Converts a byte range of `text` to a scalar range.
    public func scalarRange(ofBytes r: Range<Int>) -> Range<Int> {
        scalarOffset(ofByte: r.lowerBound)..<scalarOffset(ofByte: r.upperBound)
    }
}
