import GraphModel

/// Writes `neo4j/nodes.csv` and `neo4j/relationships.csv` for
/// `neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv`.
///
/// Nodes: `id:ID`, `:LABEL` (the node type), `label`, typed columns (`amount:double`), lists as
/// `string[]` with `;` between items (neo4j-admin's default array delimiter). Relationships:
/// `:START_ID`, `:END_ID`, `:TYPE` (the edge type upper-cased: `ROLE`, `COMPETES_WITH`), then
/// the edge properties. RFC 4180 quoting: every non-empty string field is quoted and `"` doubled;
/// an absent value is an empty unquoted field, which neo4j-admin imports as no property.
///
/// Does not hold: list items containing `;` (neo4j-admin would split them; no escape exists);
/// fields with newlines need `--multiline-fields=true` on import.
struct Neo4jCSVSerializer: GraphSerializer {
    var fileNames: [String] { ["neo4j/nodes.csv", "neo4j/relationships.csv"] }

    static let nodeHeader = "id:ID,:LABEL,label,aliases:string[],sources:string[],kind,amount:double,currency,date\n"
    static let edgeHeader = ":START_ID,:END_ID,:TYPE,role,roles:string[],sources:string[],evidence,evidence_article,evidence_start:long,evidence_end:long\n"

    func write(_ g: PreparedGraph, to dir: String, options: ExportOptions) throws -> [String] {
        let sub = joinPath(dir, "neo4j")
        try makeDirectories(sub)
        var warnings: [String] = []
        var semicolons = 0
        let nodes = try OutputFile(path: joinPath(sub, "nodes.csv"))
        try nodes.text(Neo4jCSVSerializer.nodeHeader)
        for n in g.nodes {
            try field(n.id, nodes); try nodes.byte(0x2C)
            try field(n.type.rawValue, nodes); try nodes.byte(0x2C)
            try field(n.label, nodes); try nodes.byte(0x2C)
            try list(n.aliases, nodes, &semicolons); try nodes.byte(0x2C)
            try list(n.sources, nodes, &semicolons); try nodes.byte(0x2C)
            try field(n.kind, nodes); try nodes.byte(0x2C)
            if let a = n.amount { try nodes.text(ExportText.number(a)) }
            try nodes.byte(0x2C)
            try field(n.currency, nodes); try nodes.byte(0x2C)
            try field(n.date, nodes)
            try nodes.byte(0x0A)
        }
        let rels = try OutputFile(path: joinPath(sub, "relationships.csv"))
        try rels.text(Neo4jCSVSerializer.edgeHeader)
        for e in g.edges {
            try field(e.source, rels); try rels.byte(0x2C)
            try field(e.target, rels); try rels.byte(0x2C)
            try field(e.type.rawValue.uppercased(), rels); try rels.byte(0x2C)
            try field(e.primaryRole, rels); try rels.byte(0x2C)
            try list(e.roles, rels, &semicolons); try rels.byte(0x2C)
            try list(e.sources, rels, &semicolons); try rels.byte(0x2C)
            try field(e.evidence?.sentence, rels); try rels.byte(0x2C)
            try field(e.evidence?.article, rels); try rels.byte(0x2C)
            if let ev = e.evidence { try rels.int(ev.start) }
            try rels.byte(0x2C)
            if let ev = e.evidence { try rels.int(ev.end) }
            try rels.byte(0x0A)
        }
        try nodes.commit()
        try rels.commit()
        if semicolons > 0 {
            warnings.append("warning: neo4j: \(semicolons) list item\(semicolons == 1 ? "" : "s") contain ';', the neo4j-admin array delimiter; they will import split")
        }
        return warnings
    }

    /// A quoted CSV field (`"` doubled); nothing for `nil`.
    func field(_ s: String?, _ out: OutputFile) throws {
        guard var s else { return }
        try out.byte(0x22)
        try s.withUTF8 { u in
            let raw = UnsafeRawBufferPointer(u)
            var start = 0
            for i in 0..<u.count where u[i] == 0x22 {
                try out.bytes(UnsafeRawBufferPointer(rebasing: raw[start...i]))
                try out.byte(0x22)
                start = i + 1
            }
            try out.bytes(UnsafeRawBufferPointer(rebasing: raw[start..<u.count]))
        }
        try out.byte(0x22)
    }

    func list(_ s: StringSet, _ out: OutputFile, _ semicolons: inout Int) throws {
        if s.isEmpty { return }
        let items = ExportText.sorted(s)
        semicolons += items.filter { $0.utf8.contains(0x3B) }.count
        try field(items.joined(separator: ";"), out)
    }
}
