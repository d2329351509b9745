import Foundation
import GraphModel

/// Text helpers shared by the renderers: numbers as the exports print them, and strings made safe
/// for a terminal. Each renderer that needs a grammar's escaping (JSON, DOT) keeps its own.
enum DiffText {
    /// A deal amount as the exports spell it: whole numbers below 1e21 in plain digits
    /// (`10000000000`), others in Swift's shortest round-trip form (`0.25`, `1e+21`).
    static func number(_ x: Double) -> String {
        guard x.isFinite, x == x.rounded(.towardZero), abs(x) < 1e21 else { return x.description }
        if abs(x) < 9.0e18 { return String(Int64(x)) }
        return String(format: "%.0f", x)  // exact digits of a large whole double
    }

    /// `s` in double quotes, with `"` and `\` escaped and every character that could move the
    /// cursor or reorder text on a terminal (C0/C1 controls, DEL, line separators, bidi
    /// overrides) written as `\n`, `\t`, `\r` or `\u{202E}`; emoji and other scripts stay as is.
    static func quoted(_ s: String) -> String {
        "\"" + escaped(s, quote: true) + "\""
    }

    /// Like `quoted` without the quotes, for ids and article names, which are normally plain.
    static func escaped(_ s: String, quote: Bool = false) -> String {
        if !needsEscaping(s.utf8, quote: quote) { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 8)
        for u in s.unicodeScalars {
            switch u.value {
            case 0x22 where quote: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x09: out += "\\t"
            case 0x0D: out += "\\r"
            case 0x00..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
                out += "\\u{" + String(u.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// Fast path on UTF-8 bytes: most names hold nothing to escape. Lead bytes 0xC2 (C1 controls)
    /// and 0xE2 (separators, bidi marks) send the string to the careful path.
    private static func needsEscaping(_ bytes: String.UTF8View, quote: Bool) -> Bool {
        for b in bytes {
            if b < 0x20 || b == 0x5C || b == 0x7F || b == 0xC2 || b == 0xE2 || (quote && b == 0x22) { return true }
        }
        return false
    }

    /// `article:start-end "sentence"`: where an edge was read, on one line.
    static func evidence(_ e: Evidence?) -> String {
        guard let e else { return "none" }
        return "\(escaped(e.article)):\(e.start)-\(e.end) \(quoted(e.sentence))"
    }
}

extension DiffText {
    /// `s` bare when it is a plain token (ids, article ids, roles, dates), otherwise `quoted(s)`,
    /// so a file name with a space or a quote cannot be misread as two items.
    static func token(_ s: String) -> String {
        if s.isEmpty { return "\"\"" }
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
                 UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "@"):
                continue
            default: return quoted(s)
            }
        }
        return s
    }
}
