import Foundation

/// Turns names into the slug part of a stable id: `Brad Smith` → `brad-smith`,
/// `Lumière Robotique` → `lumiere-robotique`, `Run:ai` → `run-ai`.
///
/// Only the name decides the slug (never order, counters or hash seeds), so the same entity
/// has the same id in every build. Letters of any script are kept, lowercased; Latin diacritics
/// are folded; everything else separates words.
public enum Slug {
    public static func make(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive],
                                  locale: Locale(identifier: "en_US_POSIX"))
        var out = String.UnicodeScalarView()
        var pendingDash = false
        for s in folded.unicodeScalars {
            let keep: Bool
            switch s.value {
            case 0x61...0x7A, 0x30...0x39: keep = true
            case 0..<0x80: keep = false
            default: keep = s.properties.isAlphabetic || s.properties.numericType != nil
                || s.properties.isEmojiPresentation
            }
            if keep {
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                out.append(s)
            } else {
                pendingDash = true
            }
        }
        if out.isEmpty { return "x" }
        return String(out)
    }

    /// `org:openai` for an Organization named `OpenAI`.
    public static func id(_ type: NodeType, _ name: String) -> String {
        "\(type.idPrefix):\(make(name))"
    }
}

extension Slug {
    /// The key two spellings of one name share: `Open AI` and `OpenAI` → `openai`,
    /// `Lumière Robotique` → `lumiererobotique`.
    public static func matchKey(_ name: String) -> String {
        make(name).replacingOccurrences(of: "-", with: "")
    }
}
