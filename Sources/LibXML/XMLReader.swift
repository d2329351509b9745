internal import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The attributes of one start tag, valid only during `XMLEventHandler.startElement`.
///
/// A view over libxml2's attribute array: nothing is copied until you ask for a value, so a
/// handler that reads two attributes of an element pays for two strings, not for all of them.
public struct XMLAttributes {
    fileprivate let base: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    /// Number of attributes (libxml2 passes five pointers per attribute).
    public let count: Int

    /// The value of the attribute with this local name (namespaces ignored), or `nil`.
    public subscript(localName: String) -> String? {
        guard let base, count > 0 else { return nil }
        return localName.withCString { want -> String? in
            for i in 0..<count {
                guard let name = base[i * 5] else { continue }
                if strcmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), want) == 0 {
                    guard let start = base[i * 5 + 3], let end = base[i * 5 + 4] else { return "" }
                    return String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
                }
            }
            return nil
        }
    }

    /// The value of the attribute with this local name as bytes (valid during the callback),
    /// or `nil`: no String is made, for handlers that compare or copy the bytes themselves.
    public func bytes(_ localName: StaticString) -> UnsafeBufferPointer<UInt8>? {
        guard let base, count > 0 else { return nil }
        let want = UnsafeRawPointer(localName.utf8Start).assumingMemoryBound(to: CChar.self)
        for i in 0..<count {
            guard let name = base[i * 5] else { continue }
            if strcmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), want) == 0 {
                guard let start = base[i * 5 + 3], let end = base[i * 5 + 4] else { return UnsafeBufferPointer(start: nil, count: 0) }
                return UnsafeBufferPointer(start: start, count: end - start)
            }
        }
        return nil
    }

    /// `bytes(localName)` decoded as a String.
    public func value(_ localName: StaticString) -> String? {
        bytes(localName).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Every attribute as (local name, value), in document order.
    public var all: [(name: String, value: String)] {
        guard let base else { return [] }
        return (0..<count).map { i in
            let name = base[i * 5].map { String(cString: $0) } ?? ""
            guard let start = base[i * 5 + 3], let end = base[i * 5 + 4] else { return (name, "") }
            return (name, String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self))
        }
    }
}

/// A name libxml2 hands to a callback (NUL-terminated UTF-8), valid only during it: compared
/// in place, made a String only when asked. One String per element name was most of what the
/// GraphML reader spent besides building the graph.
public struct XMLName {
    fileprivate let p: UnsafePointer<UInt8>?

    /// Byte equality with a literal.
    @inline(__always)
    public func equals(_ s: StaticString) -> Bool {
        guard let p else { return s.utf8CodeUnitCount == 0 }
        return strcmp(UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self),
                      UnsafeRawPointer(s.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }

    public var isEmpty: Bool { p == nil || p!.pointee == 0 }
    public var string: String { p.map { String(cString: $0) } ?? "" }
}

/// Receives the events of `XMLReader`. Throwing from a callback stops the parse; `parse`
/// rethrows that error.
public protocol XMLEventHandler: AnyObject {
    /// A start tag: its local name (namespace prefix dropped) and namespace URI (empty when none).
    func startElement(localName: XMLName, namespace: XMLName, attributes: XMLAttributes, line: Int) throws
    func endElement(localName: XMLName) throws
    /// Decoded character data (entities and character references resolved). libxml2 may split
    /// one text node into several calls: accumulate.
    func characters(_ bytes: UnsafeBufferPointer<UInt8>) throws
}

/// A streaming XML parser: libxml2's SAX2 push parser fed from a file in 1 MiB chunks, so a
/// document of any size is read in constant memory (what the handler keeps is its business).
///
/// Safe with untrusted input: no network, no DTD loading, no external entities; `XML_PARSE_HUGE`
/// lifts the 10 MB text-node limit for long evidence sentences.
///
/// Measured: the SAX2 push parser is the fastest libxml2 reader (3.2 s for an 815 MB GraphML with
/// empty callbacks; `xmlTextReader` takes 7.4 s), see PLATFORM_NOTES.md.
public enum XMLReader {
    /// Parses the file at `path`, calling `handler` for every element and text run.
    /// - Throws: `LibXMLError` naming the file and line on a malformed document or an unreadable
    ///   file; whatever the handler throws, unchanged.
    public static func parse(file path: String, handler: some XMLEventHandler) throws {
        guard let fp = fopen(path, "rb") else {
            throw LibXMLError(file: path, line: 0, message: "cannot open file: \(String(cString: strerror(errno)))")
        }
        defer { fclose(fp) }
        let box = HandlerBox(handler)
        var sax = makeSAXHandler()
        let unmanaged = Unmanaged.passRetained(box)
        defer { unmanaged.release() }
        guard let ctxt = xmlCreatePushParserCtxt(&sax, unmanaged.toOpaque(), nil, 0, path) else {
            throw LibXMLError(file: path, line: 0, message: "cannot create a parser")
        }
        defer { xmlFreeParserCtxt(ctxt) }
        box.context = ctxt
        _ = xmlCtxtUseOptions(ctxt, Int32(XML_PARSE_HUGE.rawValue | XML_PARSE_NONET.rawValue
                                          | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue))
        let chunk = 1 << 20
        let buf = UnsafeMutablePointer<CChar>.allocate(capacity: chunk)
        defer { buf.deallocate() }
        while true {
            let n = fread(buf, 1, chunk, fp)
            if n < chunk && ferror(fp) != 0 {
                throw LibXMLError(file: path, line: 0, message: "read error: \(String(cString: strerror(errno)))")
            }
            let rc = xmlParseChunk(ctxt, buf, Int32(n), n == 0 ? 1 : 0)
            if let e = box.error { throw e }
            if rc != 0 {
                throw LibXMLError.last(context: ctxt, file: path, reason: "malformed XML (code \(rc))")
            }
            if n == 0 { break }
        }
        if ctxt.pointee.wellFormed == 0 {
            throw LibXMLError.last(context: ctxt, file: path, reason: "malformed XML")
        }
    }

    private static func makeSAXHandler() -> xmlSAXHandler {
        var sax = xmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        sax.startElementNs = { ctx, localname, _, uri, _, _, nbAttributes, _, attributes in
            let box = Unmanaged<HandlerBox>.fromOpaque(ctx!).takeUnretainedValue()
            guard box.error == nil, let localname else { return }
            let attrs = XMLAttributes(base: attributes, count: Int(nbAttributes))
            let line = box.context.map { Int(xmlSAX2GetLineNumber(UnsafeMutableRawPointer($0))) } ?? 0
            do {
                try box.handler.startElement(localName: XMLName(p: localname), namespace: XMLName(p: uri),
                                             attributes: attrs, line: line)
            } catch {
                box.fail(error)
            }
        }
        sax.endElementNs = { ctx, localname, _, _ in
            let box = Unmanaged<HandlerBox>.fromOpaque(ctx!).takeUnretainedValue()
            guard box.error == nil, let localname else { return }
            do { try box.handler.endElement(localName: XMLName(p: localname)) } catch { box.fail(error) }
        }
        sax.characters = { ctx, chars, len in
            let box = Unmanaged<HandlerBox>.fromOpaque(ctx!).takeUnretainedValue()
            guard box.error == nil, let chars else { return }
            do { try box.handler.characters(UnsafeBufferPointer(start: chars, count: Int(len))) } catch { box.fail(error) }
        }
        sax.cdataBlock = sax.characters
        // Errors are read back from the context after xmlParseChunk; keep libxml2 off stderr.
        sax.serror = { _, _ in }
        return sax
    }
}

/// What the C callbacks reach through `Unmanaged`: the handler, the parser, the first error.
private final class HandlerBox {
    let handler: any XMLEventHandler
    var context: xmlParserCtxtPtr?
    var error: (any Error)?
    init(_ handler: any XMLEventHandler) { self.handler = handler }

    func fail(_ e: any Error) {
        if error == nil { error = e }
        if let context { xmlStopParser(context) }
    }
}
