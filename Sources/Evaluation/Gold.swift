import Foundation
import GraphModel

/// The gold annotations of a corpus (`*.gold.json` beside the articles, GOLD_FORMAT.md), merged
/// into one corpus graph: entities by normalized name and alias, as the reference scorer
/// (`tools/score.py`) merges them.
public struct Gold: Sendable {
    public struct Cluster: Sendable {
        public var name: String
        public var type: String
        public var optional: Bool
    }

    public struct Deal: Sendable {
        public var amounts: Set<[String]>  // [value, currency] as text, for hashing
        public var amountValues: [(Double, String?)]
        public var parties: [Int: String]
    }

    public var alias: [String: Int] = [:]
    public var clusters: [Cluster] = []
    public var roles: [Pair: Set<String>] = [:]
    public var roleOrder: [Pair] = []
    public var deals: [DealKey: Deal] = [:]
    public var dealOrder: [DealKey] = []
    public var competes: Set<Set<Int>> = []
    public var products: Set<ProductKey> = []
    public var articles = 0
    /// Article id → language, from the gold files.
    public var languages: [String: String] = [:]

    public struct Pair: Hashable, Sendable { public var a: Int; public var b: Int }
    public struct DealKey: Hashable, Sendable { public var kind: String; public var parties: Set<Int> }
    public struct ProductKey: Hashable, Sendable { public var org: Int; public var product: String }

    /// Reads every `*.gold.json` under the folders, in sorted path order.
    public init(directories: [String], onlyArticles: Set<String>? = nil) throws {
        var files: [String] = []
        for d in directories {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: d, isDirectory: &isDir) else {
                throw EvaluationError("\(d): error: no such file or folder")
            }
            if !isDir.boolValue {
                if d.hasSuffix(".gold.json") { files.append(d) }
                continue
            }
            guard let e = FileManager.default.enumerator(atPath: d) else { continue }
            for case let f as String in e where f.hasSuffix(".gold.json") {
                files.append(d.hasSuffix("/") ? d + f : d + "/" + f)
            }
        }
        files.sort()
        for f in files {
            guard let data = FileManager.default.contents(atPath: f),
                  let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw EvaluationError("\(f): error: not a JSON object")
            }
            let article = obj["article"] as? String ?? ((f as NSString).lastPathComponent.replacingOccurrences(of: ".gold.json", with: ""))
            if let only = onlyArticles, !only.contains(article) { continue }
            if let l = obj["lang"] as? String { languages[article] = l }
            try add(obj, where: f)
        }
    }

    public static func goldArticles(directories: [String]) throws -> [String: String] {
        try Gold(directories: directories).languages
    }

    func cluster(_ name: String, _ whereFile: String) throws -> Int {
        guard let c = alias[Scoring.norm(name)] else {
            throw EvaluationError("\(whereFile): error: '\(name)' is not an entity name or alias")
        }
        return c
    }

    mutating func add(_ g: [String: Any], where file: String) throws {
        articles += 1
        for e in g["entities"] as? [[String: Any]] ?? [] {
            let name = e["name"] as? String ?? ""
            let names = [name] + (e["aliases"] as? [String] ?? [])
            let optional = e["optional"] as? Bool ?? false
            let found = Set(names.compactMap { alias[Scoring.norm($0)] })
            let c: Int
            if let m = found.min() {
                c = m
                clusters[c].optional = clusters[c].optional && optional
            } else {
                c = clusters.count
                clusters.append(Cluster(name: name, type: e["type"] as? String ?? "", optional: optional))
            }
            for n in names where alias[Scoring.norm(n)] == nil { alias[Scoring.norm(n)] = c }
        }
        for r in g["roles"] as? [[String: Any]] ?? [] {
            let key = Pair(a: try cluster(r["person"] as? String ?? "", file), b: try cluster(r["org"] as? String ?? "", file))
            if roles[key] == nil { roleOrder.append(key) }
            roles[key, default: []].insert(Scoring.normRole(r["role"] as? String ?? ""))
        }
        for d in g["deals"] as? [[String: Any]] ?? [] {
            var parties: [Int: String] = [:]
            for (role, names) in d["parties"] as? [String: [String]] ?? [:] {
                for n in names { parties[try cluster(n, file)] = role }
            }
            let key = DealKey(kind: d["kind"] as? String ?? "", parties: Set(parties.keys))
            if deals[key] == nil {
                dealOrder.append(key)
                deals[key] = Deal(amounts: [], amountValues: [], parties: parties)
            }
            if let a = d["amount"] as? Double ?? (d["amount"] as? Int).map(Double.init) {
                let cur = d["currency"] as? String
                let k = ["\(a)", cur ?? ""]
                if !deals[key]!.amounts.contains(k) {
                    deals[key]!.amounts.insert(k)
                    deals[key]!.amountValues.append((a, cur))
                }
            }
        }
        for pair in g["competes"] as? [[String]] ?? [] where pair.count == 2 {
            competes.insert([try cluster(pair[0], file), try cluster(pair[1], file)])
        }
        for p in g["products"] as? [[String: Any]] ?? [] {
            products.insert(ProductKey(org: try cluster(p["org"] as? String ?? "", file), product: Scoring.norm(p["product"] as? String ?? "")))
        }
    }
}

public struct EvaluationError: Error, CustomStringConvertible {
    public var description: String
    public init(_ d: String) { description = d }
}
