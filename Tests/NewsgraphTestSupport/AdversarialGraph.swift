import GraphModel

/// Graphs built to break writers: every hazard a name or sentence can hold, for any stage's
/// tests (exports, diffing, end to end).
public enum AdversarialGraph {
    /// Names holding quotes, backslashes (also trailing), `<`, `&`, newlines, tabs, CR, every C0
    /// control character U+0001…U+001F, emoji, right-to-left text, DOT keywords (`node`, `graph`,
    /// `strict`, `edge`, `digraph`, `subgraph`), and a 10,000-character label.
    public static let hazardousNames: [String] = [
        "Quote \"Inc\"",
        "Back\\slash Corp",
        "Trailing Backslash\\",
        "<script>alert(1)</script> & Sons",
        "Ampersand &amp; Entity &#0; Ltd",
        "Line\nBreak\nHoldings",
        "Tab\tSeparated\tAB",
        "Carriage\rReturn SA",
        "Controls " + (1...0x1F).map { String(UnicodeScalar(UInt8($0))) }.joined() + " GmbH",
        "Rocket 🚀 Labs 👩‍👩‍👧",
        "שלום עולם בע\"מ",
        "شركة الخليج",
        "node", "graph", "strict", "edge", "digraph", "subgraph",
        "\\N \\G \\L \\E escapes",
        "{braces} [brackets] ;semi, comma=eq",
        String(repeating: "Long名", count: 2000),
    ]

    /// One Organization per hazardous name (ids from `Slug`, as the pipeline makes them), a person
    /// with several titles at each, a deal with a fractional and one with a large amount, and
    /// evidence sentences that are themselves hazardous. Deterministic.
    public static func make() -> KnowledgeGraph {
        var nodes: [Node] = []
        var edges: [Edge] = []
        var orgIDs: [String] = []
        for (i, name) in hazardousNames.enumerated() {
            var id = Slug.id(.organization, name)
            if orgIDs.contains(id) { id += "-\(i)" }
            orgIDs.append(id)
            nodes.append(Node(id: id, type: .organization, label: name,
                              aliases: [name.replacingBars(), "alias \(i) \"q\" \\ <&>", "Alias \(i)"],
                              sources: ["article-\(i % 3)", "a\"b\\c"]))
        }
        let person = Node(id: Slug.id(.person, "Zoë \"Z\" O'Brien"), type: .person, label: "Zoë \"Z\" O'Brien\\",
                          aliases: ["Zoë O'Brien"], sources: ["article-0"])
        nodes.append(person)
        for (i, org) in orgIDs.enumerated() {
            edges.append(Edge(source: person.id, target: org, type: .role,
                              roles: i % 2 == 0 ? ["ceo", "founder"] : ["board member"], sources: ["article-\(i % 3)"],
                              evidence: Evidence(article: "article-\(i % 3)",
                                                 sentence: hazardousNames[i] + " named \"Zoë\" CEO.\n\tSecond line\\",
                                                 start: i * 10, end: i * 10 + 42)))
            if i > 0 {
                edges.append(Edge(source: orgIDs[i - 1], target: org, type: .competesWith, sources: ["article-1"],
                                  evidence: Evidence(article: "article-1", sentence: "They compete < & >.", start: 0, end: 19)))
            }
        }
        let deal1 = Node(id: "deal:investment-" + Slug.make(hazardousNames[0]) + "-" + Slug.make(hazardousNames[1]),
                         type: .deal, label: "\(hazardousNames[0]) → \(hazardousNames[1]) investment ($2.5)",
                         sources: ["article-0"], kind: "investment", amount: 2.5, currency: "USD", date: "2024-03-28")
        let deal2 = Node(id: "deal:acquisition-" + Slug.make(hazardousNames[2]) + "-" + Slug.make(hazardousNames[3]),
                         type: .deal, label: "Huge & \"acquisition\"", sources: ["article-2"], kind: "acquisition",
                         amount: 10_000_000_000, currency: "SEK")
        nodes += [deal1, deal2]
        edges.append(Edge(source: orgIDs[0], target: deal1.id, type: .party, roles: ["investor"], sources: ["article-0"],
                          evidence: Evidence(article: "article-0", sentence: "Invests.", start: 1, end: 9)))
        edges.append(Edge(source: orgIDs[1], target: deal1.id, type: .party, roles: ["investee"], sources: ["article-0"],
                          evidence: Evidence(article: "article-0", sentence: "Receives.", start: 10, end: 19)))
        edges.append(Edge(source: orgIDs[2], target: deal2.id, type: .party, roles: ["acquirer"], sources: ["article-2"],
                          evidence: Evidence(article: "article-2", sentence: "Buys.", start: 0, end: 5)))
        let product = Node(id: Slug.id(.product, "Widget \"Pro\""), type: .product, label: "Widget \"Pro\"", sources: ["article-1"])
        let place = Node(id: Slug.id(.place, "Zürich"), type: .place, label: "Zürich", aliases: ["Zurich"], sources: ["article-1"])
        nodes += [product, place]
        edges.append(Edge(source: orgIDs[0], target: product.id, type: .develops, sources: ["article-1"],
                          evidence: Evidence(article: "article-1", sentence: "Makes the widget.", start: 0, end: 17)))
        edges.append(Edge(source: orgIDs[0], target: place.id, type: .basedIn, sources: ["article-1"],
                          evidence: Evidence(article: "article-1", sentence: "Based in Zürich.", start: 20, end: 36)))
        return KnowledgeGraph(nodes: nodes, edges: edges)
    }

    /// A synthetic graph of `nodes` nodes (a quarter people) and `edges` edges, for throughput
    /// tests and benchmarks; deterministic from `seed`.
    public static func synthetic(nodes: Int, edges: Int, seed: UInt64 = 42) -> KnowledgeGraph {
        var state = seed
        func next() -> UInt64 {  // splitmix64
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return z ^ (z >> 31)
        }
        let people = nodes / 4
        func id(_ i: Int) -> String { i < people ? "person:person-\(i)-smith" : "org:company-\(i)-holdings" }
        var ns: [Node] = []
        ns.reserveCapacity(nodes)
        for i in 0..<nodes {
            let name = i < people ? "Person \(i) Smith" : "Company \(i) Holdings"
            ns.append(Node(id: id(i), type: i < people ? .person : .organization, label: name,
                           aliases: [name, name.uppercased()], sources: ["article-\(i % 1000)"]))
        }
        var g = KnowledgeGraph(nodes: ns, edges: [Edge]())
        var made = 0
        while made < edges {
            let a = Int(next() % UInt64(nodes)), b = people + Int(next() % UInt64(nodes - people))
            if a == b { continue }
            let type: EdgeType = a < people ? .role : .competesWith
            let before = g.edges.count
            g.add(Edge(source: id(a), target: id(b), type: type, roles: type == .role ? ["ceo"] : [],
                       sources: ["article-\(made % 1000)"],
                       evidence: Evidence(article: "article-\(made % 1000)",
                                          sentence: "\(id(a)) and \(id(b)) were reported together.",
                                          start: made % 5000, end: made % 5000 + 40)))
            if g.edges.count > before { made += 1 }
        }
        return g
    }
}

extension String {
    /// The list separator `|` cannot be inside a list item; the fixture keeps its aliases clean.
    fileprivate func replacingBars() -> String { String(map { $0 == "|" ? "/" : $0 }) }
}
