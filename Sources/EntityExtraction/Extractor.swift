import Foundation
import GraphModel
import NewsCorpus
import NewsText

/// Reads one article into a partial graph: a pure function of the article and the packs.
///
/// The match policy, in order (Guides/Extraction.md):
/// 1. names are runs of capitalized words, split at titles, cue nouns and common words;
/// 2. a run is an organisation when a lexicon names it, a legal suffix ends it, a designator ends it
///    (`Labs`, `Ventures`), a cue noun precedes it (`the company`, `bolaget`, `la société`) or an
///    apposition follows it (`X, a Boston start-up`); a person when a first name opens it or a title,
///    honorific or speech verb stands next to it;
/// 3. short forms (`Nordvik`), surnames (`Raman`) and `-s` genitives (`Ericssons`) join a name of
///    the same article; `the company`, `företaget`, `la start-up` refer to the last salient company;
/// 4. deals, roles, competitors and products are read per sentence around trigger words; a
///    speculative or negated trigger (`could`, `överväger`, `n'a pas`) makes nothing.
public struct Extractor: Sendable {
    let knowledge: Knowledge
    let splitter: SentenceSplitter

    public init(packs: [LanguagePack], userLexicon: [LexiconEntry] = [], splitter: SentenceSplitter = .shared) {
        knowledge = Knowledge(packs: packs, userLexicon: userLexicon)
        self.splitter = splitter
    }

    /// A copy that shares no storage with this one, for another thread.
    public func independentCopy() -> Extractor {
        Extractor(knowledge: knowledge.deepCopy(), splitter: splitter)
    }

    init(knowledge: Knowledge, splitter: SentenceSplitter) {
        self.knowledge = knowledge
        self.splitter = splitter
    }

    /// Language codes with a pack.
    public var languages: [String] { knowledge.rules.keys.sorted() }

    /// Words that may follow a one-word company name in its long form, for `CorpusMerger`.
    public var shortFormSuffixes: Set<String> { knowledge.designators }

    public func extract(_ article: Article, language: String) -> PartialGraph {
        let rules = knowledge.rules[language] ?? knowledge.rules["en"] ?? knowledge.rules.values.first!
        var bytes = Array(article.text.utf8)
        return bytes.withUnsafeBufferPointer { b in
            var a = ArticleExtraction(article: article, bytes: b, k: knowledge, rules: rules, splitter: splitter)
            a.run()
            return a.output()
        }
    }
}

struct ArticleExtraction {
    let article: Article
    let b: UnsafeBufferPointer<UInt8>
    let k: Knowledge
    let rules: Knowledge.Rules
    let splitter: SentenceSplitter
    var offsets: TextOffsets

    var sentences: [Sentence] = []
    var mentions: [Mention] = []
    var entities: [ArticleEntity] = []
    var entityIndex: [EntityKey: Int] = [:]
    var mentionsBySentence: [[Int]] = []
    /// Title spans per sentence: (first, last, title).
    var titleSpans: [[(Int, Int, String)]] = []
    var relations: [PartialRelation] = []
    var deals: [PartialDeal] = []
    var productNodes: Set<String> = []
    var openRound: (deal: Int, sentence: Int)?
    /// `args(s)` per sentence, once computed.
    var argCache: [[Arg]?] = []
    /// `Slug.matchKey` of the names of this article, computed once each.
    var keyCache: [String: String] = [:]

    mutating func matchKey(_ name: String) -> String {
        if let k = ArticleExtraction.asciiMatchKey(name) { return k }
        if let k = keyCache[name] { return k }
        let k = Slug.matchKey(name)
        keyCache[name] = k
        return k
    }
    /// `Slug.matchKey` of an ASCII name without its scalar loop: letters and digits, lowercased
    /// (`"x"` when none); nil when the name is not ASCII.
    static func asciiMatchKey(_ name: String) -> String? {
        var name = name
        return name.withUTF8 { u -> String? in
            var n = 0
            for c in u {
                if c >= 0x80 { return nil }
                if c &- 0x61 < 26 || c &- 0x30 < 10 || c &- 0x41 < 26 { n += 1 }
            }
            if n == 0 { return "x" }
            return String(unsafeUninitializedCapacity: n) { out in
                var q = 0
                for c in u where c &- 0x61 < 26 || c &- 0x30 < 10 || c &- 0x41 < 26 {
                    out[q] = c | (c &- 0x41 < 26 ? 0x20 : 0)
                    q += 1
                }
                return q
            }
        }
    }

    /// The first and last of the space-separated words of a name with two or more, as
    /// `split(separator: " ")` gives them; nil for fewer.
    static func firstAndLastWord(_ name: String) -> (String, String)? {
        var name = name
        let ascii: (String, String)?? = name.withUTF8 { u in
            // Bytes stand for characters only in ASCII (a combining mark may follow a space).
            guard u.allSatisfy({ $0 < 0x80 }) else { return .none }
            var first: Range<Int>?, last: Range<Int>?
            var i = 0
            while i < u.count {
                while i < u.count && u[i] == 0x20 { i += 1 }
                let s = i
                while i < u.count && u[i] != 0x20 { i += 1 }
                if s < i { if first == nil { first = s..<i } else { last = s..<i } }
            }
            guard let f = first, let l = last else { return .some(nil) }
            func str(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: u[r]), as: UTF8.self) }
            return .some((str(f), str(l)))
        }
        if let ascii { return ascii }
        let words = name.split(separator: " ")
        return words.count >= 2 ? (String(words[0]), String(words.last!)) : nil
    }

    /// `Slug.matchKey` of one word, without the per-article cache (for non-mutating callers).
    static func wordKey(_ w: String) -> String { asciiMatchKey(w) ?? Slug.matchKey(w) }

    /// `Knowledge.isFirstName`, with the fold taken from `matchKey` (the same `Slug.matchKey`);
    /// `isASCII` says whether `name` is ASCII (its fold then is too). An ASCII name among the
    /// first names has its fold among the folded ones, so for ASCII one look-up answers both.
    mutating func isFirstName(_ name: String, isASCII: Bool) -> Bool {
        if isASCII { return k.foldedFirstNameSet.contains(matchKey(name), isASCII: true) }
        return k.firstNameSet.contains(name, isASCII: false) || k.foldedFirstNameSet.contains(matchKey(name), isASCII: false)
    }

    /// The entity each reference phrase last named, and in which sentence.
    var referenceMemory: [String: (entity: Int, sentence: Int)] = [:]
    /// `promotableName` per mention: -1 not yet asked, 0 no, 1 yes.
    var promotable: [Int8] = []
    /// Words the article writes in lowercase somewhere.
    var lowercaseWords = WordSet()
    /// One-word names the article writes inside a sentence, not only at its start.
    var midSentenceWords: Set<String> = []

    init(article: Article, bytes: UnsafeBufferPointer<UInt8>, k: Knowledge, rules: Knowledge.Rules, splitter: SentenceSplitter) {
        self.article = article
        self.b = bytes
        self.k = k
        self.rules = rules
        self.splitter = splitter
        offsets = TextOffsets(article.text)
    }

    func text(_ s: Int, _ from: Int, _ to: Int) -> String {
        let t = sentences[s].tokens
        var end = t[to].end
        if to + 1 < t.count, t[to + 1].text == ".", !t[to + 1].spaceBefore, k.isLegalSuffix(t, to) {
            end = t[to + 1].end
        }
        return String(decoding: UnsafeBufferPointer(rebasing: b[t[from].start..<end]), as: UTF8.self)
    }

    // MARK: - Sentences

    mutating func segment() {
        let ranges = splitter.split(utf8: b)
        var paragraph = 0
        var prevEnd = 0
        for r in ranges {
            var newlines = 0
            var i = prevEnd
            while i < r.lowerBound { if b[i] == 0x0A { newlines += 1 }; i += 1 }
            if newlines >= 2 { paragraph += 1 }
            prevEnd = r.upperBound
            var toks = Tokenizer.tokenize(b, r)
            if toks.isEmpty { continue }
            // One look-up per token: its word id, then role bits by id (words and `&` only).
            for j in toks.indices {
                let id = k.wordIDs.id(toks[j].lower, latin: toks[j].latin)
                toks[j].id = id
                if id >= 0 && (toks[j].kind == .word || toks[j].text == "&") { toks[j].roles = k.rolesByID[Int(id)] }
                if toks[j].kind == .word && !toks[j].upper { lowercaseWords.insert(toks[j].lower, latin: toks[j].latin) }
            }
            var boiler = false
            // (`lower` is `text` for punctuation.)
            if let f = ruleIndex(toks[0].id, k.boilerplateByFirst.count) {
                for p in k.boilerplateByFirst[f] where matches(toks, 0, p) { boiler = true; break }
            }
            sentences.append(Sentence(range: r, tokens: toks, paragraph: paragraph, boilerplate: boiler))
        }
        mentionsBySentence = Array(repeating: [], count: sentences.count)
        titleSpans = Array(repeating: [], count: sentences.count)
    }

    // MARK: - Titles

    /// Longest title phrase starting at token `i`: (last token, title).
    func title(at i: Int, in toks: [Token]) -> (Int, String)? {
        for c in rules.titles(toks[i].id) {
            let (phrase, t) = rules.titles[c]
            guard i + phrase.count <= toks.count else { continue }
            var ok = true
            for (j, w) in phrase.enumerated() where toks[i + j].kind == .punct ? toks[i + j].text != w : toks[i + j].lower != w {
                ok = false
                break
            }
            if ok { return (i + phrase.count - 1, t) }
        }
        return nil
    }

    mutating func findTitles() {
        for s in sentences.indices {
            let toks = sentences[s].tokens
            var i = 0
            while i < toks.count {
                if toks[i].kind == .word, let (last, t) = title(at: i, in: toks) {
                    // "head of digital diagnostics": take the words after `of` up to a preposition.
                    var lastTok = last
                    var title = t
                    if t.hasSuffix(" of") || t == "head of" {
                        var j = last + 1
                        var words: [String] = []
                        while j < toks.count, toks[j].kind == .word, !toks[j].is(.headstop), words.count < 4 {
                            // "chef för bolagets AI-verksamhet": the reference is not part of the title.
                            if rules.references(toks[j].id).isEmpty { words.append(toks[j].lower) }
                            j += 1
                        }
                        if words.isEmpty { i += 1; continue }
                        title = "head of " + words.joined(separator: " ")
                        lastTok = j - 1
                    }
                    titleSpans[s].append((i, lastTok, title))
                    i = lastTok + 1
                    continue
                }
                i += 1
            }
        }
    }

    // MARK: - Names

    func isTitleStart(_ s: Int, _ i: Int) -> Bool { titleSpans[s].contains { $0.0 <= i && i <= $0.1 } }

    /// Whether a capitalized token can be part of a name.
    func nameish(_ toks: [Token], _ i: Int) -> Bool {
        guard toks[i].kind == .word && toks[i].upper else { return false }
        // "AI-modeller", "Silicon Valley-företag": a compound common noun, not a name.
        if toks[i].hyphen, case let t = toks[i], let dash = t.text.lastIndex(of: "-"), let c = t.text[t.text.index(after: dash)...].unicodeScalars.first,
           c.properties.isLowercase { return false }
        return true
    }

    mutating func findNames() {
        for s in sentences.indices where !sentences[s].boilerplate {
            let toks = sentences[s].tokens
            var i = 0
            while i < toks.count {
                guard nameish(toks, i) else { i += 1; continue }
                var j = i
                while j + 1 < toks.count, nameish(toks, j + 1), !toks[j].genitive, toks[j + 1].elided == nil {
                    j += 1
                }
                // A known name may hold lowercase words ("Competition and Markets Authority").
                if let end = lexiconEnd(toks, i, min(toks.count - 1, i + k.lexiconMaxLength - 1)), end > j { j = end }
                // Person-name particles: "Ursula von der Leyen".
                splitRun(s, i, j)
                i = j + 1
            }
        }
    }

    /// Splits a capitalized run at titles, cue nouns and common words, and classifies the pieces.
    mutating func splitRun(_ s: Int, _ i: Int, _ j: Int) {
        let toks = sentences[s].tokens
        var start = i
        var p = i
        // Where every noun is capitalized, the first word of a run after an article or possessive is
        // the noun that introduces a name ("den US-Marktforscher Qualtrics", "Das Kernprodukt Voltaris
        // Grid OS", "Seine Simulationsplattform HyperWorks"); one name word after it is a company.
        if rules.capitalizesNouns, j > i, i > 0, rules.isDeterminer(toks[i - 1].id) || toks[i - 1].is(.possessive),
           lexiconEnd(toks, i, j) == nil, !toks[i].is(.designator), !toks[j].is(.designator),
           !k.isLegalSuffix(toks, j) {
            if j == i + 1 && !toks[j].is(.place) && !toks[j].is(.stopword) && lexiconEnd(toks, j, j) == nil {
                addMention(s, j, j, type: .organization, surfaceEnd: j, lexicon: nil)
                return
            }
            start = i + 1
            p = i + 1
        }
        while p <= j {
            // A known name is one unit, whatever words it holds ("Open AI", "Competition and Markets Authority").
            if let end = lexiconEnd(toks, p, j) {
                if start < p { classify(s, start, p - 1) }
                var z = end
                while z + 1 <= j, !isTitleStart(s, z + 1), !toks[z + 1].is(.stopword) { z += 1 }
                classify(s, p, z)
                p = z + 1
                start = p
                continue
            }
            let cue = k.isOrgCue(toks, p) && (p == i || rules.capitalizesNouns || !toks[p].is(.designator))
                && !(p > i && toks[p].is(.designator))
            let breaker = isTitleStart(s, p) || (p == start && toks[p].is(.stopword)) || cue
                || toks[p].is(.nationality) || toks[p].is(.money) || k.isPlaceDerived(toks[p].lower, isASCII: toks[p].ascii)
                || (p == i && toks[p].is(.personCue))
                || (p < j && toks[p].is(.personCue))
            // A hyphenated compound whose tail is a title: "Altair-Gründer", "Astholm AI-Technikvorstand".
            if !breaker, toks[p].hyphen, case let t = toks[p], let dash = t.text.lastIndex(of: "-") {
                let tail = String(t.text[t.text.index(after: dash)...]).lowercased()
                if rules.titles.contains(where: { $0.phrase == [tail] }) || k.titleWords.contains(tail) {
                    let head = String(t.text[..<dash])
                    let name = start < p ? text(s, start, p - 1) + " " + head : head
                    addCompoundMention(s, p, head: name)
                    start = p + 1
                    p += 1
                    continue
                }
            }
            if breaker {
                if start < p { classify(s, start, p - 1) }
                start = p + 1
            }
            p += 1
        }
        if start <= j { classify(s, start, j) }
    }

    /// The last token of the longest lexicon name starting at `p` and ending by `j`.
    func lexiconEnd(_ toks: [Token], _ p: Int, _ j: Int) -> Int? {
        k.lexiconName(toks, p, j)?.0
    }

    mutating func addCompoundMention(_ s: Int, _ p: Int, head: String) {
        mentions.append(Mention(sentence: s, first: p, last: p, type: nil, name: head, surface: head, entity: nil,
                                lexicon: lexiconMatch(words: Tokenizer.words(head.lowercased())), genitive: true,
                                cueClass: "compound"))
        mentionsBySentence[s].append(mentions.count - 1)
    }

    func lexiconMatch(words: [String]) -> Knowledge.LexiconName? { k.lexicon[words] }

    /// Classifies the name tokens `a...z` of sentence `s` and records mentions.
    mutating func classify(_ s: Int, _ a: Int, _ z: Int) {
        let toks = sentences[s].tokens
        // Lexicon: the longest known name starting at any token of the run.
        var i = a
        while i <= z {
            if let (last, e) = k.lexiconName(toks, i, z) {
                if i > a { classifyUnknown(s, a, i - 1) }
                var end = last
                // Legal suffix after a known name: "Microsoft Corp.", "Meta Platforms Inc.".
                while end + 1 <= z, k.isLegalSuffix(toks, end + 1) { end += 1 }
                let type = NodeType(rawValue: e.entry.type) ?? .organization
                addMention(s, i, last, type: type, surfaceEnd: end, lexicon: e)
                if end < z {
                    // "Microsoft Copilot", "Amazon Bedrock": a product of the known company; but
                    // "Schneider Electric India", "Goldman Sachs Asset Management" are companies.
                    let rest = toks[(end + 1)...z]
                    let restIsDesignated = rest.count >= 2 && toks[z].is(.designator)
                        && !rest.contains { t in t.text.unicodeScalars.allSatisfy { !$0.properties.isLowercase } }
                    if type == .organization, k.isPlace(toks, end + 1, z) || restIsDesignated {
                        mentions.removeLast()
                        mentionsBySentence[s].removeLast()
                        addMention(s, i, z, type: .organization, surfaceEnd: z, lexicon: nil)
                        return
                    }
                    if type == .organization, !rest.allSatisfy({ $0.is(.designator) }),
                       !rest.contains(where: { t in rules.opensTriggerCompetitionOrTitle(t.id) }) {
                        // "Microsoft Azures molnplattform": a genitive -s on a product the lexicon knows.
                        var name = text(s, i, z)
                        if rest.count == 1, name.hasSuffix("s"),
                           e.entry.products.contains(where: { $0.lowercased() == String(toks[z].lower.dropLast()) }) {
                            name = String(name.dropLast())
                        }
                        addProduct(owner: mentions.count - 1, name: name, s: s)
                        return
                    }
                    classifyUnknown(s, end + 1, z)
                }
                return
            }
            i += 1
        }
        classifyUnknown(s, a, z)
    }

    mutating func classifyUnknown(_ s: Int, _ a: Int, _ z: Int) {
        let toks = sentences[s].tokens
        guard a <= z else { return }
        // Legal suffix at the end: "Datavirke AB", "Vonage Holdings Corp.".
        var nameEnd = z
        while nameEnd > a, k.isLegalSuffix(toks, nameEnd) { nameEnd -= 1 }
        if nameEnd < z {
            addMention(s, a, nameEnd, type: .organization, surfaceEnd: z, lexicon: nil)
            var noun: String?
            _ = orgContext(s, a, z, apposition: &noun)
            mentions[mentions.count - 1].noun = noun
            return
        }
        if a == z && k.isLegalSuffix(toks, a) { return }
        // A product the lexicon knows ("ChatGPT", "Azure") is read by `readProducts`, not as a name.
        let count = z - a + 1
        if k.product(toks, a, count: count) != nil { return }
        if count == 1 && (toks[a].is(.stopword) || toks[a].is(.place)) { return }
        if k.isPlace(toks, a, z) { return }
        // Person: a first name then one to three capitalized words.
        if count >= 2 && count <= 4 && (isFirstName(toks[a].text, isASCII: toks[a].ascii) || toks[a].hyphen && isFirstName(
                toks[a].text.split(separator: "-").first.map(String.init) ?? toks[a].text, isASCII: toks[a].ascii))
            && !toks[z].is(.designator) || personContext(s, a, z) && count >= 2 && count <= 3 {
            if !toks[z].is(.designator) {
                addMention(s, a, z, type: .person, surfaceEnd: z, lexicon: nil)
                return
            }
        }
        if count >= 2 && toks[z].is(.designator) {
            addMention(s, a, z, type: .organization, surfaceEnd: z, lexicon: nil)
            return
        }
        var noun: String?
        if orgContext(s, a, z, apposition: &noun) {
            addMention(s, a, z, type: .organization, surfaceEnd: z, lexicon: nil)
            mentions[mentions.count - 1].noun = noun
            return
        }
        addMention(s, a, z, type: nil, surfaceEnd: z, lexicon: nil)
    }

    /// A title right before, an honorific, or a speech verb next to the run.
    func personContext(_ s: Int, _ a: Int, _ z: Int) -> Bool {
        let toks = sentences[s].tokens
        if titleSpans[s].contains(where: { $0.1 == a - 1 }) { return true }
        if a > 0 {
            if toks[a - 1].is(.personCue) { return true }
            if toks[a - 1].text == ".", a > 1, toks[a - 2].is(.personCue) { return true }
        }
        if z + 1 < toks.count, toks[z + 1].is(.personCue) { return true }
        if z + 2 < toks.count, toks[z + 1].text == ",", titleSpans[s].contains(where: { $0.0 >= z + 2 && $0.0 <= z + 5 }) { return true }
        if a >= 2, toks[a - 1].text == ",", titleSpans[s].contains(where: { $0.1 == a - 2 }) { return true }
        return false
    }

    /// A cue noun or nationality right before, or an apposition with a cue noun right after.
    func orgContext(_ s: Int, _ a: Int, _ z: Int) -> Bool {
        var ignored: String?
        return orgContext(s, a, z, apposition: &ignored)
    }

    /// Also gives the cue noun of an apposition ("X, a Boston start-up" → `start-up`).
    func orgContext(_ s: Int, _ a: Int, _ z: Int, apposition: inout String?) -> Bool {
        let toks = sentences[s].tokens
        if a > 0 {
            let p = a - 1
            if toks[p].kind == .word && !toks[p].genitive && (k.isOrgCue(toks, p) || toks[p].is(.nationality))
                && !(a == z && (toks[a].is(.designator) || k.isOrgCue(toks, a))) { return true }
        }
        if z + 2 < toks.count, toks[z + 1].text == "," {
            var j = z + 2
            while j < toks.count && j <= z + 8 {
                if toks[j].kind == .punct && (toks[j].text == "," || toks[j].text == "." || toks[j].text == ";") { break }
                if toks[j].kind == .word && !toks[j].upper && k.isOrgCue(toks, j) {
                    apposition = toks[j].lower
                    return true
                }
                j += 1
            }
        }
        return false
    }

    mutating func addMention(_ s: Int, _ a: Int, _ z: Int, type: NodeType?, surfaceEnd: Int, lexicon: Knowledge.LexiconName?) {
        let toks = sentences[s].tokens
        let name = String(decoding: UnsafeBufferPointer(rebasing: b[toks[a].start..<toks[z].end]), as: UTF8.self)
        let surface = text(s, a, surfaceEnd)
        mentions.append(Mention(sentence: s, first: a, last: surfaceEnd, type: type, name: name, surface: surface,
                                entity: nil, lexicon: lexicon, genitive: toks[surfaceEnd].genitive || toks[z].genitive))
        if type == .organization {
            var noun: String?
            _ = orgContext(s, a, surfaceEnd, apposition: &noun)
            mentions[mentions.count - 1].noun = noun
        }
        mentionsBySentence[s].append(mentions.count - 1)
    }

    // MARK: - Entities

    mutating func entity(type: NodeType, name: String, lexicon: Knowledge.LexiconName?) -> Int {
        let key = EntityKey(type: type, key: lexicon.map { "lexicon:" + $0.id } ?? matchKey(name))
        if let e = entityIndex[key] { return e }
        if lexicon == nil, let e = entityIndex[EntityKey(type: type, key: matchKey(name))] { return e }
        entities.append(ArticleEntity(type: type, key: key.key, lexicon: lexicon,
                                      createdName: name))
        entityIndex[key] = entities.count - 1
        if lexicon != nil { entityIndex[EntityKey(type: type, key: matchKey(name))] = entities.count - 1 }
        return entities.count - 1
    }

    mutating func bind(_ m: Int, to e: Int, asAlias: Bool = true) {
        mentions[m].entity = e
        mentions[m].type = entities[e].type
        entities[e].mentions += 1
        if let n = mentions[m].noun { entities[e].nouns.insert(n) }
        if asAlias {
            entities[e].aliases.insert(mentions[m].surface)
        }
    }

    mutating func resolveStrongMentions() {
        for m in mentions.indices {
            guard let type = mentions[m].type else { continue }
            let e = entity(type: type, name: mentions[m].name, lexicon: mentions[m].lexicon)
            if mentions[m].lexicon == nil { entities[e].labels[mentions[m].name, default: 0] += 1 }
            bind(m, to: e)
        }
    }

    /// Links names that are not yet entities to one that is: same name, a short form, a surname,
    /// or an `-s` genitive.
    mutating func resolveWeakMentions() {
        var byKey: [String: Int] = [:]
        var byHead: [String: [Int]] = [:]
        var bySurname: [String: [Int]] = [:]
        // Nothing to link: the tables below would go unread.
        var unresolved = false
        for m in mentions.indices where mentions[m].entity == nil { unresolved = true; break }
        guard unresolved else { return }
        byKey.reserveCapacity(entities.count * 4)
        for (i, e) in entities.enumerated() {
            byKey[e.key] = i
            for l in e.labels.keys { byKey[matchKey(l)] = i }
            for a in e.aliases { byKey[matchKey(a)] = i }
            if let lx = e.lexicon {
                for key in lx.keys { byKey[key] = i }
            }
            if e.type == .organization || e.type == .person,
               let (head, last) = e.lexicon.map({ $0.headAndLast })
                ?? ArticleExtraction.firstAndLastWord(e.name).map({ (matchKey($0.0), matchKey($0.1)) }) {
                if e.type == .organization { byHead[head, default: []].append(i) }
                if e.type == .person { bySurname[last, default: []].append(i) }
            }
        }
        for m in mentions.indices where mentions[m].entity == nil {
            var key = matchKey(mentions[m].name)
            var found = byKey[key]
            var genitiveS = false
            if found == nil, mentions[m].name.hasSuffix("s"), mentions[m].last == mentions[m].first || mentions[m].cueClass == nil {
                let stem = matchKey(String(mentions[m].name.dropLast()))
                if let e = byKey[stem] { found = e; genitiveS = true; key = stem }
                else if let hs = byHead[stem], hs.count == 1 { found = hs[0]; genitiveS = true; key = stem }
            }
            if found == nil, let hs = byHead[key], Set(hs).count == 1 { found = hs[0] }
            if found == nil, mentions[m].first == mentions[m].last || mentions[m].cueClass != nil,
               let ps = bySurname[key], Set(ps).count == 1 { found = ps[0] }
            if let e = found {
                if genitiveS { mentions[m].genitive = true }
                bind(m, to: e, asAlias: !genitiveS && mentions[m].cueClass == nil)
            }
        }
    }

    /// Promotes a capitalized name to an organisation because a relation needs one there.
    mutating func promote(_ m: Int) -> Int? {
        if let e = mentions[m].entity { return entities[e].type == .organization ? e : nil }
        guard canPromote(m) else { return nil }
        let name = mentions[m].name
        let e = entity(type: .organization, name: name, lexicon: nil)
        entities[e].labels[name, default: 0] += 1
        bind(m, to: e)
        return e
    }

    /// Whether a capitalized name without evidence of its own may become an organisation.
    mutating func canPromote(_ m: Int) -> Bool {
        if let e = mentions[m].entity { return entities[e].type == .organization }
        if mentions[m].cueClass != nil { return false }
        // The rest reads only what is fixed once names are found (the mention's tokens, the
        // article's word sets), and relations ask it again and again: computed once per mention.
        if m >= promotable.count { promotable += Array(repeating: -1, count: mentions.count - promotable.count) }
        if promotable[m] < 0 { promotable[m] = promotableName(m) ? 1 : 0 }
        return promotable[m] == 1
    }

    /// `canPromote` past the entity and cue class checks.
    func promotableName(_ m: Int) -> Bool {
        let name = mentions[m].name
        let toks = sentences[mentions[m].sentence].tokens
        let first = toks[mentions[m].first]
        if first.is(.stopword) || first.is(.nationality) || k.places.contains(name.lowercased()) { return false }
        if name.utf8.count < 2 { return false }
        if first.text.utf8.count <= 2 && first.text == first.text.uppercased() && mentions[m].first == mentions[m].last { return false }
        // A capitalized word the article also writes in lowercase, or one that only opens a
        // sentence, is a common word ("Partnerskapet", "Alongside").
        if mentions[m].first == mentions[m].last {
            if lowercaseWords.contains(first.lower, latin: first.latin) { return false }
            let opensSentence = mentions[m].first == 0 || toks[0..<mentions[m].first].allSatisfy { $0.kind == .punct }
            if opensSentence && !midSentenceWords.contains(first.lower) { return false }
        }
        if mentions[m].first > 0, rules.isDeterminer(toks[mentions[m].first - 1].id), mentions[m].lexicon == nil { return false }
        if mentions[m].first == mentions[m].last {
            // A trigger word is no name ("starten Partnerschaft").
            if !rules.triggers(first.id).isEmpty
                || rules.prefixTriggers.contains(where: { matches(toks, mentions[m].first, [rules.triggers[$0].pattern[0]]) }) { return false }
            // Where every noun is capitalized, one word alone is a name only when it looks like one:
            // all capitals (SAP), a capital inside (DeepMind), a digit.
            if rules.capitalizesNouns {
                // The shape of the last part of a compound ("KI-Software" → "Software").
                let lastPart = first.text.split(separator: "-").last.map(String.init) ?? first.text
                let scalars = lastPart.unicodeScalars
                let allCaps = scalars.count >= 2 && scalars.allSatisfy { !$0.properties.isLowercase }
                // A capital inside the word, not right after a hyphen ("DeepMind", not "KI-Software").
                let list = Array(scalars)
                let innerCap = list.indices.dropFirst().contains { list[$0].properties.isUppercase && list[$0 - 1] != "-" }
                let digit = scalars.contains { $0.properties.numericType != nil }
                if !(allCaps || innerCap || digit) { return false }
            }
        }
        return true
    }

    // MARK: - References

    /// The args of a sentence in order: names and resolved references. Computed once per sentence:
    /// a reference resolves against what came before it, so later calls must see the same answer.
    mutating func args(_ s: Int) -> [Arg] {
        if argCache.isEmpty { argCache = Array(repeating: nil, count: sentences.count) }
        if let cached = argCache[s] { return cached.map { a in
            var a = a
            if let m = a.mention { a.entity = mentions[m].entity }
            return a
        } }
        var out: [Arg] = []
        for m in mentionsBySentence[s] {
            // Fields read in place: a copy of a `Mention` retains its strings and lexicon entry.
            if mentions[m].cueClass == "compound" && mentions[m].entity == nil { continue }
            out.append(Arg(position: mentions[m].first, end: mentions[m].last, entity: mentions[m].entity, mention: m,
                           viaReference: false, genitive: mentions[m].genitive))
        }
        let toks = sentences[s].tokens
        // Where a name starts, as flags by token (two past the end, so `i + 2` needs no bounds check).
        var startFlags = [Bool](repeating: false, count: toks.count + 2)
        for a in out where a.position < startFlags.count { startFlags[a.position] = true }
        @inline(__always) func startsAt(_ p: Int) -> Bool { p >= 0 && p < startFlags.count && startFlags[p] }
        var i = 0
        var usedHere: Set<Int> = []
        while i < toks.count {
            var matched = false
            for ri in rules.references(toks[i].id) {
                let r = rules.references[ri]
                guard i + r.count <= toks.count else { continue }
                var ok = true
                for (j, w) in r.enumerated() where toks[i + j].lower != w { ok = false; break }
                // "bolaget Tietovirta", "the company Acme": a cue noun before a name, not a reference.
                // ("la start-up parisienne Mirakl": an adjective may stand between.) Unless a list of
                // names follows, as in "der Konzern SAP und Siemens Konkurrenz machen".
                let isPronoun = r.count == 1 && k.word(r[0], is: .pronoun)
                let nameAt: Int? = startsAt(i + r.count) ? i + r.count
                    : (!isPronoun && i + r.count + 1 < toks.count && startsAt(i + r.count + 1)
                       && !toks[i + r.count].upper && !toks[i + r.count].is(.stopword)) ? i + r.count + 1 : nil
                if ok, let n = nameAt {
                    let nameEnd = out.first { $0.position == n }?.end ?? n
                    let listFollows = nameEnd + 2 < toks.count && toks[nameEnd + 1].is(.conjunction)
                        && startsAt(nameEnd + 2)
                    if !listFollows { ok = false }
                }
                if ok && !out.contains(where: { $0.position <= i && i <= $0.end }) {
                    let phrase = r.joined(separator: " ")
                    let pronoun = r.count == 1 && k.word(r[0], is: .pronoun)
                    // A genitive reference ("bolagets", "the company's") takes the nearest company named
                    // before it in the sentence, like a possessive; other noun phrases the first.
                    let genitiveRef = !pronoun && (toks[i + r.count - 1].genitive
                        || r.count == 1 && r[0].hasSuffix("s") && rules.referenceIndex[String(r[0].dropLast())] != nil)
                    // A pronoun stands for the nearest company before it, named or referred to; a
                    // definite noun phrase for the first company named in its sentence.
                    let before = out.filter { $0.end < i && (pronoun || !$0.viaReference) }
                    if let e = antecedent(s, before: i, phrase: phrase, pronoun: pronoun, nearest: pronoun || genitiveRef,
                                          sentenceArgs: before, avoid: pronoun ? [] : usedHere) {
                        if !pronoun {
                            usedHere.insert(e)
                            referenceMemory[phrase] = (e, s)
                        }
                        out.append(Arg(position: i, end: i + r.count - 1, entity: e, mention: nil, viaReference: true,
                                       genitive: toks[i + r.count - 1].genitive || k.word(r.last!, is: .possessive)
                                        || phrase.hasSuffix("s") && !phrase.hasSuffix("ss")))
                        out.sort { $0.position < $1.position }
                    }
                    i += r.count
                    matched = true
                    break
                }
            }
            // "Bilföretaget investerar …", "Batteritillverkaren": a compound cue noun with no name after it
            // refers back like "företaget".
            if !matched, !k.orgCueSuffixes.isEmpty, toks[i].kind == .word, !startsAt(i + 1), !out.contains(where: { $0.position <= i && i <= $0.end }),
               let suffix = k.orgCueSuffix(toks, i),
               rules.referenceIndex[suffix] != nil || rules.capitalizesNouns == false && toks[i].upper {
                let phrase = suffix
                let before = out.filter { $0.end < i && !$0.viaReference }
                if let e = antecedent(s, before: i, phrase: phrase, sentenceArgs: before, avoid: usedHere) {
                    usedHere.insert(e)
                    out.append(Arg(position: i, end: i, entity: e, mention: nil, viaReference: true, genitive: toks[i].genitive))
                }
            }
            if !matched { i += 1 }
        }
        out.sort { $0.position < $1.position }
        argCache[s] = out
        return out
    }

    /// The company a reference at token `i` of sentence `s` stands for: what the same phrase named
    /// before ("the lab"), the nearest company before it in the sentence, else the most named
    /// company of the nearest earlier sentence naming one (each reference of a sentence a different one).
    func antecedent(_ s: Int, before i: Int, phrase: String, pronoun: Bool = false, nearest: Bool = false,
                    sentenceArgs: [Arg], avoid: Set<Int>) -> Int? {
        // What the same phrase named a few sentences before, unless a headline (a new section) lies between.
        if let (e, at) = referenceMemory[phrase], at < s, s - at <= 4, !avoid.contains(e),
           !((at + 1)..<s).contains(where: { isHeadline($0) }) { return e }
        // A pronoun ("its") stands for the nearest company before it; a definite noun phrase
        // ("the company") for the sentence's subject, its first company.
        let inSentence = sentenceArgs.filter { a in a.entity.map { entities[$0].type == .organization && !avoid.contains($0) } ?? false }
        if let a = nearest ? inSentence.last : inSentence.first { return a.entity }
        // "the start-up": the company the text introduced as a start-up, most recently.
        let noun = String(phrase.split(separator: " ").last ?? "")
        if phrase.utf8.contains(0x20) {
            var t = s - 1
            while t >= 0 && t >= s - 8 {
                for m in mentionsBySentence[t].reversed() {
                    if let e = mentions[m].entity, entities[e].nouns.contains(noun), !avoid.contains(e) { return e }
                }
                t -= 1
            }
        }
        var t = s - 1
        while t >= 0 && t >= s - 4 {
            let cands = mentionsBySentence[t].compactMap { mentions[$0].entity }
                .filter { entities[$0].type == .organization && !avoid.contains($0) }
            if let top = cands.max(by: { (entities[$0].mentions, -cands.firstIndex(of: $0)!) < (entities[$1].mentions, -cands.firstIndex(of: $1)!) }) {
                return top
            }
            t -= 1
        }
        return topic.flatMap { avoid.contains($0) ? nil : $0 }
    }

    /// A line of its own without final punctuation: a headline or section title.
    func isHeadline(_ s: Int) -> Bool {
        guard let last = sentences[s].tokens.last else { return false }
        return last.kind != .punct || ![".", "!", "?", "\"", "”", "»", "“"].contains(last.text)
    }

    /// The company the article is about: the first named in the headline, else the most named.
    var topic: Int? {
        if let s0 = sentences.indices.first {
            for m in mentionsBySentence[s0] {
                if let e = mentions[m].entity, entities[e].type == .organization { return e }
            }
        }
        return entities.indices.filter { entities[$0].type == .organization }.max { entities[$0].mentions < entities[$1].mentions }
    }

    // MARK: - Matching helpers

    func matches(_ toks: [Token], _ i: Int, _ pattern: [String]) -> Bool {
        guard i + pattern.count <= toks.count else { return false }
        for (j, w) in pattern.enumerated() {
            let t = toks[i + j]
            let surface = t.kind == .punct ? t.text : t.lower
            if w.hasSuffix("*") {
                if !surface.hasPrefix(String(w.dropLast())) { return false }
            } else if surface != w { return false }
        }
        return true
    }

    func hedged(_ s: Int, at p: Int, length: Int) -> Bool {
        let toks = sentences[s].tokens
        let lo = max(0, p - 12), hi = min(toks.count - 1, p + length + 12)
        guard lo <= hi else { return false }
        for i in lo...hi {
            for (pat, negation) in rules.hedges(toks[i].id) {
                if negation && (i < p - 4 || i > p + length + 3) { continue }
                if matches(toks, i, pat) { return true }
            }
            // Prefix hedges ("rumeur*") are indexed by their stem.
        }
        return false
    }

    func evidence(_ s: Int) -> Evidence {
        let r = sentences[s].range
        let text = String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self)
        return Evidence(article: article.id, sentence: text, start: offsets.scalarOffset(ofByte: r.lowerBound),
                        end: offsets.scalarOffset(ofByte: r.upperBound))
    }

    // MARK: - Run

    mutating func run() {
        segment()
        findTitles()
        findNames()
        for m in mentions.indices where mentions[m].first == mentions[m].last {
            let toks = sentences[mentions[m].sentence].tokens, first = mentions[m].first
            if first > 0 && !toks[0..<first].allSatisfy({ $0.kind == .punct }) { midSentenceWords.insert(toks[first].lower) }
        }
        resolveStrongMentions()
        resolveWeakMentions()
        readDeals()
        readCompetition()
        resolveWeakMentions()
        readRoles()
        readProducts()
    }

    func entityKey(_ e: Int) -> EntityKey { EntityKey(type: entities[e].type, key: entities[e].key) }

    func output() -> PartialGraph {
        var g = PartialGraph(article: article.id, date: article.date)
        for e in entities where e.mentions > 0 {
            var labels = e.labels
            if labels.isEmpty, let lx = e.lexicon { labels[lx.entry.name] = e.mentions }
            g.entities.append(PartialEntity(key: EntityKey(type: e.type, key: e.key), labels: labels,
                                            aliases: e.aliases, lexiconID: e.lexicon?.id, lexiconLabel: e.lexicon?.entry.name))
        }
        for name in productNodes {
            g.entities.append(PartialEntity(key: EntityKey(type: .product, key: Slug.matchKey(name)), labels: [name: 1],
                                            aliases: [name]))
        }
        g.relations = relations
        g.deals = deals
        return g
    }
}

extension Extractor {
    /// How the extractor read an article, sentence by sentence: each name with its type and the
    /// entity it joined (`[ORG Microsoft]`, `[PER Brad Smith]`, `[? Ignite]`), for tuning packs.
    public func trace(_ article: Article, language: String) -> String {
        let rules = knowledge.rules[language] ?? knowledge.rules["en"]!
        var bytes = Array(article.text.utf8)
        return bytes.withUnsafeBufferPointer { b in
            var a = ArticleExtraction(article: article, bytes: b, k: knowledge, rules: rules, splitter: splitter)
            a.run()
            var out = ""
            for s in a.sentences.indices {
                let toks = a.sentences[s].tokens
                var marks: [Int: String] = [:]
                var ends: [Int: String] = [:]
                for m in a.mentionsBySentence[s] {
                    let mm = a.mentions[m]
                    let tag = mm.type == .organization ? "ORG" : mm.type == .person ? "PER" : "?"
                    let ent = mm.entity.map { " →\(a.entities[$0].name)" } ?? ""
                    marks[mm.first, default: ""] += "[\(tag) "
                    ends[mm.last, default: ""] += "\(ent)]"
                }
                for t in a.titleSpans[s] { marks[t.0, default: ""] += "<"; ends[t.1, default: ""] += ":\(t.2)>" }
                var line = a.sentences[s].boilerplate ? "  (boilerplate) " : "  "
                for (i, t) in toks.enumerated() {
                    if i > 0 && t.spaceBefore { line += " " }
                    line += (marks[i] ?? "") + (t.elided.map { $0 + "'" } ?? "") + t.text + (t.genitive ? "'s" : "") + (ends[i] ?? "")
                }
                out += "\(s) ¶\(a.sentences[s].paragraph): \(line)\n"
            }
            for r in a.relations { out += "relation \(r.source.key) \(r.type.rawValue) \(r.target.key) \(r.roles.sorted())\n" }
            for d in a.deals { out += "deal \(d.kind) \(d.parties.map { "\($0.role):\($0.entity.key)" }) \(d.amount.map { String($0) } ?? "") \(d.currency ?? "")\n" }
            return out
        }
    }
}
