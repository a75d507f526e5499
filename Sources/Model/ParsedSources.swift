#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What says a Markdown file is the one an earlier build read: its inode, size, and the times it was last modified
/// and last changed (no tool can set the change time back, so an edit whose modification time was restored still
/// shows).
package struct SourceStamp: Sendable, Equatable {
    package var inode: UInt64
    package var size: Int
    /// Nanoseconds since 1970.
    package var modified: Int64
    package var changed: Int64

    package init(inode: UInt64, size: Int, modified: Int64, changed: Int64) {
        (self.inode, self.size, self.modified, self.changed) = (inode, size, modified, changed)
    }

    /// The stamp of the regular file at `path`, nil when there is none.
    package static func of(_ path: String) -> SourceStamp? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        #if canImport(Darwin)
            let (modified, changed) = (info.st_mtimespec, info.st_ctimespec)
        #else
            let (modified, changed) = (info.st_mtim, info.st_ctim)
        #endif
        return SourceStamp(
            inode: UInt64(info.st_ino), size: Int(info.st_size), modified: Int64(modified.tv_sec) * 1_000_000_000 + Int64(modified.tv_nsec),
            changed: Int64(changed.tv_sec) * 1_000_000_000 + Int64(changed.tv_nsec))
    }

    /// The clock's time now, in nanoseconds since 1970.
    package static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}

/// The Markdown files an earlier build parsed, so that a build reads and parses only those whose stamp changed.
///
/// A stamp is trusted only for a file last touched more than a second before that build began reading: a file edited
/// while (or just before) it read could still show a stamp it had read, if the clock's granularity hid the edit.
package struct ParsedSources: Sendable, Equatable {
    /// One file as that build parsed it: its document without the text (`SourceDocument.hasText` false) and what
    /// parsing it reported.
    package struct Entry: Sendable, Equatable {
        package var stamp: SourceStamp
        package var document: SourceDocument
        package var diagnostics: [Diagnostic]

        package init(stamp: SourceStamp, document: SourceDocument, diagnostics: [Diagnostic]) {
            (self.stamp, self.document, self.diagnostics) = (stamp, document.withoutText(), diagnostics)
        }
    }

    /// When that build began reading, in nanoseconds since 1970.
    package var readAt: Int64
    package var entries: [String: Entry]

    package init(readAt: Int64, entries: [String: Entry] = [:]) {
        self.readAt = readAt
        self.entries = entries
    }

    /// The entry for `path`, when the file there still has its stamp and was last touched a second before `readAt`.
    package func unchanged(_ path: String, stamp: SourceStamp?) -> Entry? {
        guard let stamp, let entry = entries[path], entry.stamp == stamp, max(stamp.modified, stamp.changed) < readAt - 1_000_000_000 else {
            return nil
        }
        return entry
    }
}
