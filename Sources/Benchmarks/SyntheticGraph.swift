import GraphModel

/// A synthetic knowledge graph for export benchmarks and escaping tests: `nodes` nodes (60%
/// Organization, 30% Person, 10% Deal) and `3 × nodes` distinct edges, with names that hold
/// quotes, backslashes, `<`, `&`, newlines, emoji and control characters.
///
/// Deterministic from the seed (SplitMix64). Node ids are `Slug.id` of the name, as in real
/// builds; every name carries its index, so ids are distinct.
///
///     let g = SyntheticGraph.make(nodes: 1_000, seed: 1)   // 1000 nodes, 3000 edges
public enum SyntheticGraph {
    /// Name parts that stress every writer's escaping.
    static let hazards = ["\"Quoted\"", "Back\\slash", "<Tag>", "A & B", "Emoji 🚀", "Line\nBreak", "Tab\there",
                          "Ctrl\u{1}Char", "Ünïcödé", "]]>", "--", "'apos'", "{brace}", "|pipe|", "#hash", "semi;colon"]

    public static func make(nodes n: Int, seed: UInt64) -> KnowledgeGraph {
        precondition(n >= 10, "at least 10 nodes")
        var rng = SplitMix64(seed: seed)
        let orgCount = n * 6 / 10, personCount = n * 3 / 10, dealCount = n - orgCount - personCount
        func name(_ prefix: String, _ k: Int) -> String {
            var s = rng.pick(GeneratorData.orgHeads) + rng.pick(GeneratorData.orgTails)
            if rng.chance(35) { s += " " + rng.pick(hazards) }
            return "\(s) \(prefix)\(k)"
        }
        // Built in place: the tables sized once (no rehash doubling the peak), and only the ids
        // and labels the edges need kept aside (strings shared with the nodes).
        var g = KnowledgeGraph()
        g.reserveCapacity(nodes: n, edges: 3 * n)
        var orgs: [Named] = [], people: [Named] = []
        orgs.reserveCapacity(orgCount)
        people.reserveCapacity(personCount)
        for k in 0..<orgCount {
            let label = name("Org ", k)
            let node = Node(id: Slug.id(.organization, label), type: .organization, label: label,
                            aliases: [label, label + " Inc."], sources: ["synthetic-\(k % 97)"])
            orgs.append(Named(node))
            g.add(node)
        }
        for k in 0..<personCount {
            let label = rng.pick(GeneratorData.firstNames["en"]!) + " " + name("P", k)
            let node = Node(id: Slug.id(.person, label), type: .person, label: label, aliases: [label],
                            sources: ["synthetic-\(k % 89)"])
            people.append(Named(node))
            g.add(node)
        }
        let kinds = ["investment", "acquisition", "partnership"]
        let currencies = ["USD", "EUR", "SEK", "GBP"]
        var deals: [Named] = []
        deals.reserveCapacity(dealCount)
        var dealParties: [(Int, Int)] = []
        dealParties.reserveCapacity(dealCount)
        for k in 0..<dealCount {
            let a = rng.below(orgCount), b = (a + 1 + rng.below(orgCount - 1)) % orgCount
            let kind = kinds[k % 3]
            let amount: Double? = kind == "partnership" ? nil : Double(1 + rng.below(999)) * 1_000_000
            let currency = amount == nil ? nil : rng.pick(currencies)
            let label = "\(orgs[a].label) → \(orgs[b].label) \(kind) #\(k)"
            let node = Node(id: "deal:\(kind)--" + Slug.make(orgs[a].label) + "--" + Slug.make(orgs[b].label) + "--\(k)",
                            type: .deal, label: label, sources: ["synthetic-\(k % 83)"], kind: kind, amount: amount,
                            currency: currency, date: "2024-\(CorpusGenerator.pad(1 + k % 12, 2))-01")
            deals.append(Named(node))
            g.add(node)
            dealParties.append((a, b))
        }
        /// Adds an edge whose key is new (the graph itself is the set of keys seen).
        func add(_ e: Edge) -> Bool {
            guard g.edges[e.key] == nil else { return false }
            g.add(e)
            return true
        }
        func evidence(_ k: Int, _ s: String) -> Evidence {
            Evidence(article: "synthetic-\(k % 97)", sentence: s, start: 0, end: s.unicodeScalars.count)
        }
        // Two party edges per deal, then roles and rivalries until 3n edges.
        let partyRoles = ["investment": ("investor", "investee"), "acquisition": ("acquirer", "acquired"),
                          "partnership": ("partner", "partner")]
        for (k, d) in deals.enumerated() where g.edges.count + 2 <= 3 * n {
            let (a, b) = dealParties[k]
            let (ra, rb) = partyRoles[d.kind!]!
            _ = add(Edge(source: orgs[a].id, target: d.id, type: .party, roles: [ra], sources: d.sources,
                         evidence: evidence(k, "\(orgs[a].label) & \(orgs[b].label): \"\(d.kind!)\" <deal>")))
            _ = add(Edge(source: orgs[b].id, target: d.id, type: .party, roles: [rb], sources: d.sources,
                         evidence: evidence(k, "\(orgs[b].label) \\ \(d.label)")))
        }
        let titles = ["ceo", "founder", "cto", "cfo", "chairman", "board member"]
        var k = 0
        while g.edges.count < 3 * n {
            k += 1
            if rng.chance(60) {
                let p = people[rng.below(people.count)], o = orgs[rng.below(orgs.count)]
                _ = add(Edge(source: p.id, target: o.id, type: .role, roles: [rng.pick(titles)], sources: p.sources,
                             evidence: evidence(k, "\(p.label), of \(o.label) 🚀")))
            } else {
                let a = rng.below(orgs.count), b = rng.below(orgs.count)
                guard a != b else { continue }
                let (x, y) = orgs[a].id < orgs[b].id ? (orgs[a], orgs[b]) : (orgs[b], orgs[a])
                _ = add(Edge(source: x.id, target: y.id, type: .competesWith, sources: x.sources,
                             evidence: evidence(k, "\(x.label) <rivals> \(y.label)")))
            }
        }
        return g
    }
}

/// What the edges of a synthetic graph need of a node.
private struct Named {
    let id: String
    let label: String
    let sources: StringSet
    let kind: String?

    init(_ n: Node) {
        id = n.id
        label = n.label
        sources = n.sources
        kind = n.kind
    }
}
