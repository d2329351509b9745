/// Why a corpus path or one article cannot be read. Each description is one line in the form
/// of a compiler diagnostic: `corpus.jsonl:12: error: line is not valid JSON: ...`.
public enum CorpusError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A PATH argument that names no file or folder (thrown: nothing can be read from it).
    case notFound(path: String)
    /// A file or folder that exists but cannot be read.
    case unreadable(origin: String, reason: String)
    /// Bytes that are not UTF-8; `byteOffset` counts from the start of the file.
    case invalidUTF8(origin: String, byteOffset: Int)
    /// A JSONL line that does not parse as JSON.
    case invalidJSON(origin: String, detail: String)
    /// A JSONL record that parses but lacks what an article needs (`id`, `text` or `html`).
    case invalidRecord(origin: String, reason: String)
    /// An article id already read from another file or line.
    case duplicateID(origin: String, id: String, firstOrigin: String)
    /// An HTML page libxml2 could not read.
    case invalidHTML(origin: String, reason: String)

    /// Where the error is: a path, or `path:line` for a JSONL record.
    public var origin: String {
        switch self {
        case .notFound(let p): p
        case .unreadable(let o, _), .invalidUTF8(let o, _), .invalidJSON(let o, _), .invalidRecord(let o, _),
             .duplicateID(let o, _, _), .invalidHTML(let o, _): o
        }
    }

    public var description: String {
        let message: String
        switch self {
        case .notFound: message = "no such file or folder"
        case .unreadable(_, let r): message = "cannot read: \(r)"
        case .invalidUTF8(_, let b): message = "not valid UTF-8 (byte \(b))"
        case .invalidJSON(_, let d): message = "line is not valid JSON: \(d)"
        case .invalidRecord(_, let r): message = r
        case .duplicateID(_, let id, let first): message = "duplicate article id \(id.debugDescription) (first read from \(first))"
        case .invalidHTML(_, let r): message = "cannot parse HTML: \(r)"
        }
        return "\(CorpusError.oneLine(origin)): error: \(CorpusError.oneLine(message))"
    }

    /// Escapes line breaks and other control characters so a message stays on one line.
    static func oneLine(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return s }
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x7F { out += "\\u{\(String(u.value, radix: 16))}" } else { out.unicodeScalars.append(u) }
            }
        }
        return out
    }
}
