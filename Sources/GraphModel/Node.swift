/// The kinds of node the graph model knows (GRAPH_MODEL.md). The raw value is the `type` attribute.
public enum NodeType: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case organization = "Organization"
    case person = "Person"
    case deal = "Deal"
    case product = "Product"
    case place = "Place"

    /// The prefix of every id of this type: `org:openai`, `person:brad-smith`.
    public var idPrefix: String {
        switch self {
        case .organization: "org"
        case .person: "person"
        case .deal: "deal"
        case .product: "product"
        case .place: "place"
        }
    }

    public init?(idPrefix: String) {
        guard let t = NodeType.allCases.first(where: { $0.idPrefix == idPrefix }) else { return nil }
        self = t
    }

    public static func < (a: NodeType, b: NodeType) -> Bool { a.rawValue < b.rawValue }
}

/// One node of the corpus graph. Lists are sets so that merging is order-independent;
/// writers emit them sorted.
///
/// The fields are laid out for size (a million of these sit in one dictionary): `type` follows
/// the 17-byte `sources` and fills its padding.
public struct Node: Sendable, Hashable, Codable {
    public var id: String
    public var label: String
    /// Every distinct surface form seen (entities only; genitives are not aliases).
    public var aliases: StringSet
    /// Ids of the articles that support the node.
    public var sources: StringSet
    public var type: NodeType
    /// Deal kind: `investment`, `partnership`, `acquisition`, `merger`.
    public var kind: String?
    /// Deal amount in whole currency units.
    public var amount: Double?
    /// ISO 4217 code, present with `amount`.
    public var currency: String?
    /// ISO 8601 date (`2024-03-28`): a deal's date, the date of the article where the text gives none.
    public var date: String?

    public init(id: String, type: NodeType, label: String, aliases: StringSet = [], sources: StringSet = [],
                kind: String? = nil, amount: Double? = nil, currency: String? = nil, date: String? = nil) {
        self.id = id
        self.type = type
        self.label = label
        self.aliases = aliases
        self.sources = sources
        self.kind = kind
        self.amount = amount
        self.currency = currency
        self.date = date
    }

    /// Folds another report of the same node into this one. Commutative and associative, so the
    /// merged graph does not depend on the order of the articles.
    public mutating func merge(_ other: Node) {
        precondition(other.id == id, "merging nodes with different ids")
        aliases.formUnion(other.aliases)
        sources.formUnion(other.sources)
        label = Node.preferredLabel(label, other.label)
        kind = [kind, other.kind].compactMap { $0 }.min()
        if let a = other.amount {
            // The larger figure wins: where a text gives tranches and a total, the total is the amount.
            if amount == nil || (a, other.currency ?? "") > (amount!, currency ?? "") {
                amount = a
                currency = other.currency
            }
        }
        if let d = other.date, date == nil || d < date! { date = d }
    }

    /// The order-independent choice between two labels of one node: the longer, then the smaller.
    public static func preferredLabel(_ a: String, _ b: String) -> String {
        if a.unicodeScalars.count != b.unicodeScalars.count {
            return a.unicodeScalars.count > b.unicodeScalars.count ? a : b
        }
        return min(a, b)
    }
}
