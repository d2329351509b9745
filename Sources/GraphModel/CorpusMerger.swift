/// Folds the partial graphs of a corpus into one `KnowledgeGraph`.
///
/// `add` only unions sets, sums counts and keeps minima and maxima, so the result does not depend
/// on the order of the articles; all decisions that need the whole corpus (which spelling is
/// canonical, which short form belongs to which long name, the ids) are taken in `finish`.
/// Memory grows with the number of distinct entities and relations, not with the corpus.
public struct CorpusMerger: Sendable {
    struct EntityAcc: Sendable {
        var labels: [String: Int] = [:]
        var aliases: Set<String> = []
        var sources: Set<String> = []
        var lexiconID: String?
        var lexiconLabel: String?

        /// Sums, unions and the smallest lexicon id: commutative, so order does not matter.
        mutating func merge(_ o: EntityAcc) {
            for (l, c) in o.labels { labels[l, default: 0] += c }
            aliases.formUnion(o.aliases)
            sources.formUnion(o.sources)
            if let id = o.lexiconID, lexiconID == nil || id < lexiconID! {
                lexiconID = id
                lexiconLabel = o.lexiconLabel
            }
        }

        /// `merge` of one article's entity, without making its accumulator.
        mutating func add(_ e: PartialEntity, article: String) {
            for (l, c) in e.labels { labels[l, default: 0] += c }
            aliases.formUnion(e.aliases)
            sources.insert(article)
            if let id = e.lexiconID, lexiconID == nil || id < lexiconID! {
                lexiconID = id
                lexiconLabel = e.lexiconLabel
            }
        }
    }

    struct RelationKey: Hashable, Sendable {
        var source: EntityKey
        var type: EdgeType
        var target: EntityKey
    }

    struct RelationAcc: Sendable {
        var roles: Set<String> = []
        var sources: Set<String> = []
        var evidence: Evidence?

        mutating func merge(_ o: RelationAcc) {
            roles.formUnion(o.roles)
            sources.formUnion(o.sources)
            if let e = o.evidence, evidence == nil || e < evidence! { evidence = e }
        }

        mutating func add(roles r: Set<String>, article: String, evidence e: Evidence?) {
            roles.formUnion(r)
            sources.insert(article)
            if let e, evidence == nil || e < evidence! { evidence = e }
        }
    }

    struct DealKey: Hashable, Sendable {
        var kind: String
        var parties: [PartialDeal.Party]
    }

    struct DealAcc: Sendable {
        var amount: Double?
        var currency: String?
        var date: String?
        var sources: Set<String> = []
        var evidence: Evidence?

        /// The larger amount (a total over its tranches), the earliest date, the first evidence.
        mutating func merge(_ o: DealAcc) {
            if let a = o.amount, amount == nil || (a, o.currency ?? "") > (amount!, currency ?? "") {
                amount = a
                currency = o.currency
            }
            if let d = o.date, date == nil || d < date! { date = d }
            sources.formUnion(o.sources)
            if let e = o.evidence, evidence == nil || e < evidence! { evidence = e }
        }
    }

    private var entities: [EntityKey: EntityAcc] = [:]
    private var relations: [RelationKey: RelationAcc] = [:]
    private var deals: [DealKey: DealAcc] = [:]
    /// Words that may follow a one-word company name in its long form (`AI`, `Labs`, `Robotics`):
    /// `Mistral` in one article and `Mistral AI` in another are one company.
    public var shortFormSuffixes: Set<String>

    public init(shortFormSuffixes: Set<String> = []) {
        self.shortFormSuffixes = Set(shortFormSuffixes.map { $0.lowercased() })
    }

    public mutating func add(_ p: PartialGraph) {
        // Merged in place: no accumulator is made per article, as most entities are seen before.
        for e in p.entities {
            entities[e.key, default: EntityAcc()].add(e, article: p.article)
        }
        for r in p.relations {
            relations[RelationKey(source: r.source, type: r.type, target: r.target), default: RelationAcc()]
                .add(roles: r.roles, article: p.article, evidence: r.evidence)
        }
        for d in p.deals {
            let k = DealKey(kind: d.kind, parties: d.parties.sorted { ($0.role, $0.entity) < ($1.role, $1.entity) })
            deals[k, default: DealAcc()].merge(DealAcc(amount: d.amount, currency: d.currency, date: d.date ?? p.date,
                                                       sources: [p.article], evidence: d.evidence))
        }
    }

    /// Merges another merger's state (for parallel builds: one merger per worker).
    public mutating func add(_ other: CorpusMerger) {
        for (k, o) in other.entities { entities[k, default: EntityAcc()].merge(o) }
        for (k, o) in other.relations { relations[k, default: RelationAcc()].merge(o) }
        for (k, o) in other.deals { deals[k, default: DealAcc()].merge(o) }
    }

    /// The most frequent label; ties go to the fewer spaces (`OpenAI` over `Open AI`), then the smaller.
    public static func bestLabel(_ labels: [String: Int]) -> String {
        labels.min { a, b in
            if a.value != b.value { return a.value > b.value }
            let sa = a.key.split(separator: " ").count, sb = b.key.split(separator: " ").count
            if sa != sb { return sa < sb }
            return a.key < b.key
        }?.key ?? "?"
    }

    /// Which entity key each key stands for after corpus-wide resolution.
    private func resolveGroups() -> [EntityKey: EntityKey] {
        var parent: [EntityKey: EntityKey] = [:]
        func find(_ k: EntityKey) -> EntityKey {
            var k = k
            while let p = parent[k], p != k { k = p }
            return k
        }
        // Prefer as root the key with a lexicon id, then the longer name, then the smaller key.
        func better(_ a: EntityKey, _ b: EntityKey) -> Bool {
            let la = entities[a]?.lexiconID != nil, lb = entities[b]?.lexiconID != nil
            if la != lb { return la }
            if a.key.count != b.key.count { return a.key.count > b.key.count }
            return a < b
        }
        func union(_ a: EntityKey, _ b: EntityKey) {
            let ra = find(a), rb = find(b)
            if ra == rb { return }
            if better(ra, rb) { parent[rb] = ra } else { parent[ra] = rb }
        }
        let keys = entities.keys.sorted()
        // Same lexicon entry.
        var byLexicon: [String: EntityKey] = [:]
        for k in keys {
            guard let id = entities[k]!.lexiconID else { continue }
            if let first = byLexicon[id] { union(first, k) } else { byLexicon[id] = k }
        }
        // One-word organisation names that are the head of exactly one longer name.
        if !shortFormSuffixes.isEmpty {
            var longByHead: [String: [EntityKey]] = [:]
            for k in keys where k.type == .organization {
                let label = CorpusMerger.bestLabel(entities[k]!.labels)
                let words = label.split(separator: " ")
                guard words.count >= 2,
                      words.dropFirst().allSatisfy({ shortFormSuffixes.contains($0.lowercased()) }) else { continue }
                longByHead[Slug.matchKey(String(words[0])), default: []].append(k)
            }
            for k in keys where k.type == .organization {
                if let longs = longByHead[k.key], longs.count == 1, longs[0] != k,
                   entities[k]!.lexiconID == nil || entities[longs[0]]!.lexiconID == nil {
                    union(longs[0], k)
                }
            }
        }
        var out: [EntityKey: EntityKey] = [:]
        for k in keys { out[k] = find(k) }
        return out
    }

    public func finish() -> KnowledgeGraph {
        let root = resolveGroups()
        // Build one node per group.
        // Most groups have one member: only the others are folded into a copy.
        var groupAcc: [EntityKey: EntityAcc] = [:]
        for (k, r) in root where k != r {
            let acc = entities[k]!
            groupAcc[r, default: entities[r]!].aliases.formUnion(acc.aliases)
            groupAcc[r]!.sources.formUnion(acc.sources)
        }
        var idOf: [EntityKey: String] = [:]
        var graph = KnowledgeGraph()
        graph.reserveCapacity(nodes: entities.count + deals.count, edges: relations.count + 2 * deals.count)
        for (r, rootOf) in root where r == rootOf {
            let acc = entities[r]!
            let g = groupAcc[r] ?? acc
            let label = acc.lexiconLabel ?? CorpusMerger.bestLabel(acc.labels)
            // The id does not follow the most frequent spelling (which more articles can change) but
            // the spelling with the fewest word breaks (`OpenAI`, not `Open AI`), so it stays put.
            let idSlug = acc.labels.keys.map(Slug.make).min { a, b in
                let ha = a.utf8.filter { $0 == 0x2D }.count, hb = b.utf8.filter { $0 == 0x2D }.count
                return ha != hb ? ha < hb : a < b
            } ?? Slug.make(label)
            let id = acc.lexiconID ?? "\(r.type.idPrefix):\(idSlug)"
            idOf[r] = id
            graph.add(Node(id: id, type: r.type, label: label, aliases: StringSet(g.aliases), sources: StringSet(g.sources)))
        }
        var idOfKey: [EntityKey: String] = [:]
        idOfKey.reserveCapacity(root.count)
        for (k, r) in root { idOfKey[k] = idOf[r] }
        func id(_ k: EntityKey) -> String? { idOfKey[k] }

        for (k, acc) in relations {
            guard var s = id(k.source), var t = id(k.target), s != t else { continue }
            if k.type == .competesWith && t < s { swap(&s, &t) }
            graph.add(Edge(source: s, target: t, type: k.type, roles: StringSet(acc.roles), sources: StringSet(acc.sources),
                           evidence: acc.evidence))
        }
        // Deals: parties mapped to ids; the id comes from the kind and the parties only.
        var dealNodes: [String: (Node, [(String, String)], Evidence?)] = [:]
        for (k, acc) in deals {
            var parties: [(String, String)] = []
            for p in k.parties {
                guard let pid = id(p.entity) else { continue }
                if !parties.contains(where: { $0.0 == pid }) { parties.append((pid, p.role)) }
            }
            parties.sort { ($0.1, $0.0) < ($1.1, $1.0) }
            guard Set(parties.map(\.0)).count >= 2, Set(parties.map(\.1)).count >= (k.kind == "partnership" ? 1 : 2)
            else { continue }
            let dealID = CorpusMerger.dealID(kind: k.kind, parties: parties)
            var node = Node(id: dealID, type: .deal, label: "", sources: StringSet(acc.sources), kind: k.kind,
                            amount: acc.amount, currency: acc.amount == nil ? nil : acc.currency, date: acc.date)
            if let existing = dealNodes[dealID] {
                node.merge(existing.0)
                let ev = [existing.2, acc.evidence].compactMap { $0 }.min()
                dealNodes[dealID] = (node, parties, ev)
            } else {
                dealNodes[dealID] = (node, parties, acc.evidence)
            }
        }
        for (dealID, (n, parties, ev)) in dealNodes {
            var node = n
            node.label = CorpusMerger.dealLabel(kind: node.kind ?? "", parties: parties.map { p in
                (graph.nodes[p.0]?.label ?? p.0, p.1) }, amount: node.amount, currency: node.currency)
            graph.add(node)
            for (pid, role) in parties {
                graph.add(Edge(source: pid, target: dealID, type: .party, roles: [role], sources: node.sources,
                               evidence: ev))
            }
        }
        return graph
    }

    /// `deal:investment--microsoft--openai`, `deal:partnership--microsoft_openai` (`_` never occurs in a slug).
    static func dealID(kind: String, parties: [(String, String)]) -> String {
        var byRole: [String: [String]] = [:]
        for (pid, role) in parties {
            let slug = pid.split(separator: ":", maxSplits: 1).last.map(String.init) ?? pid
            byRole[role, default: []].append(slug)
        }
        let order = ["investor", "acquirer", "partner", "investee", "acquired"]
        let groups = byRole.keys.sorted { (order.firstIndex(of: $0) ?? 99, $0) < (order.firstIndex(of: $1) ?? 99, $1) }
            .map { byRole[$0]!.sorted().joined(separator: "_") }
        return "deal:\(Slug.make(kind))--" + groups.joined(separator: "--")
    }

    /// `Microsoft → OpenAI investment ($10B)`, `Microsoft – OpenAI partnership`.
    public static func dealLabel(kind: String, parties: [(String, String)], amount: Double?, currency: String?) -> String {
        let from = parties.filter { ["investor", "acquirer"].contains($0.1) }.map(\.0).sorted()
        let to = parties.filter { ["investee", "acquired"].contains($0.1) }.map(\.0).sorted()
        let partners = parties.filter { !["investor", "acquirer", "investee", "acquired"].contains($0.1) }.map(\.0).sorted()
        var s: String
        if !from.isEmpty || !to.isEmpty {
            s = from.joined(separator: ", ") + " → " + to.joined(separator: ", ") + " " + kind
        } else {
            s = partners.joined(separator: " – ") + " " + kind
        }
        if let amount, let currency { s += " (\(Money.short(amount, currency)))" }
        return s
    }
}

/// Short money text for labels: `$10B`, `€85M`, `SEK 1.5B`.
public enum Money {
    public static func short(_ amount: Double, _ currency: String) -> String {
        let symbol: String? = ["USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"][currency]
        let (v, unit): (Double, String) = amount >= 1e9 ? (amount / 1e9, "B") : amount >= 1e6 ? (amount / 1e6, "M")
            : amount >= 1e3 ? (amount / 1e3, "K") : (amount, "")
        var num = String(Int((v * 100).rounded()))
        // two decimals at most, trailing zeros dropped
        while num.count < 3 { num = "0" + num }
        let intPart = String(num.dropLast(2)), frac = String(num.suffix(2))
        var text = intPart
        let trimmed = frac.hasSuffix("0") ? String(frac.dropLast()) : frac
        if trimmed != "0" && !trimmed.isEmpty { text += "." + trimmed }
        if let symbol { return "\(symbol)\(text)\(unit)" }
        return "\(currency) \(text)\(unit)"
    }
}
