import GraphModel
import NewsText

/// A sentence with its tokens and where it sits in the article.
struct Sentence {
    var range: Range<Int>
    var tokens: [Token]
    var paragraph: Int
    /// Bylines, "Read more" links, share prompts: names there are not news.
    var boilerplate: Bool
}

/// A name found in a sentence: tokens `first...last`, the entity it names once resolved.
struct Mention {
    var sentence: Int
    var first: Int
    var last: Int
    /// Organization or Person once known; nil while only a capitalized run.
    var type: NodeType?
    /// The name without genitive and legal suffix.
    var name: String
    /// The name as written (with legal suffix), an alias.
    var surface: String
    var entity: Int?
    var lexicon: Knowledge.LexiconName?
    var genitive: Bool
    /// The noun of an apposition that introduced it ("a Boston start-up" → `start-up`).
    var noun: String? = nil
    /// Why a name is not an ordinary mention: `compound` (the company of "Altair-Gründer"),
    /// `product` (read as a product name); nil otherwise.
    var cueClass: String?
}

/// An entity of one article.
struct ArticleEntity {
    var type: NodeType
    var key: String
    var labels: [String: Int] = [:]
    var aliases: Set<String> = []
    var lexicon: Knowledge.LexiconName?
    var mentions = 0
    /// Nouns the text used for it (`start-up`, `lab`): `the start-up` refers to it.
    var nouns: Set<String> = []
    /// The name the entity was made with: `RelationRules.readProducts` compares its first word.
    var createdName = ""

    var name: String { labels.isEmpty ? (lexicon?.entry.name ?? "?") : CorpusMerger.bestLabel(labels) }
}

/// A reference to an entity at a token position of a sentence: a name, or a resolved
/// `the company` / `its`.
struct Arg {
    var position: Int
    var end: Int
    var entity: Int?
    /// Index in `mentions` when the arg is a name (unresolved names can be promoted).
    var mention: Int?
    var viaReference: Bool
    var genitive: Bool
}

