import Foundation

/// Turns names into the slug part of a stable id: `Brad Smith` → `brad-smith`,
/// `Lumière Robotique` → `lumiere-robotique`, `Run:ai` → `run-ai`.
///
/// Only the name decides the slug (never order, counters or hash seeds), so the same entity
/// has the same id in every build. Letters of any script are kept, lowercased; Latin diacritics
/// are folded; everything else separates words. Pure Swift on Unicode scalars: it runs for every
/// name of every article, so it must not create locales or bridge to NSString.
public enum Slug {
    public static func make(_ name: String) -> String { build(name, separator: true) }

    /// The key two spellings of one name share: `Open AI` and `OpenAI` → `openai`,
    /// `Lumière Robotique` → `lumiererobotique`.
    public static func matchKey(_ name: String) -> String { build(name, separator: false) }

    /// `org:openai` for an Organization named `OpenAI`.
    public static func id(_ type: NodeType, _ name: String) -> String {
        "\(type.idPrefix):\(make(name))"
    }

    static func build(_ name: String, separator: Bool) -> String {
        var out = String.UnicodeScalarView()
        var pendingDash = false
        @inline(__always) func emit(_ s: Unicode.Scalar) {
            if pendingDash && separator && !out.isEmpty { out.append("-") }
            pendingDash = false
            out.append(s)
        }
        for s in name.unicodeScalars {
            let v = s.value
            if (0x61...0x7A).contains(v) || (0x30...0x39).contains(v) { emit(s); continue }
            if (0x41...0x5A).contains(v) { emit(Unicode.Scalar(v + 32)!); continue }
            if v < 0x80 { pendingDash = true; continue }
            if let folded = latinFolding[v] {
                for f in folded.unicodeScalars { emit(f) }
                continue
            }
            let p = s.properties
            if p.isAlphabetic || p.numericType != nil || p.isEmojiPresentation {
                if p.isUppercase, let l = p.lowercaseMapping.unicodeScalars.first, p.lowercaseMapping.unicodeScalars.count == 1 {
                    emit(l)
                } else {
                    emit(s)
                }
            } else if p.generalCategory == .nonspacingMark {
                continue
            } else {
                pendingDash = true
            }
        }
        if out.isEmpty { return "x" }
        return String(out)
    }

    /// Latin letters with diacritics (U+00C0–U+024F, U+1E00–U+1EFF) → lowercase base letters
    /// (`É` → `e`, `ß` → `ss`, `Ø` → `o`), computed once with Foundation's diacritic folding.
    static let latinFolding: [UInt32: String] = {
        var t: [UInt32: String] = [:]
        let ranges: [ClosedRange<UInt32>] = [0xC0...0x24F, 0x1E00...0x1EFF]
        for r in ranges {
            for v in r {
                guard let s = Unicode.Scalar(v), s.properties.isAlphabetic else { continue }
                let folded = String(String.UnicodeScalarView([s]))
                    .folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
                let ascii = folded.unicodeScalars.filter { $0.isASCII && $0.properties.isAlphabetic }
                if !ascii.isEmpty, ascii.count == folded.unicodeScalars.count {
                    t[v] = String(String.UnicodeScalarView(ascii)).lowercased()
                }
            }
        }
        t[0xDF] = "ss"   // ß
        t[0xD8] = "o"; t[0xF8] = "o"   // Ø ø
        t[0xC6] = "ae"; t[0xE6] = "ae"   // Æ æ
        t[0x152] = "oe"; t[0x153] = "oe"   // Œ œ
        t[0x141] = "l"; t[0x142] = "l"   // Ł ł
        t[0x110] = "d"; t[0x111] = "d"   // Đ đ
        t[0xD0] = "d"; t[0xF0] = "d"; t[0xDE] = "th"; t[0xFE] = "th"
        return t
    }()
}
