/// The kinds of edge the graph model knows (GRAPH_MODEL.md). The raw value is the `type` attribute.
public enum EdgeType: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case role
    case party
    case competesWith = "competes_with"
    case develops
    case basedIn = "based_in"

    public static func < (a: EdgeType, b: EdgeType) -> Bool { a.rawValue < b.rawValue }
}

/// Where an edge was read: the article, the sentence, and the sentence's offsets in the
/// article text, counted in Unicode scalars (what Python's `text[start:end]` uses).
public struct Evidence: Sendable, Hashable, Codable, Comparable {
    public var article: String
    public var sentence: String
    public var start: Int
    public var end: Int

    public init(article: String, sentence: String, start: Int, end: Int) {
        self.article = article
        self.sentence = sentence
        self.start = start
        self.end = end
    }

    public static func < (a: Evidence, b: Evidence) -> Bool {
        (a.article, a.start, a.end, a.sentence) < (b.article, b.start, b.end, b.sentence)
    }
}

/// The identity of an edge: at most one edge per source, target and type.
public struct EdgeKey: Sendable, Hashable, Codable, Comparable {
    public var source: String
    public var type: EdgeType
    public var target: String

    public init(source: String, type: EdgeType, target: String) {
        self.source = source
        self.type = type
        self.target = target
    }

    public static func < (a: EdgeKey, b: EdgeKey) -> Bool {
        (a.source, a.type.rawValue, a.target) < (b.source, b.type.rawValue, b.target)
    }
}

/// One edge of the corpus graph.
///
/// The fields are laid out for size (three million of these sit in one dictionary): `type`
/// follows the 17-byte `sources` and fills its padding.
public struct Edge: Sendable, Hashable, Codable {
    public var source: String
    public var target: String
    /// `role` edges: every title read for the pair (`ceo`, `founder`); `party` edges: the party role.
    /// The `role` attribute of the exports is `primaryRole`.
    public var roles: StringSet
    public var sources: StringSet
    public var type: EdgeType
    /// The first sentence the edge was read from (smallest article id, then offset).
    public var evidence: Evidence?

    public init(source: String, target: String, type: EdgeType, roles: StringSet = [],
                sources: StringSet = [], evidence: Evidence? = nil) {
        self.source = source
        self.target = target
        self.type = type
        self.roles = roles
        self.sources = sources
        self.evidence = evidence
    }

    public var key: EdgeKey { EdgeKey(source: source, type: type, target: target) }

    /// The one `role` value an edge exports: the most senior title, by `Edge.titleRank`.
    public var primaryRole: String? {
        if let r = roles.single { return r }
        return roles.min { a, b in
            let ra = Edge.titleRank(a), rb = Edge.titleRank(b)
            return ra != rb ? ra < rb : a < b
        }
    }

    /// Seniority used to pick the exported `role` of an edge with several titles.
    static func titleRank(_ t: String) -> Int {
        switch t {
        case "ceo": 0
        case "chairman": 1
        case "president": 2
        case "founder": 3
        case "cfo", "cto", "coo": 4
        case "investor", "investee", "acquirer", "acquired", "partner": 0
        default: 5
        }
    }

    /// Folds another report of the same edge into this one; commutative and associative.
    public mutating func merge(_ other: Edge) {
        precondition(other.key == key, "merging edges with different keys")
        roles.formUnion(other.roles)
        sources.formUnion(other.sources)
        if let e = other.evidence, evidence == nil || e < evidence! { evidence = e }
    }
}
