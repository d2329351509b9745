import Foundation
import NewsText

/// Reads a byte stream line by line in chunks, so a JSONL corpus of any size streams.
struct LineReader {
    struct Line {
        var bytes: ArraySlice<UInt8>
        /// 1-based line number.
        var number: Int
        /// Offset of the line's first byte in the stream.
        var offset: Int
    }

    let handle: FileHandle
    let chunkSize: Int
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var lineNumber = 0
    private(set) var bytesRead = 0

    init(handle: FileHandle, chunkSize: Int) {
        self.handle = handle
        self.chunkSize = chunkSize
    }

    mutating func next() throws -> Line? {
        while true {
            if let nl = buffer[position...].firstIndex(of: 0x0A) {
                let line = Line(bytes: buffer[position..<nl], number: lineNumber + 1, offset: bytesRead - (buffer.count - position))
                lineNumber += 1
                position = nl + 1
                return line
            }
            if atEnd {
                guard position < buffer.count else { return nil }
                let line = Line(bytes: buffer[position...], number: lineNumber + 1, offset: bytesRead - (buffer.count - position))
                lineNumber += 1
                position = buffer.count
                return line
            }
            // Keep the unread tail, then read more.
            if position > 0 {
                buffer.removeSubrange(0..<position)
                position = 0
            }
            let chunk = try handle.read(upToCount: chunkSize) ?? Data()
            if chunk.isEmpty { atEnd = true } else {
                buffer.append(contentsOf: chunk)
                bytesRead += chunk.count
            }
        }
    }
}

/// One line of a JSONL corpus: `{"id": ..., "text" | "html": ..., "title", "date", "url", "lang"}`.
enum JSONLRecord {
    /// The article of a line, a failure, or nil for a blank line.
    static func article(line: LineReader.Line, file: String) -> Result<Article, CorpusError>? {
        var bytes = line.bytes
        if bytes.last == 0x0D { bytes.removeLast() }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return nil }
        let origin = "\(file):\(line.number)"
        if case .failure(let bad) = UTF8Validation.decode(bytes) {
            return .failure(.invalidUTF8(origin: origin, byteOffset: line.offset + bad.byteOffset))
        }
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) } catch {
            let ns = error as NSError
            let detail = (ns.userInfo[NSDebugDescriptionErrorKey] as? String) ?? ns.localizedDescription
            return .failure(.invalidJSON(origin: origin, detail: detail))
        }
        guard let record = object as? [String: Any] else {
            return .failure(.invalidRecord(origin: origin, reason: "record is not a JSON object"))
        }
        func string(_ key: String) -> Result<String?, CorpusError> {
            switch record[key] {
            case nil, is NSNull: return .success(nil)
            case let s as String: return .success(s)
            default: return .failure(.invalidRecord(origin: origin, reason: "\"\(key)\" is not a string"))
            }
        }
        let id: String
        switch record["id"] {
        case let s as String where !s.isEmpty: id = s
        case let n as NSNumber where !(n is Bool) && n.doubleValue == n.doubleValue.rounded(): id = "\(n.int64Value)"
        case nil: return .failure(.invalidRecord(origin: origin, reason: "record has no \"id\""))
        default: return .failure(.invalidRecord(origin: origin, reason: "\"id\" is not a non-empty string"))
        }
        do throws(CorpusError) {
            let text = try string("text").get(), html = try string("html").get()
            let title = try string("title").get(), date = try string("date").get()
            let url = try string("url").get(), lang = try string("lang").get()
            var article: Article
            if let text {
                article = ArticleParser.plainText(text, id: id, origin: origin)
            } else if let html {
                article = try ArticleParser.html(Array(html.utf8), id: id, origin: origin)
            } else {
                return .failure(.invalidRecord(origin: origin, reason: "record has neither \"text\" nor \"html\""))
            }
            if let title { article.title = title }
            if let date { article.date = ArticleParser.isoDate(date) ?? date }
            if let url { article.url = url }
            if let lang, !lang.isEmpty { article.declaredLanguage = lang.lowercased() }
            return .success(article)
        } catch {
            return .failure(error)
        }
    }
}
