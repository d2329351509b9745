#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A buffered byte writer over a temporary file that becomes `path` only on `commit()`:
/// rename(2) in the same directory, so readers see the old file or the whole new one, never
/// half of it. Dropping it without `commit()` removes the temporary file and leaves the old one.
///
/// Bytes go through a 4 MiB buffer and one write(2) per full buffer: the writers append
/// UTF-8 directly instead of building strings.
public final class OutputFile {
    public let path: String
    let tempPath: String
    private var fd: Int32
    private let capacity = 4 << 20
    private let buffer: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var committed = false

    public init(path: String) throws {
        self.path = path
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        tempPath = (dir.isEmpty ? "" : dir + "/") + "." + name + ".tmp-\(getpid())"
        fd = open(tempPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0 { throw InterchangeError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        buffer = .allocate(capacity: capacity)
    }

    deinit {
        buffer.deallocate()
        if !committed {
            if fd >= 0 { close(fd) }
            unlink(tempPath)
        }
    }

    private func flush() throws {
        var off = 0
        while off < count {
            let n = Glibc.write(fd, buffer + off, count - off)
            if n < 0 {
                if errno == EINTR { continue }
                throw InterchangeError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
            }
            off += n
        }
        count = 0
    }

    @inline(__always)
    public func byte(_ b: UInt8) throws {
        if count == capacity { try flush() }
        buffer[count] = b
        count += 1
    }

    /// Runs of 256 KiB or more (a writer's formatted chunk) go to write(2) as they are,
    /// without a copy into the buffer.
    public func bytes(_ p: UnsafeRawBufferPointer) throws {
        if p.count > capacity - count || (p.count >= 1 << 18 && count > 0) { try flush() }
        if p.count >= 1 << 18 {
            var off = 0
            while off < p.count {
                let n = Glibc.write(fd, p.baseAddress! + off, p.count - off)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw InterchangeError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
                }
                off += n
            }
            return
        }
        if p.count > 0 { (buffer + count).update(from: p.baseAddress!.assumingMemoryBound(to: UInt8.self), count: p.count) }
        count += p.count
    }

    /// Appends the UTF-8 of `s` unchanged (callers escape first, or pass trusted ASCII).
    @inline(__always)
    public func text(_ s: String) throws {
        var s = s
        try s.withUTF8 { u in try bytes(UnsafeRawBufferPointer(u)) }
    }

    public func text(_ s: StaticString) throws {
        try bytes(UnsafeRawBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// Decimal digits of an integer, without allocating.
    public func int(_ v: Int) throws {
        if v == 0 { return try byte(0x30) }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var n = v.magnitude
        var len = 0
        withUnsafeMutableBytes(of: &digits) { d in
            while n > 0 { d[23 - len] = UInt8(0x30 + n % 10); n /= 10; len += 1 }
        }
        if v < 0 { try byte(0x2D) }
        try withUnsafeBytes(of: &digits) { d in
            try bytes(UnsafeRawBufferPointer(rebasing: d[(24 - len)...]))
        }
    }

    /// Writes what is buffered, closes, and renames the temporary file onto `path`.
    public func commit() throws {
        try flush()
        if close(fd) != 0 { fd = -1; throw InterchangeError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        fd = -1
        if rename(tempPath, path) != 0 { throw InterchangeError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        committed = true
    }
}

/// Creates `dir` and its parents (like `mkdir -p`).
func makeDirectories(_ dir: String) throws {
    var prefix = dir.hasPrefix("/") ? "/" : ""
    for part in dir.split(separator: "/") {
        prefix += part
        if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
            throw InterchangeError.cannotWrite(path: dir, reason: String(cString: strerror(errno)))
        }
        prefix += "/"
    }
    var st = stat()
    if stat(dir, &st) != 0 || (st.st_mode & S_IFMT) != S_IFDIR {
        throw InterchangeError.cannotWrite(path: dir, reason: "not a directory")
    }
}
