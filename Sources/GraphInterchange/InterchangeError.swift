/// Errors of the interchange stage, one line each, like a compiler diagnostic:
/// `exports/graph.graphml:12: error: graphml: unknown node type 'Robot'`.
public enum InterchangeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A file could not be created, written or renamed into place.
    case cannotWrite(path: String, reason: String)
    /// A file could not be opened or read.
    case cannotRead(path: String, reason: String)
    /// A file was read but does not hold a graph of our shape (line 0 when unknown).
    case malformed(path: String, line: Int, format: String, reason: String)
    /// `readGraph` was given a file whose extension names no format it reads.
    case unsupportedExtension(path: String)
    /// `--focus` matched no node by id, label or alias.
    case focusNotFound(String)

    public var description: String {
        switch self {
        case let .cannotWrite(path, reason): "\(path): error: cannot write: \(reason)"
        case let .cannotRead(path, reason): "\(path): error: cannot read: \(reason)"
        case let .malformed(path, line, format, reason):
            "\(path)\(line > 0 ? ":\(line)" : ""): error: \(format): \(reason)"
        case let .unsupportedExtension(path):
            "\(path): error: cannot tell the format from the extension (expected .graphml or .jsonld)"
        case let .focusNotFound(name): "error: --focus '\(name)' matches no node id, label or alias"
        }
    }
}
