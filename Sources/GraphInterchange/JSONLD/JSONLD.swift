import GraphModel

/// The JSON-LD vocabulary shared by the writer, the reader and `RDFTriples`.
///
/// schema.org where it has the term (Organization, Person, Product, Place, name, alternateName,
/// identifier, amount, value, currency, roleName, OrganizationRole); the project vocabulary
/// `https://newsgraph.dev/vocab#` for the rest (Deal, Edge, kind, date, sources, source, target,
/// edgeType, roles, evidence, evidenceArticle, evidenceStart, evidenceEnd).
enum JSONLD {
    static let schema = "https://schema.org/"
    static let vocab = "https://newsgraph.dev/vocab#"
    static let rdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    static let xsdInteger = "http://www.w3.org/2001/XMLSchema#integer"
    static let xsdDouble = "http://www.w3.org/2001/XMLSchema#double"
    static let nodePrefix = "urn:newsgraph:"
    static let edgePrefix = "urn:newsgraph:edge:"

    /// The inline `@context`, written verbatim (nothing is ever fetched).
    static let context = """
      "@context": {
        "@version": 1.1,
        "schema": "https://schema.org/",
        "ng": "https://newsgraph.dev/vocab#",
        "Organization": "schema:Organization",
        "Person": "schema:Person",
        "Product": "schema:Product",
        "Place": "schema:Place",
        "Deal": "ng:Deal",
        "Edge": "ng:Edge",
        "OrganizationRole": "schema:OrganizationRole",
        "identifier": "schema:identifier",
        "name": "schema:name",
        "alternateName": {"@id": "schema:alternateName", "@container": "@set"},
        "sources": {"@id": "ng:sources", "@container": "@set"},
        "kind": "ng:kind",
        "date": "ng:date",
        "amount": "schema:amount",
        "value": "schema:value",
        "currency": "schema:currency",
        "source": {"@id": "ng:source", "@type": "@id"},
        "target": {"@id": "ng:target", "@type": "@id"},
        "edgeType": "ng:edgeType",
        "roleName": "schema:roleName",
        "roles": {"@id": "ng:roles", "@container": "@set"},
        "evidence": "ng:evidence",
        "evidenceArticle": "ng:evidenceArticle",
        "evidenceStart": "ng:evidenceStart",
        "evidenceEnd": "ng:evidenceEnd"
      }
    """

    /// Full IRIs of the terms, for `RDFTriples`.
    static func typeIRI(_ t: NodeType) -> String {
        switch t {
        case .organization: schema + "Organization"
        case .person: schema + "Person"
        case .product: schema + "Product"
        case .place: schema + "Place"
        case .deal: vocab + "Deal"
        }
    }

    /// `urn:newsgraph:org:openai`; characters an IRI cannot hold are percent-encoded.
    static func nodeIRI(_ id: String) -> String { nodePrefix + iriSafe(id) }

    /// The deal's amount gets its own IRI (no blank nodes, so RDF Patch can name it).
    static func amountIRI(_ id: String) -> String { nodeIRI(id) + "/amount" }

    /// `urn:newsgraph:edge:person:brad-smith/role/org:microsoft`.
    static func edgeIRI(_ e: Edge) -> String {
        edgePrefix + iriSafe(e.source) + "/" + e.type.rawValue + "/" + iriSafe(e.target)
    }

    /// Edges with a role are also schema.org OrganizationRoles, with `roleName`.
    static func hasRole(_ t: EdgeType) -> Bool { t == .role || t == .party }

    /// Percent-encodes what RFC 3987 keeps out of an IRI (controls, space, `<>"{}|\^``) and `%`
    /// itself, so the IRI is valid and decodes back to the id. Slug ids never need it.
    @inline(__always)
    static func needsPercent(_ b: UInt8) -> Bool {
        switch b {
        case 0...0x20, 0x7F, 0x3C, 0x3E, 0x22, 0x7B, 0x7D, 0x7C, 0x5C, 0x5E, 0x60, 0x25: true
        default: false
        }
    }

    static func iriSafe(_ s: String) -> String {
        if !ExportText.anyByte(s, needsPercent) { return s }
        var out = [UInt8]()
        let hex = Array("0123456789ABCDEF".utf8)
        for b in s.utf8 {
            if needsPercent(b) {
                out += [0x25, hex[Int(b >> 4)], hex[Int(b & 15)]]
            } else {
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
