/// The GraphML key table shared by the writer and the reader (as in networkx's `GraphML` base).
///
/// Keys are numbered `d0…dn` in this fixed order, so the same graph gives the same bytes and a
/// new attribute appends a key instead of renumbering the others. Lists are one string, items
/// sorted and joined by `|` (GRAPH_MODEL.md).
///
/// Not held: the graph's own metadata (none exists), node positions (yEd profile: a grid, for a
/// layout to replace), anything beyond the attributes below.
enum GraphML {
    static let namespace = "http://graphml.graphdrawing.org/xmlns"
    static let xsi = "http://www.w3.org/2001/XMLSchema-instance"
    static let schemaLocation = "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
    /// What yEd writes, so yEd recognises its own extension.
    static let yedSchemaLocation = "http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd"
    static let yNamespace = "http://www.yworks.com/xml/graphml"

    struct Key {
        let id: String
        let domain: String
        let name: String
        let type: String
    }

    enum NodeAttr: Int, CaseIterable { case type, label, aliases, sources, kind, amount, currency, date }
    enum EdgeAttr: Int, CaseIterable {
        case type, role, roles, sources, evidence, evidenceArticle, evidenceStart, evidenceEnd
    }

    static let nodeKeys: [Key] = [
        Key(id: "d0", domain: "node", name: "type", type: "string"),
        Key(id: "d1", domain: "node", name: "label", type: "string"),
        Key(id: "d2", domain: "node", name: "aliases", type: "string"),
        Key(id: "d3", domain: "node", name: "sources", type: "string"),
        Key(id: "d4", domain: "node", name: "kind", type: "string"),
        Key(id: "d5", domain: "node", name: "amount", type: "double"),
        Key(id: "d6", domain: "node", name: "currency", type: "string"),
        Key(id: "d7", domain: "node", name: "date", type: "string"),
    ]
    static let edgeKeys: [Key] = [
        Key(id: "d8", domain: "edge", name: "type", type: "string"),
        Key(id: "d9", domain: "edge", name: "role", type: "string"),
        Key(id: "d10", domain: "edge", name: "roles", type: "string"),
        Key(id: "d11", domain: "edge", name: "sources", type: "string"),
        Key(id: "d12", domain: "edge", name: "evidence", type: "string"),
        Key(id: "d13", domain: "edge", name: "evidence_article", type: "string"),
        Key(id: "d14", domain: "edge", name: "evidence_start", type: "long"),
        Key(id: "d15", domain: "edge", name: "evidence_end", type: "long"),
    ]
    /// yEd profile only: the node graphics key.
    static let yedNodeGraphicsKey = "d16"

    static func nodeKey(_ a: NodeAttr) -> String { nodeKeys[a.rawValue].id }
    static func edgeKey(_ a: EdgeAttr) -> String { edgeKeys[a.rawValue].id }
}
