import Foundation

/// What the extractor knows about one language, loaded from a pack folder
/// (`LanguagePacks/<code>/`). Every pack has the same file set (`LanguagePack.files`); no Swift
/// code names a language, so a language is added by adding a folder (Guides/LanguagePacks.md).
public struct LanguagePack: Sendable {
    /// The files every pack must have. Generated ones say so in their first line.
    public static let files = [
        "pack.json", "stopwords.txt", "org-cues.txt", "org-designators.txt", "titles.tsv", "deal-triggers.tsv",
        "hedges.txt", "competition.txt", "amount-words.tsv", "product-cues.txt", "person-cues.txt",
        "references.txt", "boilerplate.txt", "determiners.txt", "grammar.tsv", "companies.jsonl",
        "first-names.txt", "legal-suffixes.txt", "currencies.tsv", "countries.txt", "places.txt", "nationalities.txt",
    ]

    public var code: String
    /// Common words, lowercased: a capitalized one at a sentence start is no name.
    public var stopwords: Set<String> = []
    /// Nouns that announce a company: `company`, `bolaget`; `*bolaget` matches a compound's end.
    public var orgCues: [String] = []
    /// Last words that make a capitalized run a company name: `Labs`, `Ventures`, `Robotics`.
    public var orgDesignators: Set<String> = []
    /// Title phrases (lowercased, space-separated) → normalized English title.
    public var titles: [(phrase: [String], title: String)] = []
    public var dealTriggers: [DealTrigger] = []
    public var hedges: [[String]] = []
    public var competition: [[String]] = []
    /// Scale words: `billion` → 1e9, `mio.` → 1e6.
    public var amountWords: [String: Double] = [:]
    public var productCues: [String] = []
    /// Honorifics (`dr`, `mr`) and speech verbs (`said`): the capitalized run next to them is a person.
    public var personCues: [String] = []
    /// Definite references to a company already named: `the company`, `företaget`, `la start-up`.
    public var references: [[String]] = []
    /// References to two companies at once (`+the pair` in references.txt): the partners of the last deal.
    public var pluralReferences: [[String]] = []
    /// Lines of boilerplate whose names do not count (`read more`, `läs också`).
    public var boilerplate: [[String]] = []
    public var companies: [LexiconEntry] = []
    /// Articles and contracted prepositions (`the`, `die`, `zur`): a capitalized word after one is a
    /// common noun unless other evidence makes it a name.
    public var determiners: Set<String> = []
    /// Function words by the role the rules read them in (`grammar.tsv`: `by	agent`, `and	conjunction`).
    public var grammar: [String: Set<String>] = [:]
    /// Whether the language capitalizes every noun (`pack.json`: `"capitalizesNouns": true`).
    public var capitalizesNouns = false
    public var firstNames: Set<String> = []
    public var legalSuffixes: Set<String> = []
    /// Currency names and symbols, lowercased, space-separated → ISO 4217.
    public var currencies: [(phrase: [String], code: String)] = []
    public var countries: Set<String> = []
    public var places: Set<String> = []
    public var nationalities: Set<String> = []

    public struct DealTrigger: Sendable {
        /// Lowercased tokens; a trailing `*` matches any ending (`invest*`).
        public var pattern: [String]
        public var kind: String
        /// How parties are read around the trigger: `active` (agent before, patient after), `passive`
        /// (patient before, agent after: `backed by`), `raise` (the subject raises money from investors
        /// named after it), `mutual` (partners), `join` (investors joining the last round), `lead`
        /// (the investors that lead a round named before).
        public var frame: String
    }

    /// Loads one pack folder; errors name the file and line.
    public init(directory: URL) throws {
        code = directory.lastPathComponent
        func lines(_ name: String) throws -> [(Int, String)] {
            let url = directory.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw LexiconError(origin: url.path, line: 0, message: "missing file (every pack has \(LanguagePack.files.count) files)")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw LexiconError(origin: url.path, line: 0, message: "not valid UTF-8")
            }
            var out: [(Int, String)] = []
            // Split on bytes: splitting the String walks grapheme clusters, slow on the big generated files.
            for (i, raw) in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
                // Trim spaces and tabs on bytes; NFC only where a line is not ASCII (data files are NFC already).
                var u = raw
                while let f = u.first, f == 0x20 || f == 0x09 || f == 0x0D { u = u.dropFirst() }
                while let l = u.last, l == 0x20 || l == 0x09 || l == 0x0D { u = u.dropLast() }
                guard let first = u.first, first != 0x23 else { continue }
                let line = String(Substring(u))
                out.append((i + 1, u.allSatisfy { $0 < 0x80 } ? line : line.precomposedStringWithCanonicalMapping))
            }
            return out
        }
        func words(_ s: String) -> [String] { Tokenizer.words(s.lowercased()) }
        func tsv(_ name: String) throws -> [(Int, String, [String])] {
            try lines(name).map { (n, l) in
                let cols = l.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
                guard cols.count >= 2 else {
                    throw LexiconError(origin: directory.appendingPathComponent(name).path, line: n,
                                       message: "expected tab-separated columns")
                }
                return (n, cols[0], Array(cols.dropFirst()))
            }
        }
        stopwords = Set(try lines("stopwords.txt").flatMap { words($0.1) })
        orgCues = try lines("org-cues.txt").map { $0.1.lowercased() }
        orgDesignators = Set(try lines("org-designators.txt").map { $0.1.lowercased() })
        titles = try tsv("titles.tsv").map { (words($0.1), $0.2[0]) }
        dealTriggers = try tsv("deal-triggers.tsv").map { n, p, cols in
            guard cols.count == 2 else {
                throw LexiconError(origin: directory.appendingPathComponent("deal-triggers.tsv").path, line: n,
                                   message: "expected PATTERN<TAB>KIND<TAB>FRAME")
            }
            return DealTrigger(pattern: p.lowercased().split(separator: " ").map(String.init), kind: cols[0], frame: cols[1])
        }
        hedges = try lines("hedges.txt").map { words($0.1) }
        competition = try lines("competition.txt").map { words($0.1) }
        for (n, w, cols) in try tsv("amount-words.tsv") {
            guard let v = Double(cols[0]) else {
                throw LexiconError(origin: directory.appendingPathComponent("amount-words.tsv").path, line: n,
                                   message: "'\(cols[0])' is not a number")
            }
            amountWords[w.lowercased()] = v
        }
        productCues = try lines("product-cues.txt").map { $0.1.lowercased() }
        personCues = try lines("person-cues.txt").map { $0.1.lowercased() }
        let refLines = try lines("references.txt")
        references = refLines.filter { !$0.1.hasPrefix("+") }.map { words($0.1) }
        pluralReferences = refLines.filter { $0.1.hasPrefix("+") }.map { words(String($0.1.dropFirst())) }
        boilerplate = try lines("boilerplate.txt").map { words($0.1) }
        determiners = Set(try lines("determiners.txt").flatMap { words($0.1) })
        for (n, word, cols) in try tsv("grammar.tsv") {
            guard WordRole(rawValue: cols[0]) != nil else {
                throw LexiconError(origin: directory.appendingPathComponent("grammar.tsv").path, line: n,
                                   message: "unknown role '\(cols[0])' (known: \(WordRole.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            grammar[cols[0], default: []].insert(word.lowercased())
        }
        if let data = FileManager.default.contents(atPath: directory.appendingPathComponent("pack.json").path),
           let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
            capitalizesNouns = obj["capitalizesNouns"] as? Bool ?? false
        } else {
            throw LexiconError(origin: directory.appendingPathComponent("pack.json").path, line: 0, message: "not a JSON object")
        }
        companies = try lines("companies.jsonl").map { n, l in
            try LexiconEntry(jsonLine: l, origin: directory.appendingPathComponent("companies.jsonl").path, line: n)
        }
        firstNames = Set(try lines("first-names.txt").map { $0.1 })
        legalSuffixes = Set(try lines("legal-suffixes.txt").map { $0.1 })
        currencies = try tsv("currencies.tsv").map { (words($0.1), $0.2[0]) }
        countries = Set(try lines("countries.txt").map { $0.1.lowercased() })
        places = Set(try lines("places.txt").map { $0.1.lowercased() })
        nationalities = Set(try lines("nationalities.txt").map { $0.1.lowercased() })
    }

    /// The packs shipped with the tool.
    public static func bundled() throws -> [LanguagePack] {
        guard let url = Bundle.module.url(forResource: "LanguagePacks", withExtension: nil) else {
            throw LexiconError(origin: "LanguagePacks", line: 0, message: "the bundled language packs are missing")
        }
        return try load(directory: url)
    }

    /// Every pack under a folder, sorted by code.
    public static func load(directory: URL) throws -> [LanguagePack] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        return try names.compactMap { name in
            var isDir: ObjCBool = false
            let u = directory.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: u.path, isDirectory: &isDir), isDir.boolValue else { return nil }
            return try LanguagePack(directory: u)
        }
    }
}

/// A named entity a user or the shipped lexicon knows: `{"name": "OpenAI", "type": "Organization",
/// "aliases": ["Open AI"], "products": ["ChatGPT"]}`; `id` is optional (derived from the name).
public struct LexiconEntry: Sendable, Hashable {
    public var name: String
    public var type: String
    public var aliases: [String]
    public var products: [String]
    public var id: String?

    public init(name: String, type: String = "Organization", aliases: [String] = [], products: [String] = [], id: String? = nil) {
        self.name = name
        self.type = type
        self.aliases = aliases
        self.products = products
        self.id = id
    }

    init(jsonLine: String, origin: String, line: Int) throws {
        guard let obj = try? JSONSerialization.jsonObject(with: Data(jsonLine.utf8)) as? [String: Any] else {
            throw LexiconError(origin: origin, line: line, message: "line is not a JSON object")
        }
        guard let name = (obj["name"] ?? obj["label"]) as? String, !name.isEmpty else {
            throw LexiconError(origin: origin, line: line, message: "entry has no \"name\"")
        }
        let type = obj["type"] as? String ?? "Organization"
        guard ["Organization", "Person", "Product", "Place"].contains(type) else {
            throw LexiconError(origin: origin, line: line, message: "unknown type '\(type)' (Organization, Person, Product, Place)")
        }
        self.init(name: name, type: type, aliases: obj["aliases"] as? [String] ?? [],
                  products: obj["products"] as? [String] ?? [], id: obj["id"] as? String)
    }

    /// Reads a user lexicon (`--lexicon FILE`): JSON Lines, one entry a line.
    public static func load(path: String) throws -> [LexiconEntry] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LexiconError(origin: path, line: 0, message: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LexiconError(origin: path, line: 0, message: "not valid UTF-8")
        }
        var out: [LexiconEntry] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let l = raw.trimmingCharacters(in: .whitespaces)
            if l.isEmpty || l.hasPrefix("#") || l.hasPrefix("//") { continue }
            out.append(try LexiconEntry(jsonLine: l, origin: path, line: i + 1))
        }
        return out
    }
}

/// A problem in a language pack or lexicon file, as `path:line: error: message`.
public struct LexiconError: Error, CustomStringConvertible, Sendable {
    public var origin: String
    public var line: Int
    public var message: String
    public var description: String {
        line > 0 ? "\(origin):\(line): error: \(message)" : "\(origin): error: \(message)"
    }
}
