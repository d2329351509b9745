import Foundation

/// SplitMix64: a tiny, fast PRNG whose output depends only on the seed, on every platform and
/// Swift version (the standard library's `random(in:)` algorithms are not promised stable).
public struct SplitMix64: Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<n` (multiply-high, no modulo bias worth measuring for small `n`).
    public mutating func below(_ n: Int) -> Int {
        precondition(n > 0)
        return Int(next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// True with probability `percent`/100.
    public mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    public mutating func pick<T>(_ a: [T]) -> T { a[below(a.count)] }
}

/// Writes deterministic, realistic news articles in English, Swedish, French and German, each
/// with its `NAME.gold.json` (GOLD_FORMAT.md), for benchmarks and robustness tests.
///
/// Article `i` depends only on the seed and `i` (its generator is seeded with both), so a
/// corpus can be generated in any order or in parallel and is byte-identical on every run.
/// Company and person names are composed from word parts, giving thousands of distinct names;
/// deals carry amounts in every notation the extractor reads (`$10 billion`, `USD 4bn`,
/// `1,5 miljarder kronor`, `400 millions d'euros`, `150 Mio. Euro`).
///
///     let g = CorpusGenerator(seed: 7)
///     let a = g.article(0)       // a.fileName "en-000000.txt", a.content, a.gold
public struct CorpusGenerator: Sendable {
    public let seed: UInt64
    /// One article in `htmlEvery` is an HTML page (0: none).
    public var htmlEvery = 4

    public init(seed: UInt64) { self.seed = seed }

    /// One generated article.
    public struct GeneratedArticle: Sendable {
        public var id: String
        public var language: String
        public var isHTML: Bool
        /// The file content (`.txt` text or an HTML page).
        public var content: String
        /// The gold annotation, JSON.
        public var gold: String
        public var fileName: String { id + (isHTML ? ".html" : ".txt") }
    }

    /// What a run wrote.
    public struct Summary: Sendable, Equatable {
        public var articles = 0
        /// Bytes of article content (not gold).
        public var bytes = 0
    }

    static let languages = ["en", "sv", "fr", "de"]

    /// The article with index `i`.
    public func article(_ i: Int) -> GeneratedArticle {
        var rng = SplitMix64(seed: seed ^ (UInt64(i) &* 0xD1B5_4A32_D192_ED03))
        _ = rng.next()
        let lang = Self.languages[i % Self.languages.count]
        let id = "\(lang)-\(Self.pad(i, 6))"
        let isHTML = htmlEvery > 0 && (i / Self.languages.count) % htmlEvery == htmlEvery - 1
        var b = ArticleBuilder(lang: lang, rng: rng, corpusSeed: seed)
        b.compose()
        let content = isHTML ? b.html() : b.plainText()
        return GeneratedArticle(id: id, language: lang, isHTML: isHTML, content: content, gold: b.gold(id: id))
    }

    /// Articles `range`, generated on all cores (each depends only on its index, so the result
    /// is the same as one by one).
    public func articles(_ range: Range<Int>) -> [GeneratedArticle] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 16))
        let box = ResultBox(count: range.count)
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var k = w
            while k < range.count {
                box.set(k, article(range.lowerBound + k))
                k += workers
            }
        }
        return box.values.map { $0! }
    }

    /// Writes `count` articles and their gold files into `dir` (created when missing); each file
    /// goes to a temporary name first and is renamed into place.
    @discardableResult
    public func write(count: Int, to dir: String) throws -> Summary {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var summary = Summary()
        for start in stride(from: 0, to: count, by: Self.batch) {
          for a in articles(start..<min(count, start + Self.batch)) {
            try Self.writeAtomically(a.content, to: dir + "/" + a.fileName)
            try Self.writeAtomically(a.gold, to: dir + "/" + a.id + ".gold.json")
            summary.articles += 1
            summary.bytes += a.content.utf8.count
          }
        }
        return summary
    }

    /// Writes `count` articles as JSONL records (`id`, `lang`, `text` or `html`) to `path`, and
    /// their gold files into `goldDir` when given.
    @discardableResult
    public func writeJSONL(count: Int, to path: String, goldDir: String? = nil) throws -> Summary {
        if let goldDir { try FileManager.default.createDirectory(atPath: goldDir, withIntermediateDirectories: true) }
        let tmp = Self.temporaryName(for: path)
        guard FileManager.default.createFile(atPath: tmp, contents: nil),
              let out = FileHandle(forWritingAtPath: tmp) else {
            throw GeneratorError(path: path, message: "cannot create file")
        }
        var summary = Summary()
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        do {
            for a in (stride(from: 0, to: count, by: Self.batch).lazy.flatMap {
                self.articles($0..<min(count, $0 + Self.batch)) }) {
                buffer += #"{"id":"#.utf8
                JSONText.appendString(a.id, to: &buffer)
                buffer += #","lang":"#.utf8
                JSONText.appendString(a.language, to: &buffer)
                buffer += (a.isHTML ? #","html":"# : #","text":"#).utf8
                JSONText.appendString(a.content, to: &buffer)
                buffer += "}\n".utf8
                summary.articles += 1
                summary.bytes += a.content.utf8.count
                if buffer.count >= 1 << 20 {
                    try out.write(contentsOf: buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
                if let goldDir { try Self.writeAtomically(a.gold, to: goldDir + "/" + a.id + ".gold.json") }
            }
            try out.write(contentsOf: buffer)
            try out.close()
            try Self.rename(tmp, path)
        } catch {
            try? FileManager.default.removeItem(atPath: tmp)
            throw error
        }
        return summary
    }

    /// Articles generated per parallel batch.
    static let batch = 512

    static func temporaryName(for path: String) -> String {
        let dir = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        return (dir.isEmpty ? "" : dir + "/") + "." + name + ".tmp"
    }

    /// Writes through POSIX calls to a temporary file, then renames it into place
    /// (FileManager's atomic write costs several more system calls per file).
    static func writeAtomically(_ s: String, to path: String) throws {
        let tmp = temporaryName(for: path)
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw GeneratorError(path: path, message: "cannot create file: \(String(cString: strerror(errno)))") }
        var s = s
        let ok = s.withUTF8 { b -> Bool in
            var off = 0
            while off < b.count {
                let n = Foundation.write(fd, b.baseAddress! + off, b.count - off)
                if n <= 0 { return false }
                off += n
            }
            return true
        }
        close(fd)
        guard ok else {
            unlink(tmp)
            throw GeneratorError(path: path, message: "cannot write file: \(String(cString: strerror(errno)))")
        }
        try rename(tmp, path)
    }

    static func rename(_ from: String, _ to: String) throws {
        guard Foundation.rename(from, to) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: from)
            throw GeneratorError(path: to, message: "cannot rename temporary file: \(reason)")
        }
    }

    static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

/// Slots filled by concurrent workers, each index by exactly one worker.
private final class ResultBox: @unchecked Sendable {
    var values: [CorpusGenerator.GeneratedArticle?]
    private let lock = NSLock()
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ k: Int, _ a: CorpusGenerator.GeneratedArticle) {
        lock.lock()
        values[k] = a
        lock.unlock()
    }
}

/// A file the generator cannot write; one line.
public struct GeneratorError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var message: String
    public var description: String { "\(path): error: \(message)" }
}

/// JSON string escaping on bytes (quotes, backslashes, control characters).
enum JSONText {
    static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(0x22)
        for c in s.utf8 {
            switch c {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += [0x5C, 0x75, 0x30, 0x30, hex[Int(c >> 4)], hex[Int(c & 15)]]
            default: out.append(c)
            }
        }
        out.append(0x22)
    }

    static func string(_ s: String) -> String {
        var b: [UInt8] = []
        appendString(s, to: &b)
        return String(decoding: b, as: UTF8.self)
    }
}

// MARK: - Word parts and templates (data)

/// Word parts and sentence templates per language. `{A}`-style slots are filled by
/// `ArticleBuilder.fill`; `{A's}` is the genitive of A in the article's language.
enum GeneratorData {
    static let orgHeads = ["Nor", "Vel", "Quan", "Hel", "Arc", "Cor", "Bright", "Dat", "Lum", "Volt", "Kern", "Tran",
                           "Hav", "Sol", "Zen", "Ast", "Ori", "Cal", "Mer", "Pol", "Ver", "Alt", "Syn", "Vir", "Tal",
                           "Bel", "Gra", "Sil", "Fen", "Lyr", "Mar", "Nex", "Ost", "Pra", "Rho", "Sky", "Tor", "Ul",
                           "Vex", "Wyn", "Cyr", "Dor", "Ev", "Fal", "Gal", "Ix", "Jun", "Kal"]
    static let orgTails = ["vik", "ion", "tiva", "ane", "well", "apilot", "aris", "werk", "ora", "ex", "ium", "ada",
                           "eon", "ova", "ix", "yra", "antis", "ento", "lux", "dyne", "gard", "holm", "stad", "ica",
                           "ara", "ovo", "tek", "lin", "mont", "sys"]
    static let sectors = ["", "", "", "Labs", "Robotics", "Analytics", "Systems", "Cloud", "Health AI", "Data",
                          "Networks", "Energy", "Software", "Bio", "Mobility", "Security", "AI"]
    static let investorWords = ["Capital", "Ventures", "Partners", "Invest"]
    /// Legal suffixes by country; the company's country comes from its index.
    static let legalSuffixes = [["Inc.", "Corp."], ["Ltd", "plc"], ["AB"], ["ASA"], ["SA", "SAS"], ["GmbH", "AG", "SE"]]

    static let firstNames: [String: [String]] = [
        "en": ["Dana", "Marcus", "Sophie", "Noa", "James", "Olivia", "Ethan", "Grace", "Liam", "Ava", "Henry", "Chloe", "Owen", "Ruth"],
        "sv": ["Anna", "Erik", "Maja", "Johan", "Sara", "Lars", "Karin", "Nils", "Elin", "Oskar", "Ingrid", "Axel"],
        "fr": ["Claire", "Julien", "Camille", "Thomas", "Léa", "Antoine", "Élodie", "Mathieu", "Hugo", "Margaux", "Louis", "Inès"],
        "de": ["Katrin", "Markus", "Jonas", "Lena", "Oliver", "Petra", "Stefan", "Anja", "Tobias", "Julia", "Matthias", "Sabine"],
    ]
    static let surnameHeads: [String: [String]] = [
        "en": ["Whit", "Hal", "Car", "Mor", "Ash", "Brad", "Fair", "Hart", "Stan", "Wel", "Brook", "Thorn"],
        "sv": ["Lind", "Ek", "Berg", "Sjö", "Holm", "Dahl", "Ny", "Sand", "Ström", "Lund", "Björk", "Fors"],
        "fr": ["Du", "Le", "La", "Mar", "Ber", "Fon", "Gar", "Lam", "Ro", "Bel", "Mor", "Va"],
        "de": ["Hof", "Brand", "Kra", "Wolf", "Alb", "Som", "Feld", "Stein", "Berg", "Wei", "Schm", "Lang"],
    ]
    static let surnameTails: [String: [String]] = [
        "en": ["field", "ton", "ley", "ford", "wood", "well", "by", "ridge", "man", "son"],
        "sv": ["ström", "berg", "gren", "qvist", "lund", "holm", "man", "dahl", "sson", "blad"],
        "fr": ["bois", "mont", "tier", "rand", "chet", "lin", "ert", "eau", "ier", "and"],
        "de": ["mann", "t", "er", "recht", "ner", "hardt", "bauer", "ig", "inger", "hoff"],
    ]

    static let months: [String: [String]] = [
        "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        "sv": ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"],
        "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
        "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
    ]
    static let bylineWord = ["en": "By", "sv": "Av", "fr": "Par", "de": "Von"]
    static let cookieLines = [
        "en": "We use cookies to improve your experience. Accept all | Manage preferences",
        "sv": "Vi använder kakor (cookies) för att förbättra din upplevelse. Godkänn alla | Inställningar",
        "fr": "Ce site utilise des cookies pour mesurer l'audience. Tout accepter | Paramétrer",
        "de": "Wir verwenden Cookies, um Inhalte zu personalisieren. Alle akzeptieren | Einstellungen",
    ]
    static let topics = [
        "en": ["AI software for warehouse robots", "fraud detection for banks", "battery analytics", "cloud security tools", "forecasting models for grids"],
        "sv": ["AI-programvara för lagerrobotar", "bedrägeriskydd för banker", "batterianalys", "säkerhetsverktyg för molnet"],
        "fr": ["des logiciels d'IA pour la logistique", "la détection de fraude bancaire", "l'analyse de batteries", "des outils de cybersécurité"],
        "de": ["KI-Software für Lagerroboter", "Betrugserkennung für Banken", "Batterieanalyse", "Sicherheitssoftware für die Cloud"],
    ]

    /// Title templates by deal kind. Slots: {I} investor, {T} target/investee, {A} acquirer,
    /// {P1} {P2} partners, {AMT} amount, {TOPIC}.
    static let titles: [String: [String: [String]]] = [
        "en": ["investment": ["{T} raises {AMT} from {I}", "{I} invests {AMT} in {T}", "{I} backs {T} with {AMT}"],
               "acquisition": ["{A} buys {T} for {AMT}", "{A} to acquire {T} in {AMT} deal", "{A} snaps up {T}"],
               "partnership": ["{P1} and {P2} team up on {TOPIC}", "{P1} partners with {P2}"]],
        "sv": ["investment": ["{T} tar in {AMT} från {I}", "{I} investerar {AMT} i {T}"],
               "acquisition": ["{A} förvärvar {T} för {AMT}", "{A} köper {T}"],
               "partnership": ["{P1} och {P2} inleder samarbete", "{P1} i partnerskap med {P2}"]],
        "fr": ["investment": ["{T} lève {AMT} auprès de {I}", "{I} investit {AMT} dans {T}"],
               "acquisition": ["{A} rachète {T} pour {AMT}", "{A} met la main sur {T}"],
               "partnership": ["{P1} et {P2} s'associent", "{P1} noue un partenariat avec {P2}"]],
        "de": ["investment": ["{T} sammelt {AMT} bei {I} ein", "{I} investiert {AMT} in {T}"],
               "acquisition": ["{A} übernimmt {T} für {AMT}", "{A} kauft {T}"],
               "partnership": ["{P1} und {P2} starten Partnerschaft", "{P1} kooperiert mit {P2}"]],
    ]

    /// Lead sentences by deal kind; `{I!}` is the full name with legal suffix.
    static let leads: [String: [String: [String]]] = [
        "en": ["investment": ["{I!} will invest {AMT} in {T!}, the companies said on Tuesday.",
                              "{T!} has raised {AMT} in a funding round led by {I}.",
                              "{T!} said on Monday that it had secured {AMT} from {I}, its largest round so far."],
               "acquisition": ["{A!} has agreed to acquire {T!} for {AMT}.",
                               "{A!} said on Wednesday it would buy {T!} for {AMT} in cash.",
                               "{A!} has completed its acquisition of {T!}, paying {AMT}."],
               "partnership": ["{P1!} and {P2!} have signed an agreement to jointly develop {TOPIC}, the two companies said."]],
        "sv": ["investment": ["{I!} investerar {AMT} i {T!}, meddelar bolagen.",
                              "{T!} har tagit in {AMT} i en finansieringsrunda som leds av {I}."],
               "acquisition": ["{A!} förvärvar {T!} för {AMT}, meddelar bolagen på måndagen.",
                               "{A!} har slutfört köpet av {T!} för {AMT}."],
               "partnership": ["{P1!} och {P2!} har tecknat ett avtal om att gemensamt utveckla {TOPIC}."]],
        "fr": ["investment": ["{I!} investit {AMT} dans {T!}, ont annoncé les deux sociétés.",
                              "{T!} a levé {AMT} lors d'un tour de table mené par {I}."],
               "acquisition": ["{A!} a annoncé le rachat de {T!} pour {AMT}.",
                               "{A!} va racheter {T!} pour {AMT}, selon un communiqué publié mardi."],
               "partnership": ["{P1!} et {P2!} ont signé un partenariat pour développer {TOPIC}."]],
        "de": ["investment": ["{I!} investiert {AMT} in {T!}, teilten die Unternehmen mit.",
                              "{T!} hat in einer Finanzierungsrunde unter Führung von {I} {AMT} eingesammelt."],
               "acquisition": ["Die {A!} übernimmt die {T!} für {AMT}.",
                               "{A!} hat die Übernahme von {T!} für {AMT} abgeschlossen."],
               "partnership": ["{P1!} und {P2!} haben eine Partnerschaft vereinbart, um gemeinsam {TOPIC} zu entwickeln."]],
    ]

    /// Role sentences: role → templates with {P} person, {O} organization, {O's} genitive, {Y} year.
    static let roles: [String: [String: [String]]] = [
        "en": ["ceo": ["{P}, chief executive of {O}, said the deal would speed up the company's plans.",
                       "\"This is a big step for us,\" said {O's} CEO {P}.",
                       "{O} is led by CEO {P}, who took over in {Y}."],
               "founder": ["{O} was founded in {Y} by {P}.", "{P}, who co-founded {O} in {Y}, will stay on."],
               "cto": ["{P}, {O's} chief technology officer, will lead the joint team."],
               "cfo": ["{O's} chief financial officer, {P}, said the purchase would be paid in cash."],
               "chairman": ["{P}, chairman of {O}, called it a milestone."]],
        "sv": ["ceo": ["– Det här är ett stort steg för oss, säger {O's} vd {P}.", "{P}, vd för {O}, säger att affären stärker bolaget."],
               "founder": ["{O} grundades {Y} av {P}.", "{P}, som grundade {O} {Y}, blir kvar i bolaget."],
               "cto": ["{O's} teknikchef {P} ska leda arbetet."],
               "cfo": ["Enligt {O's} finanschef {P} betalas köpet kontant."],
               "chairman": ["{P}, styrelseordförande i {O}, kallar affären en milstolpe."]],
        "fr": ["ceo": ["« C'est une étape importante », a déclaré {P}, PDG de {O}.", "Le directeur général {O's}, {P}, s'est félicité de l'accord."],
               "founder": ["{O} a été fondée en {Y} par {P}.", "{P}, qui a cofondé {O} en {Y}, reste aux commandes."],
               "cto": ["{P}, directeur technique {O's}, pilotera l'équipe commune."],
               "cfo": ["Selon {P}, directeur financier {O's}, l'opération sera payée en numéraire."],
               "chairman": ["{P}, président du conseil d'administration {O's}, a salué l'accord."]],
        "de": ["ceo": ["„Das ist ein großer Schritt für uns“, sagte Vorstandschef {P} von {O}.", "{P}, Chef von {O}, sprach von einem Meilenstein."],
               "founder": ["{O} wurde {Y} von {P} gegründet.", "{O}-Gründer {P} bleibt an Bord."],
               "cto": ["{O}-Technikvorstand {P} soll das gemeinsame Team leiten."],
               "cfo": ["Finanzvorstand {P} von {O} zufolge wird der Kauf bar bezahlt."],
               "chairman": ["Der Aufsichtsratsvorsitzende {P} von {O} sprach von einem „Meilenstein“."]],
    ]

    static let competes: [String: [String]] = [
        "en": ["{O} competes with {C1} and {C2} in the market.", "The deal sharpens {O's} rivalry with {C1} and {C2}."],
        "sv": ["{O} konkurrerar med {C1} och {C2}.", "Bland {O's} konkurrenter finns {C1} och {C2}."],
        "fr": ["{O} est en concurrence avec {C1} et {C2}.", "{O} affronte des rivaux comme {C1} et {C2}."],
        "de": ["{O} konkurriert mit {C1} und {C2}.", "Zu den Konkurrenten von {O} zählen {C1} und {C2}."],
    ]

    /// Sentences without entities, for volume and variety.
    static let fillers: [String: [String]] = [
        "en": ["The terms of the agreement were not disclosed in full.", "Analysts said the move reflects growing demand for automation in the sector.",
               "The company has doubled its workforce over the past two years.", "Regulators are expected to review the transaction in the coming months.",
               "Investors have poured money into the sector since 2021.", "Shares rose 3.5% in early trading after the announcement.",
               "The start-up says its software is used by more than 200 customers.", "Neither side commented on future plans beyond the deal."],
        "sv": ["Villkoren i avtalet har inte offentliggjorts i sin helhet.", "Analytiker menar att affären speglar en växande efterfrågan på automatisering.",
               "Bolaget har fördubblat antalet anställda de senaste två åren.", "Affären väntas granskas av konkurrensmyndigheter under hösten.",
               "Aktien steg med 3,5 procent efter beskedet.", "Företaget har i dag drygt 200 kunder i Norden."],
        "fr": ["Les conditions financières n'ont pas été entièrement dévoilées.", "Selon les analystes, l'opération illustre la demande croissante d'automatisation.",
               "L'entreprise a doublé ses effectifs en deux ans.", "Les autorités de la concurrence devraient examiner la transaction dans les prochains mois.",
               "L'action a gagné 3,5 % en début de séance.", "La start-up revendique plus de 200 clients en Europe."],
        "de": ["Weitere finanzielle Details wurden nicht genannt.", "Analysten sehen in dem Schritt ein Zeichen für die wachsende Nachfrage nach Automatisierung.",
               "Das Unternehmen hat seine Belegschaft in zwei Jahren verdoppelt.", "Die Kartellbehörden müssen der Transaktion noch zustimmen.",
               "Die Aktie legte im frühen Handel um 3,5 Prozent zu.", "Das Start-up zählt nach eigenen Angaben mehr als 200 Kunden."],
    ]
}

// MARK: - One article

private struct Org {
    var name: String
    var suffix: String?
    var full: String { suffix.map { name + " " + $0 } ?? name }
}

private struct Person {
    var first: String
    var last: String
    var full: String { first + " " + last }
}

/// Composes one article: its entities, facts, text and gold.
struct ArticleBuilder {
    let lang: String
    var rng: SplitMix64
    let corpusSeed: UInt64

    private var orgs: [Org] = []
    private var people: [Person] = []
    private var bylinePerson: Person?
    private var roleFacts: [(Int, Int, String)] = [] // person, org, role
    private var deal: (kind: String, parties: [(Int, String)], amount: Int64?, currency: String?)?
    private var competePairs: [(Int, Int)] = []
    private var title = ""
    private var dateline = ""
    private var isoDate = ""
    private var cookie: String?
    private var paragraphs: [String] = []

    init(lang: String, rng: SplitMix64, corpusSeed: UInt64) {
        self.lang = lang
        self.rng = rng
        self.corpusSeed = corpusSeed
    }

    /// Pool sizes: large enough for thousands of distinct names, small enough that names recur
    /// across articles (and languages), so the graph merges them.
    static let orgPool = 6000, investorPool = 600, personPool = 20000

    private func org(_ k: Int, investor: Bool) -> Org {
        var r = SplitMix64(seed: corpusSeed ^ (UInt64(k) &* 0x9FB2_1C65_1E98_DF25) ^ (investor ? 0x5555 : 0))
        let head = r.pick(GeneratorData.orgHeads), tail = r.pick(GeneratorData.orgTails)
        if investor { return Org(name: head + tail + " " + r.pick(GeneratorData.investorWords), suffix: nil) }
        let sector = r.pick(GeneratorData.sectors)
        let name = sector.isEmpty ? head + tail : head + tail + " " + sector
        let suffix = r.pick(GeneratorData.legalSuffixes[k % GeneratorData.legalSuffixes.count])
        return Org(name: name, suffix: suffix)
    }

    private func person(_ k: Int) -> Person {
        var r = SplitMix64(seed: corpusSeed ^ (UInt64(k) &* 0xC2B2_AE3D_27D4_EB4F))
        let l = CorpusGenerator.languages[k % 4]
        return Person(first: r.pick(GeneratorData.firstNames[l]!),
                      last: r.pick(GeneratorData.surnameHeads[l]!) + r.pick(GeneratorData.surnameTails[l]!))
    }

    /// Adds an organization of the pool unless its name is already in the article.
    private mutating func addOrg(investor: Bool) -> Int {
        while true {
            let o = org(rng.below(investor ? Self.orgPool / 10 : Self.orgPool), investor: investor)
            if !orgs.contains(where: { $0.name == o.name }) { orgs.append(o); return orgs.count - 1 }
        }
    }

    private mutating func addPerson() -> Int {
        while true {
            let p = person(rng.below(Self.personPool))
            if !people.contains(where: { $0.full == p.full || $0.last == p.last }) && p.last != bylinePerson?.last {
                people.append(p)
                return people.count - 1
            }
        }
    }

    /// An amount in one of the language's notations: (text, whole units, ISO currency).
    private mutating func amount() -> (String, Int64, String) {
        let billions = rng.chance(40)
        let tenths = billions ? 10 + rng.below(190) : 0          // 1.0 ... 19.9 billion
        let millions = billions ? 0 : 5 + rng.below(900)          // 5 ... 904 million
        let value: Int64 = billions ? Int64(tenths) * 100_000_000 : Int64(millions) * 1_000_000
        func num(_ sep: String) -> String {
            if !billions { return String(millions) }
            return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10)\(sep)\(tenths % 10)"
        }
        switch lang {
        case "en":
            switch rng.below(6) {
            case 0: return ("$\(num(".")) \(billions ? "billion" : "million")", value, "USD")
            case 1: return (billions ? "USD \(num("."))bn" : "USD \(num("."))m", value, "USD")
            case 2: return ("\(num(".")) \(billions ? "billion" : "million") dollars", value, "USD")
            case 3: return ("£\(num("."))\(billions ? "bn" : "m")", value, "GBP")
            case 4: return ("€\(num("."))\(billions ? "bn" : "m")", value, "EUR")
            default: return ("$\(num("."))\(billions ? "bn" : "m")", value, "USD")
            }
        case "sv":
            let unit = billions ? "miljarder" : "miljoner"
            switch rng.below(4) {
            case 0: return ("\(num(",")) \(unit) kronor", value, "SEK")
            case 1: return ("\(num(",")) \(unit) norska kronor", value, "NOK")
            case 2: return ("\(num(",")) \(unit) dollar", value, "USD")
            default: return ("\(num(",")) \(unit) euro", value, "EUR")
            }
        case "fr":
            let unit = billions ? "milliards" : "millions"
            return rng.chance(60) ? ("\(num(",")) \(unit) d'euros", value, "EUR") : ("\(num(",")) \(unit) de dollars", value, "USD")
        default:
            switch rng.below(3) {
            case 0: return ("\(num(",")) \(billions ? "Milliarden" : "Millionen") Euro", value, "EUR")
            case 1: return billions ? ("\(num(",")) Milliarden Dollar", value, "USD") : ("\(num(",")) Mio. Euro", value, "EUR")
            default: return ("\(num(",")) \(billions ? "Milliarden" : "Millionen") Dollar", value, "USD")
            }
        }
    }

    /// The genitive of an organization name in the article's language.
    private func genitive(_ name: String) -> String {
        switch lang {
        case "en": return name + "'s"
        case "sv", "de": return name.hasSuffix("s") || name.hasSuffix("x") || name.hasSuffix("z") ? name : name + "s"
        default:
            let vowel = name.first.map { "AEIOUYH".contains($0) } ?? false
            return vowel ? "d'" + name : "de " + name
        }
    }

    /// Fills `{X}` slots: `{X}` short name, `{X!}` full name, `{X's}` genitive; on UTF-8 bytes,
    /// since this is the generator's inner loop.
    private func fill(_ template: String, _ slots: [String: Org], people ps: [String: Person] = [:],
                      text: [String: String] = [:]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(template.utf8.count + 64)
        var t = template
        t.withUTF8 { b in
            var i = 0
            while i < b.count {
                guard b[i] == 0x7B, let close = b[i...].firstIndex(of: 0x7D) else {
                    out.append(b[i])
                    i += 1
                    continue
                }
                let key = String(decoding: UnsafeBufferPointer(rebasing: b[(i + 1)..<close]), as: UTF8.self)
                let value: String
                if key.hasSuffix("'s"), let o = slots[String(key.dropLast(2))] {
                    value = genitive(o.name)
                } else if key.hasSuffix("!"), let o = slots[String(key.dropLast())] {
                    value = o.full
                } else if let o = slots[key] {
                    value = o.name
                } else if let p = ps[key] {
                    value = p.full
                } else {
                    value = text[key] ?? "{" + key + "}"
                }
                out += value.utf8
                i = close + 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    mutating func compose() {
        let year = 2019 + rng.below(7), month = 1 + rng.below(12), day = 1 + rng.below(28)
        isoDate = "\(year)-\(CorpusGenerator.pad(month, 2))-\(CorpusGenerator.pad(day, 2))"
        let monthName = GeneratorData.months[lang]![month - 1]
        switch lang {
        case "en": dateline = rng.chance(50) ? "Published on \(monthName) \(day), \(year)" : "Published on \(day) \(monthName) \(year) · \(2 + rng.below(6)) min read"
        case "sv": dateline = "Publicerad \(day) \(monthName) \(year) kl. \(CorpusGenerator.pad(6 + rng.below(14), 2)).\(CorpusGenerator.pad(rng.below(60), 2))"
        case "fr": dateline = "Publié le \(day == 1 ? "1er" : String(day)) \(monthName) \(year) à \(CorpusGenerator.pad(6 + rng.below(14), 2))h\(CorpusGenerator.pad(rng.below(60), 2))"
        default: dateline = "Veröffentlicht am \(day). \(monthName) \(year)"
        }
        bylinePerson = person(rng.below(Self.personPool))
        if rng.chance(30) { cookie = GeneratorData.cookieLines[lang] }

        let kinds = ["investment", "investment", "acquisition", "acquisition", "partnership"]
        let kind = rng.pick(kinds)
        var slots: [String: Org] = [:]
        var text: [String: String] = ["TOPIC": rng.pick(GeneratorData.topics[lang]!)]
        let main: Int
        switch kind {
        case "investment":
            let t = addOrg(investor: false), i = addOrg(investor: true)
            main = t
            slots = ["T": orgs[t], "I": orgs[i]]
            let (s, v, c) = amount()
            text["AMT"] = s
            deal = (kind, [(i, "investor"), (t, "investee")], v, c)
        case "acquisition":
            let a = addOrg(investor: false), t = addOrg(investor: false)
            main = a
            slots = ["A": orgs[a], "T": orgs[t]]
            let (s, v, c) = amount()
            text["AMT"] = s
            deal = (kind, [(a, "acquirer"), (t, "acquired")], v, c)
        default:
            let p1 = addOrg(investor: false), p2 = addOrg(investor: false)
            main = p1
            slots = ["P1": orgs[p1], "P2": orgs[p2]]
            deal = (kind, [(p1, "partner"), (p2, "partner")], nil, nil)
        }
        title = fill(rng.pick(GeneratorData.titles[lang]![kind]!), slots, text: text)
        var body: [String] = [fill(rng.pick(GeneratorData.leads[lang]![kind]!), slots, text: text)]

        // Roles: two to four, on the deal's companies.
        let roleNames = ["ceo", "ceo", "founder", "cto", "cfo", "chairman"]
        let companyIndices = deal!.parties.map(\.0).filter { orgs[$0].suffix != nil }
        for _ in 0..<(2 + rng.below(3)) {
            guard !companyIndices.isEmpty else { break }
            let o = rng.pick(companyIndices), role = rng.pick(roleNames)
            if roleFacts.contains(where: { $0.1 == o && $0.2 == role && role != "founder" }) { continue }
            let p = addPerson()
            roleFacts.append((p, o, role))
            body.append(fill(rng.pick(GeneratorData.roles[lang]![role]!), ["O": orgs[o]], people: ["P": people[p]],
                             text: ["Y": String(2005 + rng.below(15))]))
        }
        if rng.chance(50) {
            let c1 = addOrg(investor: false), c2 = addOrg(investor: false)
            competePairs = [(main, c1), (main, c2)]
            body.append(fill(rng.pick(GeneratorData.competes[lang]!), ["O": orgs[main], "C1": orgs[c1], "C2": orgs[c2]]))
        }
        var fillers = GeneratorData.fillers[lang]!
        for _ in 0..<(2 + rng.below(4)) {
            let k = rng.below(fillers.count)
            body.append(fillers.remove(at: k))
            if fillers.isEmpty { break }
        }
        // Paragraphs of one to three sentences, the lead alone first.
        paragraphs = [body[0]]
        var k = 1
        while k < body.count {
            let n = min(body.count - k, 1 + rng.below(3))
            paragraphs.append(body[k..<(k + n)].joined(separator: " "))
            k += n
        }
    }

    func plainText() -> String {
        var s = ""
        s.reserveCapacity(2048)
        if let cookie { s += cookie + "\n\n" }
        s += title + "\n\n"
        s += GeneratorData.bylineWord[lang]! + " " + bylinePerson!.full + "\n" + dateline + "\n\n"
        s += paragraphs.joined(separator: "\n\n")
        s += "\n"
        return s
    }

    func html() -> String {
        var s = "<!DOCTYPE html>\n<html lang=\"\(lang)\">\n<head>\n  <meta charset=\"utf-8\">\n"
        s.reserveCapacity(4096)
        s += "  <title>" + Self.escape(title) + " | Newswire</title>\n"
        s += "  <meta property=\"og:site_name\" content=\"Newswire\">\n"
        s += "  <meta property=\"article:published_time\" content=\"\(isoDate)T08:00:00Z\">\n"
        s += "  <script>window.dataLayer = window.dataLayer || []; dataLayer.push({page: 'article'});</script>\n</head>\n<body>\n"
        if let cookie { s += "  <div class=\"cookie-banner\">" + Self.escape(cookie) + " <button>OK</button></div>\n" }
        s += "  <header><a class=\"logo\" href=\"/\">Newswire</a><nav><a href=\"/tech\">Tech</a> | <a href=\"/deals\">Deals</a></nav></header>\n"
        s += "  <main>\n    <article>\n      <h1>" + Self.escape(title) + "</h1>\n"
        s += "      <p class=\"byline\">" + GeneratorData.bylineWord[lang]! + " <span>" + Self.escape(bylinePerson!.full)
            + "</span> &middot; <time datetime=\"\(isoDate)\">" + Self.escape(dateline) + "</time></p>\n"
        for p in paragraphs { s += "      <p>" + Self.escape(p) + "</p>\n" }
        s += "      <div class=\"share\">Share: <a href=\"#\">X</a> <a href=\"#\">LinkedIn</a></div>\n    </article>\n"
        s += "    <aside class=\"related\"><h2>Related</h2><ul><li><a href=\"/x\">More deals this week</a></li></ul></aside>\n"
        s += "  </main>\n  <footer><p>&copy; Newswire Media Ltd.</p></footer>\n</body>\n</html>\n"
        return s
    }

    static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else { return s }
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    /// The gold annotation (GOLD_FORMAT.md); the byline author is optional.
    func gold(id: String) -> String {
        var s = "{\n  \"article\": " + JSONText.string(id) + ",\n  \"lang\": " + JSONText.string(lang) + ",\n  \"entities\": [\n"
        var items: [String] = []
        for o in orgs {
            var e = "    {\"type\": \"Organization\", \"name\": " + JSONText.string(o.name)
            if o.suffix != nil { e += ", \"aliases\": [" + JSONText.string(o.full) + "]" }
            items.append(e + "}")
        }
        for p in people { items.append("    {\"type\": \"Person\", \"name\": " + JSONText.string(p.full) + "}") }
        if let b = bylinePerson, !people.contains(where: { $0.full == b.full }) {
            items.append("    {\"type\": \"Person\", \"name\": " + JSONText.string(b.full) + ", \"optional\": true}")
        }
        s += items.joined(separator: ",\n") + "\n  ],\n  \"roles\": ["
        s += roleFacts.map { "\n    {\"person\": " + JSONText.string(people[$0.0].full) + ", \"org\": "
            + JSONText.string(orgs[$0.1].name) + ", \"role\": " + JSONText.string($0.2) + "}" }.joined(separator: ",")
        s += roleFacts.isEmpty ? "],\n" : "\n  ],\n"
        s += "  \"deals\": ["
        if let d = deal {
            var roles: [String: [String]] = [:]
            for (o, r) in d.parties { roles[r, default: []].append(orgs[o].name) }
            let parties = roles.keys.sorted().map { JSONText.string($0) + ": [" + roles[$0]!.map(JSONText.string).joined(separator: ", ") + "]" }
            s += "\n    {\"kind\": " + JSONText.string(d.kind) + ", \"parties\": {" + parties.joined(separator: ", ") + "}"
            if let a = d.amount, let c = d.currency { s += ", \"amount\": \(a), \"currency\": " + JSONText.string(c) }
            s += "}\n  ],\n"
        } else {
            s += "],\n"
        }
        s += "  \"competes\": [" + competePairs.map { "[" + JSONText.string(orgs[$0.0].name) + ", " + JSONText.string(orgs[$0.1].name) + "]" }
            .joined(separator: ", ") + "],\n"
        s += "  \"products\": []\n}\n"
        return s
    }
}
