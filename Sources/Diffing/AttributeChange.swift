import GraphModel

/// The attributes a diff compares, in the order changes are listed (GRAPH_MODEL.md names).
public enum Attribute: String, Sendable, Hashable, CaseIterable, Comparable {
    case type, label, kind, amount, currency, date, aliases
    /// The exported `role` of an edge: its most senior title (`Edge.primaryRole`).
    case role
    /// Every title read for an edge.
    case roles
    case sources, evidence

    public static func < (a: Attribute, b: Attribute) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// One attribute that differs between the old and the new version of a node or edge.
///
/// Single values say what they were and what they became (nil: absent); lists say which items
/// were added and which were dropped, since a learned alias or a new source is the news, not
/// the whole list.
public enum AttributeChange: Sendable, Hashable {
    /// A single string value: type, label, kind, currency, date, role.
    case value(Attribute, old: String?, new: String?)
    /// The deal amount, kept as a number so JSON stays numeric.
    case amount(old: Double?, new: Double?)
    /// A set-valued attribute: aliases, sources, roles. Both lists sorted.
    case items(Attribute, added: [String], removed: [String])
    /// The first sentence an edge was read from.
    case evidence(old: Evidence?, new: Evidence?)

    public var attribute: Attribute {
        switch self {
        case .value(let a, _, _), .items(let a, _, _): a
        case .amount: .amount
        case .evidence: .evidence
        }
    }

    /// The changes from `old` to `new`, in `Attribute` order; empty when the nodes are equal.
    public static func between(_ old: Node, _ new: Node) -> [AttributeChange] {
        var out: [AttributeChange] = []
        if old.type != new.type { out.append(.value(.type, old: old.type.rawValue, new: new.type.rawValue)) }
        if old.label != new.label { out.append(.value(.label, old: old.label, new: new.label)) }
        if old.kind != new.kind { out.append(.value(.kind, old: old.kind, new: new.kind)) }
        if !sameNumber(old.amount, new.amount) { out.append(.amount(old: old.amount, new: new.amount)) }
        if old.currency != new.currency { out.append(.value(.currency, old: old.currency, new: new.currency)) }
        if old.date != new.date { out.append(.value(.date, old: old.date, new: new.date)) }
        if let c = items(.aliases, old.aliases, new.aliases) { out.append(c) }
        if let c = items(.sources, old.sources, new.sources) { out.append(c) }
        return out
    }

    /// The changes from `old` to `new` of one edge key, in `Attribute` order.
    public static func between(_ old: Edge, _ new: Edge) -> [AttributeChange] {
        var out: [AttributeChange] = []
        if old.type != new.type { out.append(.value(.type, old: old.type.rawValue, new: new.type.rawValue)) }
        let (r0, r1) = (old.primaryRole, new.primaryRole)
        if r0 != r1 { out.append(.value(.role, old: r0, new: r1)) }
        if let c = items(.roles, old.roles, new.roles) { out.append(c) }
        if let c = items(.sources, old.sources, new.sources) { out.append(c) }
        if old.evidence != new.evidence { out.append(.evidence(old: old.evidence, new: new.evidence)) }
        return out
    }

    private static func items(_ a: Attribute, _ old: StringSet, _ new: StringSet) -> AttributeChange? {
        if old == new { return nil }
        return .items(a, added: new.subtracting(old).sorted(), removed: old.subtracting(new).sorted())
    }

    /// NaN never equals itself; two NaN amounts are the same (unstated) figure, not a change.
    private static func sameNumber(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case let (x?, y?): x == y || (x.isNaN && y.isNaN)
        default: false
        }
    }
}
