import Foundation

/// What the text stage knows about one language, read from `Languages/<code>.txt`.
///
/// Language knowledge lives in data so that a language is added by dropping one file into
/// `Sources/NewsText/Languages/` (sections `[words]`, `[abbreviations]`, `[months]`, `[datelines]`;
/// see `en.txt`); no Swift code names a language.
public struct LanguageData: Sendable, Hashable {
    /// Whether a dateline reports when the article was first published or last updated.
    public enum DatelineKind: String, Sendable, Hashable { case published, updated }

    /// ISO 639-1 code, the file name: `en`.
    public var code: String
    /// Frequent function words, lowercased.
    public var functionWords: [String]
    /// Tokens (lowercased, with their final period) after which a period does not end a sentence.
    public var abbreviations: [String]
    /// Month spellings, lowercased, each with its month number 1...12.
    public var months: [(spelling: String, month: Int)]
    /// Phrases that open a dateline line (`Published on`), longest first.
    public var datelines: [(phrase: String, kind: DatelineKind)]

    public static func == (a: LanguageData, b: LanguageData) -> Bool { a.code == b.code }
    public func hash(into h: inout Hasher) { h.combine(code) }

    /// Parses the text of one language file; `origin` names it in errors.
    public init(code: String, parsing text: String, origin: String) throws(LanguageDataError) {
        self.code = code
        functionWords = []
        abbreviations = []
        months = []
        datelines = []
        var section = ""
        var month = 0
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") && line.hasSuffix("]") {
                section = String(line.dropFirst().dropLast())
                guard ["words", "abbreviations", "months", "datelines"].contains(section) else {
                    throw LanguageDataError(origin: origin, line: n + 1, message: "unknown section '\(line)'")
                }
                continue
            }
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { $0.lowercased() }
            switch section {
            case "words": functionWords += words
            case "abbreviations": abbreviations += words
            case "months":
                month += 1
                guard month <= 12 else {
                    throw LanguageDataError(origin: origin, line: n + 1, message: "more than 12 months")
                }
                months += words.map { ($0, month) }
            case "datelines":
                guard let colon = line.firstIndex(of: ":"),
                      let kind = DatelineKind(rawValue: String(line[..<colon]).trimmingCharacters(in: .whitespaces))
                else {
                    throw LanguageDataError(origin: origin, line: n + 1,
                                            message: "expected 'published: PHRASE' or 'updated: PHRASE'")
                }
                let phrase = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                datelines.append((phrase, kind))
            default:
                throw LanguageDataError(origin: origin, line: n + 1, message: "text before the first section")
            }
        }
        if month != 0 && month != 12 {
            throw LanguageDataError(origin: origin, line: 0, message: "[months] has \(month) lines, expected 12")
        }
        datelines.sort { $0.phrase.utf8.count > $1.phrase.utf8.count }
    }

    /// Every language file shipped in the module's `Languages` folder, sorted by code.
    public static let bundled: [LanguageData] = {
        do { return try load(directory: bundledDirectory) } catch { fatalError("\(error)") }
    }()

    static var bundledDirectory: URL {
        guard let url = Bundle.module.url(forResource: "Languages", withExtension: nil) else {
            fatalError("NewsText resource folder 'Languages' is missing from the bundle")
        }
        return url
    }

    /// Loads every `<code>.txt` of a folder, sorted by code.
    public static func load(directory: URL) throws(LanguageDataError) -> [LanguageData] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw LanguageDataError(origin: directory.path, line: 0, message: "cannot list folder")
        }
        var result: [LanguageData] = []
        for name in names.sorted() where name.hasSuffix(".txt") {
            let url = directory.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path),
                  let text = String(data: data, encoding: .utf8) else {
                throw LanguageDataError(origin: url.path, line: 0, message: "cannot read file as UTF-8")
            }
            result.append(try LanguageData(code: String(name.dropLast(4)), parsing: text, origin: url.path))
        }
        return result
    }
}

/// A language file that cannot be used; one line, like a compiler diagnostic.
public struct LanguageDataError: Error, CustomStringConvertible, Sendable {
    public var origin: String
    public var line: Int
    public var message: String
    public var description: String {
        line > 0 ? "\(origin):\(line): error: \(message)" : "\(origin): error: \(message)"
    }
}
