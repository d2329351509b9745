/// Finds where bytes stop being valid UTF-8, so a reader can say `not valid UTF-8 (byte 1234)`.
public enum UTF8Validation {
    /// Decodes bytes as UTF-8, or returns the offset of the first byte of the first invalid
    /// sequence (overlong forms, surrogates and values past U+10FFFF are invalid).
    public static func decode(_ bytes: some Collection<UInt8>) -> Result<String, InvalidUTF8> {
        if let s = String(validating: bytes, as: UTF8.self) { return .success(s) }
        let offset = Array(bytes).withUnsafeBufferPointer { firstInvalidByte($0) } ?? 0
        return .failure(InvalidUTF8(byteOffset: offset))
    }

    /// The offset of the first byte that starts an invalid sequence, or nil when all is valid.
    public static func firstInvalidByte(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            let len: Int
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF // allowed range of the second byte
            switch c {
            case 0xC2...0xDF: len = 2
            case 0xE0: len = 3; lo = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: len = 3
            case 0xED: len = 3; hi = 0x9F
            case 0xF0: len = 4; lo = 0x90
            case 0xF1...0xF3: len = 4
            case 0xF4: len = 4; hi = 0x8F
            default: return i
            }
            guard i + len <= n, b[i + 1] >= lo, b[i + 1] <= hi else { return i }
            for k in 2..<len where b[i + k] & 0xC0 != 0x80 { return i }
            i += len
        }
        return nil
    }
}

/// Bytes that are not UTF-8; `byteOffset` counts from the start of the input (0-based).
public struct InvalidUTF8: Error, Sendable, Equatable {
    public var byteOffset: Int
}
