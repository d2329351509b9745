internal import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A streaming XML writer over libxml2's `xmlTextWriter`, writing into an in-memory
/// `xmlBuffer` that the caller drains in chunks (to a file, a socket, a test buffer).
///
/// libxml2 does the escaping (`<`, `&`, `>`, quotes in attributes, `\r` as `&#13;`, newlines
/// and tabs in attributes as character references), so what it writes is well-formed whatever
/// the strings hold — except characters XML 1.0 forbids (U+0000–U+001F but tab, newline and
/// carriage return; U+FFFE, U+FFFF), which callers must drop first (`XMLText.dropForbidden`).
///
///     let w = try XMLWriter(indent: true)
///     try w.startDocument()
///     try w.startElement("graphml"); try w.attribute("xmlns", "http://graphml.graphdrawing.org/xmlns")
///     try w.endDocument()
///     try w.drain { bytes in /* write bytes */ }
///
/// Owns both C objects; `deinit` frees them, so an early throw leaks nothing.
public final class XMLWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr

    /// - Parameter indent: two-space indentation of elements (text content is never re-flowed).
    public init(indent: Bool = true) throws(LibXMLError) {
        guard let buffer = xmlBufferCreateSize(1 << 20) else {
            throw LibXMLError(file: nil, line: 0, message: "cannot allocate an xmlBuffer")
        }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw LibXMLError(file: nil, line: 0, message: "cannot create an xmlTextWriter")
        }
        self.buffer = buffer
        self.writer = writer
        if indent {
            xmlTextWriterSetIndent(writer, 1)
            _ = "  ".withCString { s in s.withMemoryRebound(to: xmlChar.self, capacity: 3) { xmlTextWriterSetIndentString(writer, $0) } }
        }
    }

    deinit {
        xmlFreeTextWriter(writer)  // flushes into the buffer first; the buffer outlives it
        xmlBufferFree(buffer)
    }

    @inline(__always)
    private func check(_ rc: Int32, _ what: StaticString) throws(LibXMLError) {
        if rc < 0 { throw LibXMLError(file: nil, line: 0, message: "xmlTextWriter failed in \(what)") }
    }

    /// `<?xml version="1.0" encoding="UTF-8"?>`
    public func startDocument() throws(LibXMLError) {
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "startDocument")
    }

    /// Closes every open element and flushes libxml2's own output buffer into the xmlBuffer.
    public func endDocument() throws(LibXMLError) {
        try check(xmlTextWriterEndDocument(writer), "endDocument")
        try check(xmlTextWriterFlush(writer), "flush")
    }

    public func startElement(_ name: String) throws(LibXMLError) {
        let rc = name.withCString { n in
            n.withMemoryRebound(to: xmlChar.self, capacity: 1) { xmlTextWriterStartElement(writer, $0) }
        }
        try check(rc, "startElement")
    }

    /// Ends the innermost element; an element with no content is written `<x/>`.
    public func endElement() throws(LibXMLError) {
        try check(xmlTextWriterEndElement(writer), "endElement")
    }

    /// Ends the innermost element always with an end tag (`<x></x>`), never `<x/>`.
    public func fullEndElement() throws(LibXMLError) {
        try check(xmlTextWriterFullEndElement(writer), "fullEndElement")
    }

    /// One attribute of the element just started; the value is escaped by libxml2.
    public func attribute(_ name: String, _ value: String) throws(LibXMLError) {
        let rc = name.withCString { n in
            value.withCString { v in
                n.withMemoryRebound(to: xmlChar.self, capacity: 1) { np in
                    v.withMemoryRebound(to: xmlChar.self, capacity: 1) { xmlTextWriterWriteAttribute(writer, np, $0) }
                }
            }
        }
        try check(rc, "attribute")
    }

    /// Character data, escaped by libxml2.
    public func text(_ value: String) throws(LibXMLError) {
        let rc = value.withCString { v in
            v.withMemoryRebound(to: xmlChar.self, capacity: 1) { xmlTextWriterWriteString(writer, $0) }
        }
        try check(rc, "text")
    }

    /// Bytes the caller has already made well-formed XML (escaped, balanced), written as they
    /// are (`xmlTextWriterWriteRawLen`). Writers that escape text themselves hand it over in
    /// large runs this way: one call per megabyte costs far less than one per string.
    /// Closes a start tag left open (`>`); indentation stays the caller's.
    public func raw(_ bytes: UnsafeRawBufferPointer) throws(LibXMLError) {
        guard let p = bytes.baseAddress, bytes.count > 0 else { return }
        var off = 0
        while off < bytes.count {
            let n = min(bytes.count - off, Int(Int32.max))
            try check(xmlTextWriterWriteRawLen(writer, (p + off).assumingMemoryBound(to: xmlChar.self), Int32(n)), "raw")
            off += n
        }
    }

    /// `<name attr="value">text</name>` in one call (`<name attr="value"/>` when text is empty).
    public func element(_ name: String, attribute: String, _ attrValue: String, text value: String) throws(LibXMLError) {
        try startElement(name)
        try self.attribute(attribute, attrValue)
        if !value.isEmpty { try text(value) }
        try endElement()
    }

    /// Bytes written so far and not yet drained (after libxml2's own small buffer is flushed).
    public var pendingByteCount: Int { Int(xmlBufferLength(buffer)) }

    /// Flushes libxml2's output buffer, hands the pending bytes to `body`, then empties the
    /// buffer. Call it whenever `pendingByteCount` passes your chunk size, and once at the end.
    public func drain(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        try check(xmlTextWriterFlush(writer), "flush")
        let n = Int(xmlBufferLength(buffer))
        if n > 0, let p = xmlBufferContent(buffer) {
            try body(UnsafeRawBufferPointer(start: p, count: n))
        }
        xmlBufferEmpty(buffer)
    }
}
