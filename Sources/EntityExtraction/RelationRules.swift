import GraphModel

/// Deals, competitors, roles and products, read per sentence around trigger words
/// (`deal-triggers.tsv`, `competition.txt`, `titles.tsv`, `product-cues.txt`).
extension ArticleExtraction {
    // MARK: - Deals

    /// Organisation args of a sentence, promoting capitalized names where a relation needs one.
    mutating func orgArgs(_ s: Int) -> [Arg] {
        args(s).filter { a in
            if let e = a.entity { return entities[e].type == .organization }
            return a.mention.map { canPromote($0) } ?? false
        }
    }

    mutating func resolve(_ a: Arg) -> Int? {
        if let e = a.entity { return entities[e].type == .organization ? e : nil }
        if let m = a.mention { return promote(m) }
        return nil
    }

    /// The organisations coordinated with the arg at `i` (`X, Y and Z`, `X och Y`).
    func coordinated(_ list: [Arg], from i: Int, _ s: Int, limit: Int? = nil) -> [Arg] {
        let toks = sentences[s].tokens
        var out = [list[i]]
        var j = i + 1
        while j < list.count {
            let gapStart = list[j - 1].end + 1, gapEnd = list[j].position
            guard gapStart <= gapEnd, gapEnd - gapStart <= 4 else { break }
            let gap = toks[gapStart..<gapEnd]
            let joiner = gap.contains { t in t.text == "," || t.is(.conjunction) }
            let clean = gap.indices.allSatisfy { g in
                toks[g].text == "," || toks[g].kind == .word && (toks[g].is(.conjunction) || toks[g].is(.nationality)
                    || rules.isDeterminer(toks[g].id) || k.isOrgCue(toks, g) || k.isPlaceDerived(toks[g].lower, isASCII: toks[g].ascii))
            }
            if !joiner || !clean { break }
            out.append(list[j])
            if let limit, out.count >= limit { break }
            j += 1
        }
        return out
    }

    mutating func readDeals() {
        for s in sentences.indices where !sentences[s].boilerplate {
            let toks = sentences[s].tokens
            var triggers: [(Int, LanguagePack.DealTrigger)] = []
            var i = 0
            while i < toks.count {
                if let ti = firstTrigger(toks, i) {
                    let t = rules.triggers[ti]
                    triggers.append((i, t))
                    i += t.pattern.count
                } else { i += 1 }
            }
            guard !triggers.isEmpty else { continue }
            let amounts = rules.money.amounts(toks)
            for (n, (p, trig)) in triggers.enumerated() {
                if hedged(s, at: p, length: trig.pattern.count) { continue }
                let list = orgArgs(s)
                let nextTrigger = n + 1 < triggers.count ? triggers[n + 1].0 : toks.count
                let before = list.filter { $0.end < p }
                let after = list.filter { $0.position > p + trig.pattern.count - 1 && $0.position < nextTrigger }
                switch trig.frame {
                case "active", "noun":
                    var agents: [Arg] = []
                    var patients: [Arg] = []
                    let end = p + trig.pattern.count
                    // The patient: the first name after the trigger in its clause (up to a comma).
                    let clauseEnd = (end..<toks.count).first { toks[$0].text == "," || toks[$0].text == ";" } ?? toks.count
                    // … and close to it: "acquire Beta", "invest $10 billion in Beta", not "the acquisition
                    // of a 35% stake held by the fund Temasek".
                    let patientArgs = after.filter { $0.position < clauseEnd && $0.position - end <= 6 }
                    let clauseFinal = end >= toks.count || toks[end].kind == .punct
                        || toks[end].is(.conjunction)
                    // An angel investor: a person named right before "invested", with no company between.
                    let personAgent = trig.kind == "investment" && trig.frame == "active" ? mentionsBySentence[s].last { m in
                        mentions[m].type == .person && mentions[m].entity != nil && mentions[m].last < p
                            && !before.contains { $0.position > mentions[m].last }
                            && !toks[(mentions[m].last + 1)..<p].contains { $0.kind == .punct }
                    } : nil
                    if let pm = personAgent, let pa = patientArgs.first {
                        agents = [Arg(position: mentions[pm].first, end: mentions[pm].last, entity: mentions[pm].entity,
                                      mention: pm, viaReference: false, genitive: false)]
                        patients = [pa]
                    } else if let first = before.first {
                        agents = [first]
                        if let pa = patientArgs.first(where: { $0.entity == nil || $0.entity != first.entity }) {
                            patients = [pa]
                        } else if before.count >= 2, clauseFinal, trig.frame == "active" {
                            patients = [before.last!]
                        }
                    } else if trig.frame == "active" {
                        // Verb second: "investerar investmentbolaget Fjällström Invest 200 miljoner kronor i Nordvik".
                        let inClause = after.filter { $0.position < clauseEnd }
                        if inClause.count >= 2 {
                            agents = [inClause[0]]
                            patients = [inClause[1]]
                        }
                    }
                    if agents.isEmpty || patients.isEmpty {
                        if trig.frame == "noun", let last = deals.lastIndex(where: { $0.kind == trig.kind }), deals[last].amount == nil,
                           let amt = pickAmount(amounts, kind: trig.kind, toks) {
                            deals[last].amount = amt.value
                            deals[last].currency = amt.currency
                        }
                        continue
                    }
                    addDeal(s, trig.kind, agents: agents, patients: patients, amount: pickAmount(amounts, kind: trig.kind, toks))
                case "passive":
                    guard let patient = before.last, let agent = after.first else { continue }
                    addDeal(s, trig.kind, agents: [agent], patients: [patient], amount: pickAmount(amounts, kind: trig.kind, toks))
                case "raise":
                    guard let investee = before.first ?? (after.count >= 2 ? after.first : nil) else { continue }
                    // Investors are named after "led by", "from", "leds av", "mené par", "auprès de".
                    let cue = ((investee.end + 1)..<toks.count).first { i in rules.investorCues.contains { matches(toks, i, $0) } }
                    let investors = cue.map { c in list.filter { $0.position > c && $0.position != investee.position && !$0.viaReference } } ?? []
                    let amount = pickAmount(amounts, kind: "investment", toks)
                    if investors.isEmpty {
                        if let ie = resolve(investee) {
                            deals.append(PartialDeal(kind: "investment", parties: [.init(entity: entityKey(ie), role: "investee")],
                                                     amount: amount?.value, currency: amount?.currency, date: article.date,
                                                     evidence: evidence(s)))
                            openRound = (deals.count - 1, s)
                        }
                        continue
                    }
                    if addDeal(s, "investment", agents: investors, patients: [investee], amount: amount) {
                        openRound = (deals.count - 1, s)
                    }
                case "join", "lead":
                    if let (d, rs) = openRound, s - rs <= 3, sentences[s].paragraph - sentences[rs].paragraph <= 1 {
                        let investee = deals[d].parties.first { $0.role == "investee" }?.entity
                        var joined: [Arg] = trig.frame == "lead" ? before : list
                        joined = joined.filter { !$0.viaReference }
                        for a in joined {
                            guard let e = resolve(a), entityKey(e) != investee else { continue }
                            if !deals[d].parties.contains(where: { $0.entity == entityKey(e) }) {
                                deals[d].parties.append(.init(entity: entityKey(e), role: "investor"))
                            }
                        }
                    } else if trig.frame == "join" {
                        if let first = before.first, let pat = after.first {
                            addDeal(s, trig.kind, agents: [first], patients: [pat], amount: pickAmount(amounts, kind: trig.kind, toks))
                        } else if before.isEmpty, after.count >= 2 {
                            addDeal(s, trig.kind, agents: [after[0]], patients: [after[1]], amount: pickAmount(amounts, kind: trig.kind, toks))
                        }
                    }
                case "mutual":
                    // The two distinct companies nearest the trigger.
                    let end = p + trig.pattern.count
                    let byDistance = list.sorted { a, b in
                        let da = a.position >= end ? a.position - end : p - a.end
                        let db = b.position >= end ? b.position - end : p - b.end
                        return da != db ? da < db : a.position < b.position
                    }
                    var es: [Int] = []
                    for a in byDistance where es.count < 2 {
                        if let e = resolve(a), !es.contains(e) { es.append(e) }
                    }
                    if es.count == 2 {
                        addPartnership(s, es)
                    } else if list.allSatisfy({ $0.viaReference }) && s > 0 {
                        // "Detta partnerskap", "the partnership": the two companies of the previous sentence.
                        let prev = orgArgs(s - 1).compactMap(\.entity)
                        let distinct = prev.reduce(into: [Int]()) { if !$0.contains($1) { $0.append($1) } }
                        if distinct.count == 2 { addPartnership(s, distinct) }
                    }
                default:
                    continue
                }
            }
        }
    }

    /// The lowest-numbered trigger that matches at `i`, among those indexed by the word there and
    /// the prefix ones: both lists ascend, so they are walked merged, without building a list.
    func firstTrigger(_ toks: [Token], _ i: Int) -> Int? {
        let byWord = rules.triggers(toks[i].id), prefix = rules.prefixTriggers
        if byWord.isEmpty && prefix.isEmpty { return nil }
        var a = 0, b = 0
        while a < byWord.count || b < prefix.count {
            let c: Int
            if b >= prefix.count || a < byWord.count && byWord[a] <= prefix[b] { c = byWord[a]; a += 1 } else { c = prefix[b]; b += 1 }
            if matches(toks, i, rules.triggers[c].pattern) { return c }
        }
        return nil
    }

    mutating func addPartnership(_ s: Int, _ es: [Int]) {
        deals.append(PartialDeal(kind: "partnership", parties: es.map { .init(entity: entityKey($0), role: "partner") },
                                 date: article.date, evidence: evidence(s)))
    }

    @discardableResult
    mutating func addDeal(_ s: Int, _ kind: String, agents: [Arg], patients: [Arg], amount: MoneyReader.Amount?) -> Bool {
        let (agentRole, patientRole) = kind == "acquisition" ? ("acquirer", "acquired") : kind == "investment" ? ("investor", "investee") : ("partner", "partner")
        var parties: [PartialDeal.Party] = []
        for a in agents {
            if let e = a.entity, entities[e].type == .person, kind == "investment" {
                parties.append(.init(entity: entityKey(e), role: agentRole))
            } else if let e = resolve(a) {
                parties.append(.init(entity: entityKey(e), role: agentRole))
            }
        }
        for a in patients { if let e = resolve(a) { parties.append(.init(entity: entityKey(e), role: patientRole)) } }
        let ids = Set(parties.map(\.entity))
        guard ids.count == parties.count, parties.contains(where: { $0.role == agentRole }),
              parties.contains(where: { $0.role == patientRole }) else { return false }
        deals.append(PartialDeal(kind: kind, parties: parties, amount: amount?.value, currency: amount?.currency,
                                 date: article.date, evidence: evidence(s)))
        return true
    }

    /// The amount of a deal: the largest in the sentence, not a price per share and, for an
    /// investment, not a valuation.
    func pickAmount(_ amounts: [MoneyReader.Amount], kind: String, _ toks: [Token]) -> MoneyReader.Amount? {
        guard kind != "partnership" else { return nil }
        let ok = amounts.filter { a in
            if a.last + 1 < toks.count, toks[a.last + 1].is(.per),
               a.last + 2 < toks.count, toks[a.last + 2].is(.share) { return false }
            if kind == "investment" {
                let lo = max(0, a.first - 8)
                if toks[lo..<a.first].contains(where: { $0.is(.valuation) }) { return false }
            }
            return true
        }
        return ok.max { $0.value < $1.value }
    }

    // MARK: - Competition

    mutating func readCompetition() {
        for s in sentences.indices where !sentences[s].boilerplate {
            let toks = sentences[s].tokens
            var i = 0
            while i < toks.count {
                guard let pat = rules.competition(toks[i].id).first(where: { matches(toks, i, $0) }) else { i += 1; continue }
                defer { i += pat.count }
                if hedged(s, at: i, length: pat.count) { continue }
                let list = orgArgs(s)
                // The clause: from the last comma or relative pronoun before the trigger.
                var clauseStart = 0
                for j in stride(from: i - 1, through: 0, by: -1) where toks[j].text == ";" || toks[j].text == "," { clauseStart = j + 1; break }
                let before = list.filter { $0.end < i && $0.position >= clauseStart }
                // "…d'OpenAI, dont Mistral se présente comme le rival": the relative pronoun stands for the name before the comma.
                if clauseStart > 0, clauseStart < toks.count, toks[clauseStart].is(.relative), before.count == 1,
                   !list.contains(where: { $0.position >= i + pat.count }),
                   let antecedentArg = list.last(where: { $0.end < clauseStart - 1 }),
                   let a = resolve(antecedentArg), let b = resolve(before[0]), a != b {
                    relations.append(PartialRelation(source: entityKey(b), type: .competesWith, target: entityKey(a), evidence: evidence(s)))
                    continue
                }
                let clauseEnd = ((i + pat.count)..<toks.count).first { toks[$0].text == "," || toks[$0].text == ";" } ?? toks.count
                let after = list.filter { $0.position >= i + pat.count && $0.position < clauseEnd }
                var subject: Arg?
                var rivals: [Arg] = []
                let sentenceSubject = list.first { $0.end < i }
                if let b0 = before.first ?? (clauseStart > 0 && !after.isEmpty ? sentenceSubject : nil), !after.isEmpty {
                    subject = b0
                    if let ai = list.firstIndex(where: { $0.position == after[0].position }) {
                        rivals = coordinated(list, from: ai, s)
                        // "…, and with Ferrovia Analytics": a second coordinated group.
                        let rest = list.filter { $0.position > rivals.last!.end }
                        if let r = rest.first, let ri = list.firstIndex(where: { $0.position == r.position }),
                           r.position > 0, toks[r.position - 1].lower == "with" || toks[r.position - 1].lower == "med" {
                            rivals += coordinated(list, from: ri, s)
                        }
                    }
                } else if before.isEmpty, after.count >= 2 {
                    subject = after[0]
                    if let ai = list.firstIndex(where: { $0.position == after[1].position }) { rivals = coordinated(list, from: ai, s) }
                } else if before.count >= 2 && after.isEmpty && clauseStart == 0 {
                    subject = before[0]
                    rivals = Array(before.dropFirst())
                }
                // "The deal puts the pair in competition with Kestrel": both partners of the last deal.
                if subject == nil, !after.isEmpty,
                   let plural = rules.pluralReferences.first(where: { r in (clauseStart..<i).contains { matches(toks, $0, r) } }),
                   !plural.isEmpty, let last = deals.last(where: { $0.kind == "partnership" || $0.kind == "merger" }) {
                    let ai = list.firstIndex { $0.position == after[0].position }!
                    for r in coordinated(list, from: ai, s) {
                        guard let re = resolve(r) else { continue }
                        for p in last.parties where p.entity != entityKey(re) {
                            relations.append(PartialRelation(source: p.entity, type: .competesWith, target: entityKey(re), evidence: evidence(s)))
                        }
                    }
                    continue
                }
                guard let subj = subject, let se = resolve(subj) else { continue }
                for r in rivals {
                    guard let re = resolve(r), re != se else { continue }
                    relations.append(PartialRelation(source: entityKey(se), type: .competesWith, target: entityKey(re),
                                                     evidence: evidence(s)))
                }
            }
        }
    }

    // MARK: - Roles

    mutating func addRole(_ s: Int, person: Int, org: Int, titles: [String]) {
        guard entities[person].type == .person, entities[org].type == .organization, !titles.isEmpty else { return }
        relations.append(PartialRelation(source: entityKey(person), type: .role, target: entityKey(org),
                                         roles: Set(titles), evidence: evidence(s)))
    }

    /// Titles joined by `and`/`och`/`et`/`und` around `span` (`president and CEO`).
    func titleGroup(_ s: Int, _ idx: Int) -> (first: Int, last: Int, titles: [String]) {
        let spans = titleSpans[s]
        let toks = sentences[s].tokens
        var first = idx, last = idx
        while last + 1 < spans.count, spans[last + 1].0 - spans[last].1 == 2,
              toks[spans[last].1 + 1].text == "," || toks[spans[last].1 + 1].is(.conjunction) { last += 1 }
        while first > 0, spans[first].0 - spans[first - 1].1 == 2,
              toks[spans[first - 1].1 + 1].is(.conjunction) { first -= 1 }
        return (first, last, spans[first...last].map(\.2))
    }

    /// The company a title without one refers to: nearest before in the sentence, nearest after,
    /// the nearest earlier in the paragraph that is not only an investor, the article's topic.
    mutating func defaultOrg(_ s: Int, near p: Int) -> Int? {
        let list = orgArgs(s).filter { $0.entity != nil && entities[$0.entity!].type == .organization }
        if let b = list.last(where: { $0.end < p }) { return b.entity }
        if let a = list.first(where: { $0.position > p }) { return a.entity }
        let investors = Set(deals.flatMap { d in d.parties.filter { $0.role == "investor" }.map(\.entity) })
        var t = s - 1
        while t >= 0 && sentences[t].paragraph == sentences[s].paragraph {
            let l = orgArgs(t).compactMap(\.entity).filter { entities[$0].type == .organization && !investors.contains(entityKey($0)) }
            if let e = l.last { return e }
            t -= 1
        }
        return topic
    }

    mutating func readRoles() {
        for s in sentences.indices where !sentences[s].boilerplate {
            let toks = sentences[s].tokens
            let all = args(s)
            let persons = mentionsBySentence[s].filter { mentions[$0].type == .person && mentions[$0].entity != nil }
            // Compound "Altair-Gründer James Scapa".
            for m in mentionsBySentence[s] where mentions[m].cueClass == "compound" {
                guard let org = mentions[m].entity, entities[org].type == .organization else { continue }
                let tail = String(toks[mentions[m].first].lower.split(separator: "-").last ?? "")
                let title = rules.titles.first { $0.phrase == [tail] }?.title
                guard let title else { continue }
                // "WalkMe-Gründer und Vorstandschef Dan Adika": more titles may follow before the name.
                var next = mentions[m].last + 1
                var titles = [title]
                while next + 1 < toks.count, toks[next].is(.conjunction),
                      let span = titleSpans[s].first(where: { $0.0 == next + 1 }) {
                    titles.append(span.2)
                    next = span.1 + 1
                }
                if let pm = persons.first(where: { mentions[$0].first == next }) {
                    addRole(s, person: mentions[pm].entity!, org: org, titles: titles)
                }
            }
            var idx = 0
            while idx < titleSpans[s].count {
                let g = titleGroup(s, idx)
                idx = g.last + 1
                let tFirst = titleSpans[s][g.first].0, tLast = titleSpans[s][g.last].1
                var person: Int?
                var org: Int?
                // Title then person: "CEO Sam Altman", "Klarnas vd Sebastian Siemiatkowski",
                // "Le PDG de Mistral AI, Arthur Mensch".
                var afterTitle = tLast + 1
                var explicitOrg: Int?
                if afterTitle + 1 < toks.count, toks[afterTitle].is(.of) || toks[afterTitle].elided == "d" {
                    let start = toks[afterTitle].elided == "d" ? afterTitle : afterTitle + 1
                    if let a = all.first(where: { $0.position == start || $0.position == start + 1 && toks[start].kind == .word && !toks[start].upper }),
                       let e = a.entity ?? a.mention.flatMap({ promote($0) }), entities[e].type == .organization {
                        explicitOrg = e
                        afterTitle = a.end + 1
                        if afterTitle < toks.count, toks[afterTitle].text == "," { afterTitle += 1 }
                    }
                }
                if afterTitle < toks.count, toks[afterTitle].text == ",", explicitOrg == nil { afterTitle += 1 }
                if let pm = persons.first(where: { mentions[$0].first == afterTitle || mentions[$0].first == tLast + 1 }) {
                    person = mentions[pm].entity
                    // Org before the title: genitive or adjacent ("Arcturus CEO Mei-Lin Cho").
                    if let before = all.last(where: { $0.end == tFirst - 1 }),
                       let e = before.entity, entities[e].type == .organization {
                        org = e
                    } else if tFirst >= 2, toks[tFirst - 1].is(.agent), toks[tFirst - 2].is(.led) {
                        org = all.last(where: { $0.end < tFirst - 2 && $0.entity != nil && entities[$0.entity!].type == .organization })?.entity
                    }
                    org = org ?? explicitOrg
                } else if let pm = persons.last(where: { mentions[$0].last < tFirst && tFirst - mentions[$0].last <= 12 }),
                          toks[(mentions[pm].last + 1)..<tFirst].contains(where: { $0.text == "," }),
                          tFirst - mentions[pm].last <= 6 || toks[(mentions[pm].last + 1)..<tFirst].contains(where: { $0.is(.becomes) }) {
                    // Person, title: "Satya Nadella, chief executive of Microsoft", "Jonas Whitaker, Helvion's
                    // chief executive", "Priya Raman, its chief executive", "Greg Brockman, now OpenAI's president".
                    let gap = toks[(mentions[pm].last + 1)..<tFirst]
                    guard gap.contains(where: { $0.text == "," }) || gap.contains(where: { $0.is(.become) }) else { continue }
                    person = mentions[pm].entity
                    if let before = all.last(where: { $0.end < tFirst && $0.end > mentions[pm].last && $0.genitive }),
                       let e = before.entity, entities[e].type == .organization {
                        org = e
                    }
                    org = org ?? explicitOrg
                } else if let pm = persons.last(where: { mentions[$0].last < tFirst && tFirst - mentions[$0].last <= 8 }),
                          toks[(mentions[pm].last + 1)..<tFirst].contains(where: { $0.is(.become) }) {
                    person = mentions[pm].entity
                    org = explicitOrg
                    if org == nil, let a = all.first(where: { $0.position > tLast && $0.position <= tLast + 3 }),
                       let e = a.entity, entities[e].type == .organization {
                        org = e
                    }
                } else { continue }
                guard let p = person else { continue }
                if org == nil {
                    // "the company's finance chief", "bolagets vd": a reference right before the title.
                    if let ref = all.last(where: { $0.viaReference && $0.end == tFirst - 1 }) { org = ref.entity }
                }
                guard let o = org ?? defaultOrg(s, near: tFirst) else { continue }
                addRole(s, person: p, org: o, titles: g.titles)
            }
            readFounders(s, all: all)
            readBoard(s, all: all)
        }
    }

    /// "founded in 2020 by Priya Raman and Tomasz Wieczorek", "who founded the company with
    /// Ruth Adebayo", "Fondée en 2023 par Arthur Mensch, …, la start-up".
    mutating func readFounders(_ s: Int, all: [Arg]) {
        let toks = sentences[s].tokens
        guard let f = toks.firstIndex(where: { $0.is(.founded) }) else { return }
        let persons = mentionsBySentence[s].filter { mentions[$0].type == .person && mentions[$0].entity != nil }
        let orgs = all.filter { $0.entity.map { entities[$0].type == .organization } ?? false }
        var founders: [Int] = []
        // Persons named after "by/par/av/von" or "with/alongside/tillsammans med/avec/mit".
        if let by = (f + 1..<min(toks.count, f + 6)).first(where: { toks[$0].is(.agent) }) {
            founders = persons.filter { mentions[$0].first > by }.map { mentions[$0].entity! }
        } else if let by = (max(0, f - 10)..<f).last(where: { toks[$0].is(.agent) }),
                  persons.contains(where: { mentions[$0].first > by && mentions[$0].last < f }) {
            // Verb last: "… wurde 2016 von Élodie Romont gegründet".
            founders = persons.filter { mentions[$0].first > by && mentions[$0].last < f }.map { mentions[$0].entity! }
            // stop at a person followed by a relative clause only loosely: all persons after "by".
        } else {
            if let subj = persons.last(where: { mentions[$0].last < f }) { founders.append(mentions[subj].entity!) }
            if let w = (f + 1..<toks.count).first(where: { toks[$0].is(.with) }) {
                founders += persons.filter { mentions[$0].first > w }.map { mentions[$0].entity! }
            }
        }
        guard !founders.isEmpty else { return }
        // The company: right after the verb ("founded it", "startade bolaget"), else before it.
        var org: Int?
        if let a = orgs.first(where: { $0.position > f && $0.position <= f + 2 }) { org = a.entity }
        if org == nil, let a = orgs.last(where: { $0.end < f }) { org = a.entity }
        if org == nil, f + 1 < toks.count, toks[f + 1].is(.it) {
            org = antecedent(s, before: 0, phrase: "it", sentenceArgs: [], avoid: [])
        }
        if org == nil, let a = orgs.first(where: { $0.position > f }) { org = a.entity }
        guard let o = org else { return }
        for p in Set(founders) { addRole(s, person: p, org: o, titles: ["founder"]) }
    }

    /// "will join Quantiva's board", "will remain on Scale's board"; "chaired by", "présidé par".
    mutating func readBoard(_ s: Int, all: [Arg]) {
        let toks = sentences[s].tokens
        for i in 0..<max(0, toks.count - 2) where toks[i].is(.chaired) && toks[i + 1].is(.agent) {
            if let pm = mentionsBySentence[s].first(where: { mentions[$0].type == .person && mentions[$0].first == i + 2 }),
               let p = mentions[pm].entity,
               let o = all.last(where: { $0.end < i && $0.entity.map { entities[$0].type == .organization } ?? false })?.entity {
                addRole(s, person: p, org: o, titles: ["chairman"])
            }
        }
        guard let bi = toks.firstIndex(where: { $0.is(.board) }), bi >= 2 else { return }
        guard toks[max(0, bi - 4)..<bi].contains(where: { $0.is(.join) }) else { return }
        guard let o = all.last(where: { $0.end == bi - 1 && $0.genitive })?.entity, entities[o].type == .organization else { return }
        guard let pm = mentionsBySentence[s].last(where: { mentions[$0].type == .person && mentions[$0].last < bi }),
              let p = mentions[pm].entity else { return }
        addRole(s, person: p, org: o, titles: ["board member"])
    }

    // MARK: - Products

    mutating func addProduct(owner m: Int, name: String, s: Int) {
        guard let e = mentions[m].entity ?? {
            if let lx = mentions[m].lexicon { return entity(type: .organization, name: lx.entry.name, lexicon: lx) }
            return nil
        }() else { return }
        if entities[e].mentions == 0 { entities[e].mentions = 1 }
        productNodes.insert(name)
        relations.append(PartialRelation(source: entityKey(e), type: .develops,
                                         target: EntityKey(type: .product, key: Slug.matchKey(name)), evidence: evidence(s)))
    }

    mutating func readProducts() {
        // "Quantiva Forecast", "Helvion Orchard": a name that opens with a company of the article
        // and goes on with words that are no designator, title or trigger is that company's product.
        for m in mentions.indices where mentions[m].entity == nil && mentions[m].type == nil && mentions[m].last > mentions[m].first {
            let s = mentions[m].sentence
            if sentences[s].boilerplate { continue }
            let toks = sentences[s].tokens
            let head = matchKey(toks[mentions[m].first].text)
            guard let owner = entities.firstIndex(where: { e in
                e.type == .organization && e.mentions > 0 && (e.key == head || ArticleExtraction.firstAndLastWord(e.createdName).map({ ArticleExtraction.wordKey($0.0) }) == head
                    || e.lexicon.map { matchKey($0.entry.name) == head } ?? false)
            }) else { continue }
            let rest = toks[(mentions[m].first + 1)...mentions[m].last]
            if rest.allSatisfy({ $0.is(.designator) }) || rest.contains(where: { t in
                rules.opensTriggerCompetitionOrTitle(t.id) || t.is(.place) || t.is(.money) || t.is(.stopword) }) { continue }
            let name = mentions[m].name
            productNodes.insert(name)
            relations.append(PartialRelation(source: entityKey(owner), type: .develops,
                                             target: EntityKey(type: .product, key: Slug.matchKey(name)), evidence: evidence(s)))
            mentions[m].cueClass = "product"
        }

        // Products a lexicon entry names, where the article names the company too.
        for s in sentences.indices where !sentences[s].boilerplate {
            let toks = sentences[s].tokens
            for i in toks.indices where toks[i].kind == .word && toks[i].upper {
                for n in 1...min(3, toks.count - i) {
                    if let owner = k.product(toks, i, count: n), let e = entities.firstIndex(where: { $0.lexicon?.id == owner.id && $0.mentions > 0 }) {
                        let name = String(decoding: UnsafeBufferPointer(rebasing: b[toks[i].start..<toks[i + n - 1].end]), as: UTF8.self)
                        productNodes.insert(name)
                        relations.append(PartialRelation(source: entityKey(e), type: .develops,
                                                         target: EntityKey(type: .product, key: Slug.matchKey(name)), evidence: evidence(s)))
                    }
                }
            }
            // "Amazon's Trainium and Inferentia chips", "its main product, Quantiva Forecast",
            // "planeringsverktyget Virkesplan".
            let all = args(s)
            for (mi, m) in mentionsBySentence[s].enumerated() where mentions[m].entity == nil && mentions[m].type == nil {
                _ = mi
                let first = mentions[m].first, last = mentions[m].last
                let prev = first > 0 ? toks[first - 1] : nil
                let next = last + 1 < toks.count ? toks[last + 1] : nil
                var owner: Int?
                if let nx = next, rules.productCues.contains(nx.lower), !nx.upper || rules.code == "de",
                   let o = all.last(where: { $0.end < first && $0.end >= first - 4 && $0.genitive }) {
                    owner = o.entity
                } else if let pv = prev, rules.productCues.contains(where: { c in c.hasPrefix("*") ? pv.lower.hasSuffix(c.dropFirst()) && pv.lower.count > c.count : pv.lower == c }) {
                    owner = all.last(where: { $0.end < first && $0.entity != nil })?.entity ?? all.first(where: { $0.entity != nil })?.entity
                        ?? antecedent(s, before: first, phrase: "", pronoun: true, nearest: true, sentenceArgs: [], avoid: [])
                }
                // A designator alone ("AI") names no product.
                if mentions[m].first == mentions[m].last && toks[mentions[m].first].is(.designator) { continue }
                guard let o = owner, entities[o].type == .organization else { continue }
                productNodes.insert(mentions[m].name)
                relations.append(PartialRelation(source: entityKey(o), type: .develops,
                                                 target: EntityKey(type: .product, key: Slug.matchKey(mentions[m].name)), evidence: evidence(s)))
            }
        }
    }
}
