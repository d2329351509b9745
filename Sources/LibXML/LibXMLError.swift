internal import CLibXML2

/// One error from libxml2, already turned into Swift values: the one translation point
/// between `xmlError` and Swift (C never leaks out of this module).
///
/// `description` reads like a compiler diagnostic: `graph.graphml:12: error: xml: ...`.
public struct LibXMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file being read or written, or `nil` for an in-memory document.
    public var file: String?
    /// 1-based line of the error in `file`, 0 when unknown.
    public var line: Int
    /// libxml2's message without its trailing newline, or our own reason.
    public var message: String

    public init(file: String?, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        let place = (file ?? "<memory>") + (line > 0 ? ":\(line)" : "")
        return "\(place): error: xml: \(message)"
    }

    /// Reads libxml2's last error of a parser context (or the global one), falling back to `reason`.
    static func last(context: xmlParserCtxtPtr?, file: String?, reason: String) -> LibXMLError {
        let err: UnsafePointer<xmlError>? = context.map { xmlCtxtGetLastError(UnsafeMutableRawPointer($0)) }
            .flatMap { $0.map { UnsafePointer($0) } } ?? xmlGetLastError().map { UnsafePointer($0) }
        guard let e = err, e.pointee.code != 0 else { return LibXMLError(file: file, line: 0, message: reason) }
        var msg = e.pointee.message.map { String(cString: $0) } ?? reason
        while let last = msg.last, last == "\n" || last == " " { msg.removeLast() }
        return LibXMLError(file: file, line: Int(e.pointee.line), message: msg)
    }
}
