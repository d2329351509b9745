import Foundation
import GraphModel

/// Precision, recall and F1 of a graph against gold, by the metric of the reference scorer
/// (`tools/score.py`): the same normalization, the same matching, the same counts.
public enum Scoring {
    static let legal = try! NSRegularExpression(
        pattern: "[ ,]+(inc|corp|corporation|co|ltd|limited|llc|plc|ab|ab \\(publ\\)|publ|sa|sas|se|ag|gmbh|nv|bv|oy|oyj|asa|as|spa|srl)\\.?$")
    static let roleSynonyms: [String: String] = [
        "chief executive": "ceo", "chief executive officer": "ceo", "vd": "ceo",
        "managing director": "ceo", "pdg": "ceo", "directeur général": "ceo",
        "chair": "chairman", "chairwoman": "chairman", "chairperson": "chairman",
        "board chairman": "chairman", "co-founder": "founder", "cofounder": "founder",
        "co founder": "founder",
    ]

    /// NFKC, casefold, one space, no surrounding punctuation, no legal suffix.
    public static func norm(_ s: String) -> String {
        var t = s.precomposedStringWithCompatibilityMapping.lowercased()
        t = t.replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2018}", with: "'")
        t = t.replacingOccurrences(of: "[\\s\u{00a0}]+", with: " ", options: .regularExpression)
        let strip = CharacterSet(charactersIn: " .,;:'\"")
        t = t.trimmingCharacters(in: strip)
        let r = NSRange(t.startIndex..., in: t)
        t = legal.stringByReplacingMatches(in: t, range: r, withTemplate: "")
        return t.trimmingCharacters(in: .whitespaces)
    }

    public static func normRole(_ r: String) -> String {
        let n = norm(r)
        return roleSynonyms[n] ?? n
    }

    public struct PRF: Sendable, Codable {
        public var tp: Int, fp: Int, fn: Int
        public var p: Double, r: Double, f1: Double
        public var extra: String = ""

        init(_ tp: Int, _ fp: Int, _ fn: Int) {
            self.tp = tp; self.fp = fp; self.fn = fn
            p = tp + fp > 0 ? Double(tp) / Double(tp + fp) : (fn == 0 ? 1 : 0)
            r = tp + fn > 0 ? Double(tp) / Double(tp + fn) : 1
            f1 = p + r > 0 ? 2 * p * r / (p + r) : 0
            p = round3(p); r = round3(r); f1 = round3(f1)
        }
    }

    static func round3(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }

    public struct Report: Sendable {
        public var entities: PRF, roles: PRF, deals: PRF, competes: PRF, products: PRF
        public var titleCorrect: Int
        public var amountCorrect: Int, amountGold: Int
        public var core: Double { round3((entities.f1 + roles.f1 + deals.f1) / 3) }
        /// False positives and negatives, each with the evidence sentence where there is one.
        public var log: [String] = []
    }

    enum Ref: Hashable { case cluster(Int), node(String) }

    public static func score(_ gold: Gold, _ g: KnowledgeGraph) -> Report {
        var log: [String] = []
        // The first sentence that mentions a node (through any of its edges), for --explain.
        var nodeEvidence: [String: Evidence] = [:]
        for e in g.edges.values {
            guard let ev = e.evidence else { continue }
            for id in [e.source, e.target] where nodeEvidence[id] == nil || ev < nodeEvidence[id]! { nodeEvidence[id] = ev }
        }
        var nodeCluster: [String: Int] = [:]
        var hits: [Int: [String]] = [:]
        var fpEnt = 0
        for n in g.sortedNodes where n.type == .organization || n.type == .person {
            let names = [n.label] + n.aliases.sorted()
            guard let c = names.lazy.compactMap({ gold.alias[norm($0)] }).first else {
                fpEnt += 1
                log.append("FP entity  \(n.type.rawValue): \(n.label) (sources: \(n.sources.sorted().joined(separator: ", ")))" + ev(nodeEvidence[n.id]))
                continue
            }
            nodeCluster[n.id] = c
            if gold.clusters[c].type != n.type.rawValue {
                if !gold.clusters[c].optional {
                    fpEnt += 1
                    log.append("FP entity  \(n.type.rawValue): \(n.label) (gold says \(gold.clusters[c].type))")
                }
                continue
            }
            hits[c, default: []].append(n.id)
        }
        var tp = 0, fn = 0
        for (c, cl) in gold.clusters.enumerated() where !cl.optional {
            if let h = hits[c], !h.isEmpty {
                tp += 1
                if h.count > 1 {
                    fpEnt += h.count - 1
                    log.append("FP entity  duplicate nodes for \(cl.name): \(h)")
                }
            } else {
                fn += 1
                log.append("FN entity  \(cl.type): \(cl.name)")
            }
        }
        let entities = PRF(tp, fpEnt, fn)
        func ref(_ id: String) -> Ref { nodeCluster[id].map { .cluster($0) } ?? .node(id) }
        func name(_ r: Ref) -> String {
            switch r {
            case .cluster(let c): gold.clusters[c].name
            case .node(let id): g.nodes[id]?.label ?? id
            }
        }
        // Roles.
        var predRoles: [[Ref]: (Set<String>, Evidence?)] = [:]
        for e in g.sortedEdges where e.type == .role {
            let k = [ref(e.source), ref(e.target)]
            var v = predRoles[k] ?? ([], e.evidence)
            v.0.insert(normRole(e.primaryRole ?? ""))
            predRoles[k] = v
        }
        func goldPair(_ k: [Ref]) -> Gold.Pair? {
            if case .cluster(let a) = k[0], case .cluster(let b) = k[1] { return Gold.Pair(a: a, b: b) }
            return nil
        }
        var rtp = 0, titleOK = 0
        for (k, v) in predRoles.sorted(by: { "\($0.key)" < "\($1.key)" }) {
            if let gp = goldPair(k), let gr = gold.roles[gp] {
                rtp += 1
                if !v.0.isDisjoint(with: gr) { titleOK += 1 }
            } else {
                log.append("FP role    \(name(k[0])) -> \(name(k[1])) (\(v.0.sorted().joined(separator: "/")))" + ev(v.1))
            }
        }
        for k in gold.roleOrder where predRoles[[.cluster(k.a), .cluster(k.b)]] == nil {
            log.append("FN role    \(gold.clusters[k.a].name) -> \(gold.clusters[k.b].name) (\(gold.roles[k]!.sorted().joined(separator: "/")))")
        }
        var roles = PRF(rtp, predRoles.count - rtp, gold.roles.count - rtp)
        roles.extra = "{'title_correct': \(titleOK)}"
        // Deals.
        var predDeals: [String: [(Node, Set<Ref>)]] = [:]
        var inParty: [String: Set<Ref>] = [:]
        for e in g.edges.values where e.type == .party { inParty[e.target, default: []].insert(ref(e.source)) }
        for n in g.sortedNodes where n.type == .deal {
            let parties = inParty[n.id] ?? []
            predDeals["\((n.kind ?? "").lowercased())|\(parties.map { "\($0)" }.sorted())", default: []].append((n, parties))
        }
        func goldKey(_ kind: String, _ parties: Set<Ref>) -> Gold.DealKey? {
            var cs = Set<Int>()
            for p in parties { if case .cluster(let c) = p { cs.insert(c) } else { return nil } }
            return Gold.DealKey(kind: kind, parties: cs)
        }
        var dtp = 0, amountOK = 0, amountGold = 0, dfp = 0
        var matched = Set<Gold.DealKey>()
        for (_, ds) in predDeals.sorted(by: { $0.key < $1.key }) {
            let (n0, parties) = ds[0]
            if let gk = goldKey((n0.kind ?? "").lowercased(), parties), let gd = gold.deals[gk] {
                matched.insert(gk)
                dtp += 1
                if !gd.amountValues.isEmpty {
                    amountGold += 1
                    let ok = ds.contains { (n, _) in
                        guard let a = n.amount else { return false }
                        return gd.amountValues.contains { abs(a - $0.0) <= 0.01 * $0.0 && n.currency == $0.1 }
                    }
                    if ok { amountOK += 1 } else {
                        log.append("AMOUNT     \(n0.kind ?? "") \(gk.parties.map { gold.clusters[$0].name }.sorted()): gold \(gd.amountValues.map { "\(Int($0.0)) \($0.1 ?? "")" }), got \(ds.map { n, _ in "\(n.amount.map { String(Int($0)) } ?? "none") \(n.currency ?? "")" })" + ev(firstEvidence(g, n0.id)))
                    }
                }
                let distinct = Set(ds.map { n, _ in "\(n.amount.map { String($0) } ?? "")|\(n.currency ?? "")" }).count
                if ds.count > distinct {
                    dfp += ds.count - distinct
                    log.append("FP deal    duplicate: \(n0.label)")
                }
            } else {
                dfp += 1
                log.append("FP deal    \(n0.label)" + ev(firstEvidence(g, n0.id)))
            }
        }
        for k in gold.dealOrder where !matched.contains(k) {
            log.append("FN deal    \(k.kind) \(k.parties.map { gold.clusters[$0].name }.sorted())")
        }
        var deals = PRF(dtp, dfp, gold.deals.count - dtp)
        deals.extra = "{'amount_correct': '\(amountOK)/\(amountGold)'}"
        // Competition.
        var predC = Set<Set<Ref>>()
        var cEvidence: [Set<Ref>: Evidence] = [:]
        for e in g.sortedEdges where e.type == .competesWith {
            let k: Set<Ref> = [ref(e.source), ref(e.target)]
            predC.insert(k)
            if cEvidence[k] == nil { cEvidence[k] = e.evidence }
        }
        let goldC = Set(gold.competes.map { Set($0.map { Ref.cluster($0) }) })
        let ctp = predC.intersection(goldC).count
        for k in predC.subtracting(goldC).sorted(by: { "\($0)" < "\($1)" }) {
            log.append("FP competes \(k.map(name).sorted().joined(separator: " – "))" + ev(cEvidence[k]))
        }
        for k in goldC.subtracting(predC).sorted(by: { "\($0)" < "\($1)" }) {
            log.append("FN competes \(k.map(name).sorted().joined(separator: " – "))")
        }
        let competes = PRF(ctp, predC.count - ctp, goldC.count - ctp)
        // Products.
        var predP = Set<[String]>()
        for e in g.edges.values where e.type == .develops {
            let r = ref(e.source)
            predP.insert(["\(r)", norm(g.nodes[e.target]?.label ?? "")])
        }
        func pmatch(_ p: [String], _ gk: Gold.ProductKey) -> Bool {
            p[0] == "\(Ref.cluster(gk.org))" && (p[1] == gk.product || p[1].hasSuffix(" " + gk.product) || gk.product.hasSuffix(" " + p[1]))
        }
        let ptp = gold.products.filter { gk in predP.contains { pmatch($0, gk) } }.count
        let pfp = predP.filter { p in !gold.products.contains { pmatch(p, $0) } }.count
        let products = PRF(ptp, pfp, gold.products.count - ptp)
        return Report(entities: entities, roles: roles, deals: deals, competes: competes, products: products,
                      titleCorrect: titleOK, amountCorrect: amountOK, amountGold: amountGold, log: log)
    }

    static func firstEvidence(_ g: KnowledgeGraph, _ dealID: String) -> Evidence? {
        g.edges.values.filter { $0.target == dealID }.compactMap(\.evidence).min()
    }

    static func ev(_ e: Evidence?) -> String {
        guard let e else { return "" }
        return "\n           ↳ \(e.article) [\(e.start)–\(e.end)]: \(e.sentence.replacingOccurrences(of: "\n", with: " "))"
    }

    /// The five lines `tools/score.py` prints, in its format.
    public static func lines(_ r: Report) -> [String] {
        func row(_ name: String, _ x: PRF) -> String {
            let padded = name.padding(toLength: 9, withPad: " ", startingAt: 0)
            return "\(padded) P=\(String(format: "%.3f", x.p)) R=\(String(format: "%.3f", x.r)) F1=\(String(format: "%.3f", x.f1))  tp=\(x.tp) fp=\(x.fp) fn=\(x.fn) \(x.extra)"
        }
        return [row("entities", r.entities), row("roles", r.roles), row("deals", r.deals),
                row("competes", r.competes), row("products", r.products),
                "core F1 (entities, roles, deals) = \(String(format: "%.3f", r.core))"]
    }
}
