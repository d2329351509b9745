/// One news article as read from the corpus, before any extraction.
public struct Article: Sendable, Hashable, Codable {
    /// The file name without extension, or the `id` field of a JSONL record.
    public var id: String
    /// Plain text: the title on the first line, a blank line, then the body paragraphs separated
    /// by blank lines. Evidence offsets count into this text.
    public var text: String
    public var title: String?
    /// ISO 8601 date, `2023-11-17`, when the source states one.
    public var date: String?
    public var url: String?
    /// Language code the source declares (`lang` field, `<html lang>`); nil when it declares none.
    public var declaredLanguage: String?
    /// Where it came from, for error messages: `seeds/a.txt`, `corpus.jsonl:12`.
    public var origin: String

    public init(id: String, text: String, title: String? = nil, date: String? = nil, url: String? = nil,
                declaredLanguage: String? = nil, origin: String) {
        self.id = id
        self.text = text
        self.title = title
        self.date = date
        self.url = url
        self.declaredLanguage = declaredLanguage
        self.origin = origin
    }
}
