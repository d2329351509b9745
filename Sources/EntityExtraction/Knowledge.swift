import Foundation
import GraphModel
import NewsText

/// The language packs compiled for matching: names are recognised with the union of all packs
/// (an English article names Swedish companies), rules with the article's own pack.
struct Knowledge: Sendable {
    struct Rules: Sendable {
        var code: String
        var titles: [(phrase: [String], title: String)]
        var triggers: [LanguagePack.DealTrigger]
        var hedges: [[String]]
        var competition: [[String]]
        var references: [[String]]
        var pluralReferences: [[String]] = []
        var productCues: [String]
        var money: MoneyReader
        /// German capitalizes every noun: a capitalized cue noun there still breaks a name.
        var capitalizesNouns: Bool
        /// Articles and the like: a capitalized word right after one is a common noun, not a name,
        /// unless other evidence says so ("die Software", "a Series B round").
        var determiners: Set<String>
        /// Words that open the list of investors after a raise ("led by", "from", "leds av").
        var investorCues: [[String]]
        /// Hedges and competition phrases by first word; `true` marks a negation ("!not").
        var hedgeIndex: [String: [(pattern: [String], negation: Bool)]] = [:]
        var competitionIndex: [String: [[String]]] = [:]
        /// Trigger and title indices by first word, so a token is checked against the few
        /// patterns that can start with it, not all of them.
        var triggerIndex: [String: [Int]] = [:]
        var prefixTriggers: [Int] = []
        var titleIndex: [String: [Int]] = [:]
        var referenceIndex: [String: [Int]] = [:]
        /// The same indices by word id (`WordIDs.swift`).
        var tables = RuleTables()

        func deepCopy() -> Rules {
            var r = self
            r.tables = tables.deepCopy()
            r.money.currencyByID = r.tables.currencies
            r.determiners = Set(Array(determiners))
            r.triggers = triggers.map { $0 }; r.titles = titles.map { $0 }; r.hedges = hedges.map { $0 }
            r.competition = competition.map { $0 }; r.references = references.map { $0 }
            r.investorCues = investorCues.map { $0 }; r.productCues = productCues.map { $0 }
            r.prefixTriggers = prefixTriggers.map { $0 }
            r.money.currencies = money.currencies.map { $0 }
            r.triggerIndex = Dictionary(uniqueKeysWithValues: triggerIndex.map { ($0.key, $0.value) })
            r.titleIndex = Dictionary(uniqueKeysWithValues: titleIndex.map { ($0.key, $0.value) })
            r.referenceIndex = Dictionary(uniqueKeysWithValues: referenceIndex.map { ($0.key, $0.value) })
            r.hedgeIndex = Dictionary(uniqueKeysWithValues: hedgeIndex.map { ($0.key, $0.value) })
            r.competitionIndex = Dictionary(uniqueKeysWithValues: competitionIndex.map { ($0.key, $0.value) })
            r.money.currencyIndex = Dictionary(uniqueKeysWithValues: money.currencyIndex.map { ($0.key, $0.value) })
            r.money.scales = Dictionary(uniqueKeysWithValues: money.scales.map { ($0.key, $0.value) })
            return r
        }

        mutating func index() {
            for (i, t) in triggers.enumerated() where t.frame != "investors" {
                if t.pattern[0].hasSuffix("*") { prefixTriggers.append(i) } else { triggerIndex[t.pattern[0], default: []].append(i) }
            }
            for (i, t) in titles.enumerated() { titleIndex[t.phrase[0], default: []].append(i) }
            for (i, r) in references.enumerated() { referenceIndex[r[0], default: []].append(i) }
            for h in hedges {
                let negation = h.first == "!"
                let pat = negation ? Array(h.dropFirst()) : h
                if let f = pat.first { hedgeIndex[f, default: []].append((pat, negation)) }
            }
            for c in competition { competitionIndex[c[0], default: []].append(c) }
        }
    }

    struct LexiconName: Sendable {
        var entry: LexiconEntry
        var id: String
        /// `Slug.matchKey` of the name and of each alias, in that order, computed once at load
        /// rather than in every article that names the entry.
        var keys: [String] = []
        /// `Slug.matchKey` of the first and last space-separated words of the name, when it has two or more.
        var headAndLast: (String, String)? = nil
    }

    var rules: [String: Rules] = [:]
    var stopwords: Set<String> = []
    var orgCueWords: Set<String> = []
    var orgCueSuffixes: [String] = []
    /// How `orgCueSuffix` compares each suffix with an ASCII word (see `init`).
    var orgCueSuffixClass: [UInt8] = []
    /// The last byte of each suffix when it is an ASCII letter other than `k`, else 0.
    var orgCueSuffixLast: [UInt8] = []
    /// The UTF-8 bytes of each suffix.
    var orgCueSuffixBytes: [[UInt8]] = []
    /// The index of `orgCueSuffix` of each word the packs name, -1 for none.
    var orgCueSuffixByID: [Int16] = []
    var designators: Set<String> = []
    var firstNames: Set<String> = []
    var legalSuffixes: Set<String> = []
    var places: Set<String> = []
    var nationalities: Set<String> = []
    var personCues: Set<String> = []
    var boilerplate: [[String]] = []
    /// Boilerplate openings by first word.
    var boilerplateIndex: [String: [[String]]] = [:]
    /// Title words of every language (`ceo`, `vd`, `vorstandschef`) for trimming name runs.
    var titleWords: Set<String> = []
    /// Function words of every pack by role (`grammar.tsv`); the rules ask `word(_:is:)`.
    var grammar: [String: Set<String>] = [:]

    /// Every role of every word in one table, so a token is looked up once (at segmentation) and
    /// each rule then tests a bit (`Token.is(.agent)`).
    var roleBits: [String: UInt64] = [:]

    /// Whether a lowercased word has a role in any pack: `word("by", is: .agent)`.
    @inline(__always) func word(_ w: String, is role: WordRole) -> Bool { (roleBits[w] ?? 0) & role.bit != 0 }

    /// Scale and currency words ("Millionen", "Euro"): never part of a name.
    var moneyWords: Set<String> = []
    /// Lowercased token sequence of every lexicon name and alias → entry.
    var lexicon: [[String]: LexiconName] = [:]
    var lexiconMaxLength = 1
    /// First word of a lexicon name → the lengths (in words) of the names it starts, longest first.
    var lexiconLengths: [String: [Int]] = [:]
    /// Products of lexicon entries (lowercased) → organisation entry.
    var lexiconProducts: [[String]: LexiconName] = [:]

    /// Ids of the words the packs name, and tables by id (`WordIDs.swift`).
    var wordIDs = WordIDs()
    var rolesByID: [UInt64] = []
    var orgCueByID: [Bool] = []
    var lexiconByFirst: [[LexiconCandidate]] = []
    var productsByFirst: [[LexiconCandidate]] = []
    var boilerplateByFirst: [[[String]]] = []

    init(packs: [LanguagePack], userLexicon: [LexiconEntry]) {
        let english = packs.first { $0.code == "en" }
        for p in packs {
            stopwords.formUnion(p.stopwords)
            for (role, ws) in p.grammar { grammar[role, default: []].formUnion(ws) }
            for c in p.orgCues {
                if c.hasPrefix("*") { orgCueSuffixes.append(String(c.dropFirst())) } else { orgCueWords.insert(c) }
            }
            designators.formUnion(p.orgDesignators)
            firstNames.formUnion(p.firstNames)
            legalSuffixes.formUnion(p.legalSuffixes)
            places.formUnion(p.places)
            places.formUnion(p.countries)
            // "Frankfurt am Main", "Stratford-upon-Avon": the head alone names the place too.
            // Searched as bytes: Foundation's range(of:) on every place of GeoNames was half of the
            // start-up time.
            for pl in p.places where pl.utf8.contains(0x20) {
                for sep in Knowledge.placeHeadSeparators {
                    if let cut = ByteText.firstOffset(of: sep, in: Array(pl.utf8)) {
                        places.insert(String(decoding: Array(pl.utf8.prefix(cut)), as: UTF8.self))
                    }
                }
            }
            nationalities.formUnion(p.nationalities)
            personCues.formUnion(p.personCues)
            personCues.formUnion(p.personCues.map { $0.replacingOccurrences(of: ".", with: "") })
            boilerplate += p.boilerplate
            for t in p.titles where t.phrase.count == 1 { titleWords.insert(t.phrase[0]) }
            var titles = p.titles
            if let english, p.code != "en" { titles += english.titles.filter { t in t.phrase.allSatisfy { $0.count <= 4 } } }
            let commaDecimal = p.code != "en"
            rules[p.code] = Rules(code: p.code, titles: titles.sorted { $0.phrase.count > $1.phrase.count },
                                  triggers: p.dealTriggers, hedges: p.hedges, competition: p.competition,
                                  references: p.references.sorted { $0.count > $1.count }, pluralReferences: p.pluralReferences, productCues: p.productCues,
                                  money: MoneyReader(currencies: p.currencies + (english?.currencies.filter { $0.phrase.count == 1 && $0.phrase[0].count <= 3 } ?? []),
                                                     scales: p.amountWords, decimalComma: commaDecimal),
                                  capitalizesNouns: p.capitalizesNouns, determiners: p.determiners,
                                  investorCues: p.dealTriggers.filter { $0.frame == "investors" }.map(\.pattern))
            rules[p.code]!.index()
            moneyWords.formUnion(p.amountWords.keys)
            for c in p.currencies where c.phrase.count == 1 && c.phrase[0].count > 3 { moneyWords.insert(c.phrase[0]) }
            // ISO codes ("USD", "SEK") are money, never a name.
            for c in p.currencies { moneyWords.insert(c.code.lowercased()) }
            for e in p.companies { addLexicon(e) }
        }
        for e in userLexicon { addLexicon(e) }
        orgCueSuffixes.sort { $0.count > $1.count }
        // 0: ASCII; 1: canonically equivalent to an ASCII string (`K`); 2: can never end an ASCII word.
        orgCueSuffixClass = orgCueSuffixes.map { s in
            s.utf8.allSatisfy { $0 < 0x80 } ? 0 : s.decomposedStringWithCanonicalMapping.utf8.allSatisfy { $0 < 0x80 } ? 1 : 2
        }
        orgCueSuffixBytes = orgCueSuffixes.map { Array($0.utf8) }
        orgCueSuffixLast = orgCueSuffixes.map { s in
            guard let c = s.utf8.last, c &- 0x61 < 26 || c &- 0x41 < 26, c != 0x6B, c != 0x4B,
                  s.last.map({ String($0) == String(UnicodeScalar(c)) }) ?? false else { return 0 }
            return c
        }
        foldedFirstNames = Set(firstNames.map(Knowledge.fold))
        for b in boilerplate where !b.isEmpty { boilerplateIndex[b[0], default: []].append(b) }
        func mark(_ words: some Sequence<String>, _ role: WordRole) { for w in words { roleBits[w, default: 0] |= role.bit } }
        for (name, words) in grammar { if let r = WordRole(rawValue: name) { mark(words, r) } }
        mark(stopwords, .stopword); mark(designators, .designator); mark(nationalities, .nationality)
        mark(places, .place); mark(moneyWords, .money); mark(orgCueWords, .orgCue)
        buildWordIDs()
        placeSet = ASCIISet(places); legalSuffixSet = ASCIISet(legalSuffixes)
        firstNameSet = ASCIISet(firstNames); foldedFirstNameSet = ASCIISet(foldedFirstNames)
    }

    private mutating func addLexicon(_ e: LexiconEntry) {
        let type = NodeType(rawValue: e.type) ?? .organization
        let id = e.id ?? Slug.id(type, e.name)
        var named = LexiconName(entry: e, id: id)
        named.keys = ([e.name] + e.aliases).map(Slug.matchKey)
        named.headAndLast = ArticleExtraction.firstAndLastWord(e.name).map { (Slug.matchKey($0.0), Slug.matchKey($0.1)) }
        for n in [e.name] + e.aliases {
            let w = Tokenizer.words(n.lowercased())
            guard !w.isEmpty else { continue }
            lexicon[w] = named
            lexiconMaxLength = max(lexiconMaxLength, w.count)
            var ls = lexiconLengths[w[0], default: []]
            if !ls.contains(w.count) { ls.append(w.count); ls.sort(by: >) }
            lexiconLengths[w[0]] = ls
        }
        for p in e.products {
            let w = Tokenizer.words(p.lowercased())
            if !w.isEmpty { lexiconProducts[w] = named }
        }
    }

    static let placeHeadSeparators: [[UInt8]] = [" am ", " an der ", " upon ", " sur ", " im "].map { Array($0.utf8) }

    /// A copy whose tables are rebuilt, so it shares no reference-counted storage with this one.
    func deepCopy() -> Knowledge {
        var c = self
        func fresh<T: Hashable>(_ s: Set<T>) -> Set<T> { Set(Array(s)) }
        c.stopwords = fresh(stopwords); c.designators = fresh(designators); c.firstNames = fresh(firstNames)
        c.foldedFirstNames = fresh(foldedFirstNames); c.legalSuffixes = fresh(legalSuffixes); c.places = fresh(places)
        c.nationalities = fresh(nationalities); c.personCues = fresh(personCues); c.titleWords = fresh(titleWords)
        c.moneyWords = fresh(moneyWords); c.orgCueWords = fresh(orgCueWords)
        c.grammar = Dictionary(uniqueKeysWithValues: grammar.map { ($0.key, fresh($0.value)) })
        c.roleBits = Dictionary(uniqueKeysWithValues: roleBits.map { ($0.key, $0.value) })
        c.boilerplate = boilerplate.map { $0 }; c.orgCueSuffixes = orgCueSuffixes.map { $0 }; c.orgCueSuffixClass = orgCueSuffixClass.map { $0 }
        c.orgCueSuffixLast = orgCueSuffixLast.map { $0 }; c.orgCueSuffixBytes = orgCueSuffixBytes.map { $0.map { $0 } }; c.orgCueSuffixByID = orgCueSuffixByID.map { $0 }
        c.boilerplateIndex = Dictionary(uniqueKeysWithValues: boilerplateIndex.map { ($0.key, $0.value) })
        c.lexicon = Dictionary(uniqueKeysWithValues: lexicon.map { ($0.key, $0.value) })
        c.lexiconLengths = Dictionary(uniqueKeysWithValues: lexiconLengths.map { ($0.key, $0.value) })
        c.lexiconProducts = Dictionary(uniqueKeysWithValues: lexiconProducts.map { ($0.key, $0.value) })
        c.rules = Dictionary(uniqueKeysWithValues: rules.map { ($0.key, $0.value.deepCopy()) })
        c.wordIDs.ids = Dictionary(uniqueKeysWithValues: wordIDs.ids.map { ($0.key, $0.value) })
        c.wordIDs.words = wordIDs.words.map { $0 }
        c.placeSet = placeSet.deepCopy(); c.legalSuffixSet = legalSuffixSet.deepCopy()
        c.firstNameSet = firstNameSet.deepCopy(); c.foldedFirstNameSet = foldedFirstNameSet.deepCopy()
        c.wordIDs.latin = wordIDs.latin.deepCopy(); c.wordIDs.latinIDs = wordIDs.latinIDs.map { $0 }
        c.wordIDs.sameBytes = wordIDs.sameBytes.map { $0 }
        c.rolesByID = rolesByID.map { $0 }; c.orgCueByID = orgCueByID.map { $0 }
        c.lexiconByFirst = lexiconByFirst.map { $0.map { LexiconCandidate(ids: $0.ids.map { $0 }, name: $0.name) } }
        c.productsByFirst = productsByFirst.map { $0.map { LexiconCandidate(ids: $0.ids.map { $0 }, name: $0.name) } }
        c.boilerplateByFirst = boilerplateByFirst.map { $0.map { $0 } }
        return c
    }

    /// First names, also without their accents (`Élodie` and `Elodie`).
    var foldedFirstNames: Set<String> = []

    /// The same sets for ASCII look-ups (`ASCIISet`), built at the end of `init`.
    var placeSet = ASCIISet()
    var legalSuffixSet = ASCIISet()
    var firstNameSet = ASCIISet()
    var foldedFirstNameSet = ASCIISet()

    func isFirstName(_ name: String) -> Bool {
        firstNames.contains(name) || foldedFirstNames.contains(Knowledge.fold(name))
    }

    /// `Élodie` → `elodie`: the slug folding without separators, cheap enough for every token.
    static func fold(_ s: String) -> String { Slug.matchKey(s) }

    func isOrgCue(_ lower: String) -> Bool {
        if orgCueWords.contains(lower) { return true }
        return endsWithOrgCueSuffix(lower)
    }

    /// The suffix half of `isOrgCue` (`*bolaget`), on bytes.
    func endsWithOrgCueSuffix(_ lower: String) -> Bool {
        let n = lower.utf8.count
        for s in orgCueSuffixes where n > s.utf8.count && bytesEnd(lower, with: s) { return true }
        return false
    }

    /// "Münchner", "Stuttgarter", "Göteborgsbaserade": an adjective made of a place name.
    static let placeSuffixes = ["sbaserade", "baserade", "-based", "-baserade", "er"]

    func isPlaceDerived(_ lower: String, isASCII: Bool = false) -> Bool {
        let n = lower.utf8.count
        for suffix in Knowledge.placeSuffixes where n > suffix.utf8.count + 2 && bytesEnd(lower, with: suffix) {
            let base = String(lower.dropLast(suffix.count))
            if placeSet.contains(base, isASCII: isASCII) || placeSet.contains(String(base.dropLast()) + "en", isASCII: isASCII)
                || placeSet.contains(base + "e", isASCII: isASCII) { return true }
        }
        return false
    }

}

/// The roles a word can play for the rules; `grammar.tsv` names the grammatical ones, the other
/// files the rest. A role in `grammar.tsv` that is not listed here is an error at load.
enum WordRole: String, CaseIterable, Sendable {
    case conjunction, agent, with, of, become, becomes, founded, board, join, chaired, share, per, valuation
    case relative, led, it, headstop, pronoun, possessive
    case stopword, designator, nationality, place, money, orgCue
    /// `personCues.contains(w)`; the first word of a multi-word place (`new` of `new york`).
    case personCue, placeHead

    /// One bit per role, by declaration order; a switch, so `t.is(.agent)` folds to a constant mask.
    @inline(__always) var bit: UInt64 {
        switch self {
        case .conjunction: 1 << 0
        case .agent: 1 << 1
        case .with: 1 << 2
        case .of: 1 << 3
        case .become: 1 << 4
        case .becomes: 1 << 5
        case .founded: 1 << 6
        case .board: 1 << 7
        case .join: 1 << 8
        case .chaired: 1 << 9
        case .share: 1 << 10
        case .per: 1 << 11
        case .valuation: 1 << 12
        case .relative: 1 << 13
        case .led: 1 << 14
        case .it: 1 << 15
        case .headstop: 1 << 16
        case .pronoun: 1 << 17
        case .possessive: 1 << 18
        case .stopword: 1 << 19
        case .designator: 1 << 20
        case .nationality: 1 << 21
        case .place: 1 << 22
        case .money: 1 << 23
        case .orgCue: 1 << 24
        case .personCue: 1 << 25
        case .placeHead: 1 << 26
        }
    }
}
