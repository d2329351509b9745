#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file-system calls the reader makes per article, straight on POSIX: Foundation's
/// `FileManager` enumerator, `Data(contentsOf:)` and `URL` path handling cost more than reading
/// the article itself on a corpus of small files.
enum FileSystem {
    enum EntryKind { case file, directory }

    /// A failed call, with the reason as `strerror` words ("permission denied").
    struct Failure: Error {
        var reason: String
        init(errno code: Int32) { reason = String(cString: strerror(code)).lowercased() }
    }

    /// What a path names, following symbolic links; nil when it does not exist.
    static func kind(_ path: String) -> EntryKind? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return (st.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
    }

    /// The absolute path with every link resolved, or nil when it cannot be resolved.
    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    /// Appends the paths (relative to `folder`) of the regular files below it that `classify`
    /// gives a value for, with that value, recursively. Hidden entries are skipped with all
    /// they hold; links to files are kept, links to folders are not followed.
    static func listFiles<T>(_ folder: String, prefix: String = "", into out: inout [(String, T)],
                             classify: (String) -> T?) throws(Failure) {
        guard let dir = opendir(folder) else { throw Failure(errno: errno) }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.utf8.first == UInt8(ascii: ".") { continue }  // ".", "..", hidden
            let full = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            let rel = prefix + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                var st = stat()
                guard lstat(full, &st) == 0 else { continue }
                switch st.st_mode & S_IFMT {
                case S_IFDIR: type = Int32(DT_DIR)
                case S_IFLNK: type = Int32(DT_LNK)
                case S_IFREG: type = Int32(DT_REG)
                default: continue
                }
            }
            switch type {
            case Int32(DT_DIR):
                try listFiles(full, prefix: rel + "/", into: &out, classify: classify)
            case Int32(DT_REG):
                if let v = classify(rel) { out.append((rel, v)) }
            case Int32(DT_LNK):
                if let v = classify(rel), kind(full) == .file { out.append((rel, v)) }
            default:
                continue
            }
        }
    }

    /// The whole content of a file.
    static func readFile(_ path: String) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(errno: errno) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw Failure(errno: errno) }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw Failure(errno: EISDIR) }
        var out: [UInt8] = []
        var capacity = max(Int(st.st_size), 0) + 1  // one more byte sees the end at once
        while true {
            let had = out.count
            out.reserveCapacity(had + capacity)
            var failure: Int32 = 0
            var got = 0
            out.append(contentsOf: repeatElement(0, count: capacity))
            out.withUnsafeMutableBufferPointer { b in
                while true {
                    let n = read(fd, b.baseAddress! + had, capacity)
                    if n < 0 && errno == EINTR { continue }
                    if n < 0 { failure = errno } else { got = n }
                    break
                }
            }
            out.removeLast(capacity - got)
            if failure != 0 { throw Failure(errno: failure) }
            if got == 0 { return out }
            capacity = max(capacity, 1 << 16)
        }
    }
}
