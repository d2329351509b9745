/// What extraction reads from one article: entities keyed by a normalized name, and the
/// relations and deals between them. Ids are not assigned here: which spelling is canonical,
/// and whether a short form is the same company as a long one, is only known for the whole
/// corpus (see `CorpusMerger`). A pure value, so it can be cached per article or made elsewhere.
public struct PartialGraph: Sendable, Hashable, Codable {
    public var article: String
    public var date: String?
    public var entities: [PartialEntity] = []
    public var relations: [PartialRelation] = []
    public var deals: [PartialDeal] = []

    public init(article: String, date: String? = nil) {
        self.article = article
        self.date = date
    }
}

/// The identity of an entity before ids exist: its type and its match key
/// (`Slug.matchKey`: lowercased, diacritics folded, legal suffix, spaces and punctuation removed).
public struct EntityKey: Sendable, Hashable, Codable, Comparable {
    public var type: NodeType
    public var key: String

    public init(type: NodeType, key: String) {
        self.type = type
        self.key = key
    }

    public static func < (a: EntityKey, b: EntityKey) -> Bool { (a.type, a.key) < (b.type, b.key) }
}

public struct PartialEntity: Sendable, Hashable, Codable {
    public var key: EntityKey
    /// Surface forms without genitive and legal suffix, with how often each was seen.
    public var labels: [String: Int]
    /// Every distinct surface form (with legal suffix where the text had one).
    public var aliases: Set<String>
    /// Set when a lexicon entry named this entity: its id and label win over what the text spells.
    public var lexiconID: String?
    public var lexiconLabel: String?

    public init(key: EntityKey, labels: [String: Int] = [:], aliases: Set<String> = [],
                lexiconID: String? = nil, lexiconLabel: String? = nil) {
        self.key = key
        self.labels = labels
        self.aliases = aliases
        self.lexiconID = lexiconID
        self.lexiconLabel = lexiconLabel
    }
}

public struct PartialRelation: Sendable, Hashable, Codable {
    public var source: EntityKey
    public var type: EdgeType
    public var target: EntityKey
    public var roles: Set<String>
    public var evidence: Evidence

    public init(source: EntityKey, type: EdgeType, target: EntityKey, roles: Set<String> = [], evidence: Evidence) {
        self.source = source
        self.type = type
        self.target = target
        self.roles = roles
        self.evidence = evidence
    }
}

public struct PartialDeal: Sendable, Hashable, Codable {
    public struct Party: Sendable, Hashable, Codable {
        public var entity: EntityKey
        public var role: String
        public init(entity: EntityKey, role: String) {
            self.entity = entity
            self.role = role
        }
    }

    public var kind: String
    public var parties: [Party]
    public var amount: Double?
    public var currency: String?
    public var date: String?
    public var evidence: Evidence

    public init(kind: String, parties: [Party], amount: Double? = nil, currency: String? = nil,
                date: String? = nil, evidence: Evidence) {
        self.kind = kind
        self.parties = parties
        self.amount = amount
        self.currency = currency
        self.date = date
        self.evidence = evidence
    }
}
