import Foundation

/// Word ids: every word the packs name gets an `Int32` id once, at load. A token looks its
/// lowercased word up once, at segmentation, and the rules then index arrays by that id instead
/// of hashing the word's string again for each table (titles, triggers, lexicon, ...).
///
/// Ids `0..<ruleWordCount` are the words that key a rule table or open a lexicon name, so the
/// per-language arrays stay that short; the words that only carry role bits (places, first
/// names, stopwords) come after. A word the packs do not name has id -1: it matches no table,
/// exactly as its string would find no key.
struct WordIDs: Sendable {
    var ids: [String: Int32] = [:]
    var words: [String] = []
    /// Ids below this key rule tables; see the type's comment.
    var ruleWordCount = 0
    /// The words again in NFC, in a byte-hashed table (`latinIDs[i]` is the id of `latin.keys[i]`),
    /// for `Token.latin` words: a word equals (is canonically equivalent to) such an NFC string
    /// exactly when its NFC has the same bytes, so this finds what `ids` would, without SipHash.
    var latin = WordTable()
    var latinIDs: [Int32] = []
    /// Whether a word is latin and already in NFC: a latin token with its id then has exactly its
    /// bytes, so answers computed on the word's bytes (`isOrgCue`'s suffixes) hold for the token.
    var sameBytes: [Bool] = []

    @inline(__always) func id(_ w: String) -> Int32 { ids[w] ?? -1 }

    /// The id of a token's `lower`; `latin` is the token's `latin`.
    @inline(__always) func id(_ lower: String, latin isLatin: Bool) -> Int32 {
        if isLatin {
            let i = latin.find(lower)
            return i < 0 ? -1 : latinIDs[Int(i)]
        }
        return ids[lower] ?? -1
    }

    @discardableResult
    mutating func add(_ w: String) -> Int32 {
        if let i = ids[w] { return i }
        let i = Int32(words.count)
        ids[w] = i
        words.append(w)
        return i
    }

    /// Builds `latin` once every word is added. Words whose NFC has a scalar from U+0300 on
    /// can never equal a latin token and stay out.
    mutating func indexLatin() {
        var t = WordTable(capacity: words.count)
        var values: [Int32] = []
        sameBytes = Array(repeating: false, count: words.count)
        for (i, w) in words.enumerated() {
            let nfc = w.utf8.allSatisfy({ $0 < 0x80 }) ? w : w.precomposedStringWithCanonicalMapping
            guard nfc.utf8.allSatisfy({ $0 < 0xCC }) else { continue }
            sameBytes[i] = nfc.utf8.elementsEqual(w.utf8)
            if t.insert(nfc) == Int32(values.count) { values.append(Int32(i)) }
        }
        latin = t
        latinIDs = values
    }
}

/// A lexicon name (or product) as the ids of its words, under the id of its first word.
struct LexiconCandidate: Sendable {
    var ids: [Int32]
    var name: Knowledge.LexiconName
}

/// Per-id tables of one language's rules, parallel to the `*Index` dictionaries they mirror.
struct RuleTables: Sendable {
    var titles: [[Int]] = []
    var triggers: [[Int]] = []
    var references: [[Int]] = []
    var hedges: [[(pattern: [String], negation: Bool)]] = []
    var competition: [[[String]]] = []
    var currencies: [[Int]] = []
    var determiner: [Bool] = []

    init() {}

    init(_ r: Knowledge.Rules, _ w: WordIDs) {
        let n = w.ruleWordCount
        titles = Array(repeating: [], count: n); triggers = titles; references = titles; currencies = titles
        hedges = Array(repeating: [], count: n); competition = Array(repeating: [], count: n)
        determiner = Array(repeating: false, count: n)
        // Every key below was given an id under `ruleWordCount` by `Knowledge.buildWordIDs`.
        for (k, v) in r.titleIndex { titles[Int(w.id(k))] = v }
        for (k, v) in r.triggerIndex { triggers[Int(w.id(k))] = v }
        for (k, v) in r.referenceIndex { references[Int(w.id(k))] = v }
        for (k, v) in r.hedgeIndex { hedges[Int(w.id(k))] = v }
        for (k, v) in r.competitionIndex { competition[Int(w.id(k))] = v }
        for (k, v) in r.money.currencyIndex { currencies[Int(w.id(k))] = v }
        for d in r.determiners { determiner[Int(w.id(d))] = true }
    }

    func deepCopy() -> RuleTables {
        var c = RuleTables()
        c.titles = titles.map { $0.map { $0 } }; c.triggers = triggers.map { $0.map { $0 } }
        c.references = references.map { $0.map { $0 } }; c.currencies = currencies.map { $0.map { $0 } }
        c.hedges = hedges.map { $0.map { ($0.pattern.map { $0 }, $0.negation) } }
        c.competition = competition.map { $0.map { $0.map { $0 } } }
        c.determiner = determiner.map { $0 }
        return c
    }
}

/// A word id as an array index when the word keys a rule table (`count` long), else nil.
@inline(__always) func ruleIndex(_ id: Int32, _ count: Int) -> Int? {
    let i = Int(id)
    return i >= 0 && i < count ? i : nil
}

extension Knowledge.Rules {
    private static let none: [Int] = []

    /// `titleIndex[t.lower] ?? []`, by the token's id (ids, not tokens, are passed: a `Token`
    /// argument is a copy, three strings retained and released).
    @inline(__always) func titles(_ id: Int32) -> [Int] {
        guard let i = ruleIndex(id, tables.titles.count) else { return Self.none }
        return tables.titles[i]
    }

    @inline(__always) func triggers(_ id: Int32) -> [Int] {
        guard let i = ruleIndex(id, tables.triggers.count) else { return Self.none }
        return tables.triggers[i]
    }

    @inline(__always) func references(_ id: Int32) -> [Int] {
        guard let i = ruleIndex(id, tables.references.count) else { return Self.none }
        return tables.references[i]
    }

    @inline(__always) func hedges(_ id: Int32) -> [(pattern: [String], negation: Bool)] {
        guard let i = ruleIndex(id, tables.hedges.count) else { return [] }
        return tables.hedges[i]
    }

    @inline(__always) func competition(_ id: Int32) -> [[String]] {
        guard let i = ruleIndex(id, tables.competition.count) else { return [] }
        return tables.competition[i]
    }

    /// `determiners.contains(t.lower)`, by id.
    @inline(__always) func isDeterminer(_ id: Int32) -> Bool {
        guard let i = ruleIndex(id, tables.determiner.count) else { return false }
        return tables.determiner[i]
    }

    /// Whether the word opens a trigger, competition or title phrase (`triggerIndex[w] != nil || ...`).
    @inline(__always) func opensTriggerCompetitionOrTitle(_ id: Int32) -> Bool {
        guard let i = ruleIndex(id, tables.titles.count) else { return false }
        return !tables.triggers[i].isEmpty || !tables.competition[i].isEmpty || !tables.titles[i].isEmpty
    }
}

extension Knowledge {
    /// Gives ids to every word a table is keyed by, then builds the per-id tables.
    mutating func buildWordIDs() {
        var w = WordIDs()
        var ruleWords: Set<String> = []
        for r in rules.values {
            ruleWords.formUnion(r.titleIndex.keys); ruleWords.formUnion(r.triggerIndex.keys)
            ruleWords.formUnion(r.referenceIndex.keys); ruleWords.formUnion(r.hedgeIndex.keys)
            ruleWords.formUnion(r.competitionIndex.keys); ruleWords.formUnion(r.money.currencyIndex.keys)
            ruleWords.formUnion(r.determiners)
        }
        for key in lexicon.keys { ruleWords.formUnion(key) }
        for key in lexiconProducts.keys { ruleWords.formUnion(key) }
        ruleWords.formUnion(boilerplateIndex.keys)
        for s in ruleWords.sorted() { w.add(s) }
        w.ruleWordCount = w.words.count
        // Role words, the lowercased first names and the first words of multi-word places.
        for s in roleBits.keys.sorted() { w.add(s) }
        var placeHeads: Set<String> = []
        for p in places {
            let parts = p.split(separator: " ", omittingEmptySubsequences: false)
            if parts.count >= 2 { placeHeads.insert(String(parts[0])) }
        }
        for s in placeHeads.sorted() { w.add(s) }
        for s in personCues.sorted() { w.add(s) }

        var roles = Array(repeating: UInt64(0), count: w.words.count)
        for (s, bits) in roleBits { roles[Int(w.id(s))] = bits }
        for s in placeHeads { roles[Int(w.id(s))] |= WordRole.placeHead.bit }
        for s in personCues { roles[Int(w.id(s))] |= WordRole.personCue.bit }
        var orgCue = Array(repeating: false, count: w.words.count)
        for (i, s) in w.words.enumerated() { orgCue[i] = isOrgCue(s) }
        var cueSuffix = Array(repeating: Int16(-1), count: w.words.count)
        for (i, s) in w.words.enumerated() {
            if let j = orgCueSuffixes.firstIndex(where: { s.utf8.count > $0.utf8.count + 2 && s.hasSuffix($0) }) { cueSuffix[i] = Int16(j) }
        }
        orgCueSuffixByID = cueSuffix

        let n = w.ruleWordCount
        var lex = Array(repeating: [LexiconCandidate](), count: n)
        for (key, name) in lexicon { lex[Int(w.id(key[0]))].append(LexiconCandidate(ids: key.map { w.id($0) }, name: name)) }
        for i in lex.indices where lex[i].count > 1 { lex[i].sort { $0.ids.count > $1.ids.count } }
        var products = Array(repeating: [LexiconCandidate](), count: n)
        for (key, name) in lexiconProducts { products[Int(w.id(key[0]))].append(LexiconCandidate(ids: key.map { w.id($0) }, name: name)) }
        var boiler = Array(repeating: [[String]](), count: n)
        for (key, v) in boilerplateIndex { boiler[Int(w.id(key))] = v }

        for code in rules.keys {
            rules[code]!.tables = RuleTables(rules[code]!, w)
            rules[code]!.money.currencyByID = rules[code]!.tables.currencies
        }
        w.indexLatin()
        wordIDs = w
        rolesByID = roles
        orgCueByID = orgCue
        lexiconByFirst = lex
        productsByFirst = products
        boilerplateByFirst = boiler
    }

    /// The longest lexicon name starting at token `p` and ending by token `j`: its last token and entry.
    /// Same answer as trying `lexicon[lowercased words]` for each length, longest first.
    @inline(__always) func lexiconName(_ toks: [Token], _ p: Int, _ j: Int) -> (Int, LexiconName)? {
        let f = Int(toks[p].id)
        guard f >= 0 && f < lexiconByFirst.count else { return nil }
        for c in lexiconByFirst[f] where p + c.ids.count - 1 <= j && Knowledge.idsMatch(c.ids, toks, p) {
            return (p + c.ids.count - 1, c.name)
        }
        return nil
    }

    /// `lexiconProducts[lowercased words of toks[p..<p+n]]`.
    @inline(__always) func product(_ toks: [Token], _ p: Int, count n: Int) -> LexiconName? {
        let f = Int(toks[p].id)
        guard f >= 0 && f < productsByFirst.count else { return nil }
        for c in productsByFirst[f] where c.ids.count == n && Knowledge.idsMatch(c.ids, toks, p) { return c.name }
        return nil
    }

    @inline(__always) static func idsMatch(_ ids: [Int32], _ toks: [Token], _ p: Int) -> Bool {
        guard p + ids.count <= toks.count else { return false }
        var q = 1
        while q < ids.count {
            if toks[p + q].id != ids[q] { return false }
            q += 1
        }
        return true
    }

    /// `isOrgCue(t.lower)`, precomputed for the words the packs name.
    @inline(__always) func isOrgCue(_ toks: [Token], _ p: Int) -> Bool {
        let i = Int(toks[p].id)
        // The suffix test is on bytes: the cached answer holds for a token with the word's bytes.
        if i >= 0 { return toks[p].latin && wordIDs.sameBytes[i] ? orgCueByID[i] : isOrgCue(toks[p].lower) }
        // Every cue word has an id: a word without one can only end with a cue suffix.
        return !orgCueSuffixes.isEmpty && endsWithOrgCueSuffix(toks[p].lower)
    }

    /// `legalSuffixes` holds the token's text, or its text with the `.` right after it (`Corp.`).
    func isLegalSuffix(_ toks: [Token], _ i: Int) -> Bool {
        if legalSuffixSet.contains(toks[i].text, isASCII: toks[i].ascii) { return true }
        if i + 1 < toks.count, toks[i + 1].text == ".", !toks[i + 1].spaceBefore,
           legalSuffixSet.contains(toks[i].text + ".", isASCII: toks[i].ascii) { return true }
        return false
    }

    /// The first cue suffix (`*bolaget`) a word ends with, leaving more than two letters before it:
    /// `orgCueSuffixes.first { lower.utf8.count > $0.utf8.count + 2 && lower.hasSuffix($0) }`.
    func orgCueSuffix(_ toks: [Token], _ p: Int) -> String? {
        if orgCueSuffixes.isEmpty { return nil }
        if toks[p].id >= 0 && toks[p].latin && wordIDs.sameBytes[Int(toks[p].id)] {
            let i = orgCueSuffixByID[Int(toks[p].id)]
            return i < 0 ? nil : orgCueSuffixes[Int(i)]
        }
        var lower = toks[p].lower
        let isASCII = toks[p].ascii
        let found: Int? = lower.withUTF8 { u in
            let last = u.last
            for i in orgCueSuffixes.indices where u.count > orgCueSuffixBytes[i].count + 2 {
                let sfx = orgCueSuffixBytes[i]
                if isASCII {
                    // An ASCII word: `hasSuffix` of an ASCII suffix is a byte comparison, and a suffix
                    // with a character that decomposes to non-ASCII scalars cannot match.
                    switch orgCueSuffixClass[i] {
                    case 0:
                        if last == sfx.last && u.count >= sfx.count
                            && UnsafeBufferPointer(rebasing: u[(u.count - sfx.count)...]).elementsEqual(sfx) { return i }
                    case 1: if toks[p].lower.hasSuffix(orgCueSuffixes[i]) { return i }
                    default: continue
                    }
                } else {
                    // A word ending with a suffix whose last character is an ASCII letter (not `k`,
                    // which the Kelvin sign decomposes to) ends with that byte.
                    if orgCueSuffixLast[i] != 0 && orgCueSuffixLast[i] != last { continue }
                    if toks[p].lower.hasSuffix(orgCueSuffixes[i]) { return i }
                }
            }
            return nil
        }
        return found.map { orgCueSuffixes[$0] }
    }

    /// `places.contains(words joined by spaces)` for tokens `a...z`: only a place's first word can open it.
    func isPlace(_ toks: [Token], _ a: Int, _ z: Int) -> Bool {
        if a == z { return toks[a].is(.place) }
        // Role bits are set on words (and `&`) only; other tokens take the string path.
        let hasRoles = toks[a].kind == .word || toks[a].text == "&"
        if hasRoles && !toks[a].is(.placeHead) { return false }
        return places.contains(toks[a...z].map(\.lower).joined(separator: " "))
    }
}
