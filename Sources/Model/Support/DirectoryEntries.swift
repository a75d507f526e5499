#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `readdir` says a folder entry is; `lstat` only when the file system does not say (so listing ten thousand
/// files costs no stat call per file on the usual ones).
package enum EntryKind { case folder, file, link, other }

/// The entries of the folder at `path` (without `.` and `..`), unsorted; empty when it cannot be opened.
package func directoryEntries(_ path: String) -> [(name: String, kind: EntryKind)] {
    guard let stream = opendir(path) else { return [] }
    defer { closedir(stream) }
    var entries: [(name: String, kind: EntryKind)] = []
    while let entry = readdir(stream) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        guard name != ".", name != ".." else { continue }
        var mode: mode_t
        switch Int32(entry.pointee.d_type) {
        case Int32(DT_DIR): mode = S_IFDIR
        case Int32(DT_REG): mode = S_IFREG
        case Int32(DT_LNK): mode = S_IFLNK
        case Int32(DT_UNKNOWN):
            var info = stat()
            mode = lstat(path + "/" + name, &info) == 0 ? info.st_mode & S_IFMT : 0
        default: mode = 0
        }
        let kind: EntryKind =
            switch mode {
            case S_IFDIR: .folder
            case S_IFREG: .file
            case S_IFLNK: .link
            default: .other
            }
        entries.append((name, kind))
    }
    return entries
}
