import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Replaces one file atomically (write beside it, then rename), so an import never leaves half a data file.
package enum FileReplacer {
    package static func replace(_ path: String, with text: String) throws(SiteWriter.WriteError) {
        try replace(path, with: Array(text.utf8))
    }

    /// `permissions` (0o600 for a keys file) are the new file's from its creation: it is never readable by more.
    package static func replace(_ path: String, with bytes: [UInt8], permissions: mode_t = 0o644) throws(SiteWriter.WriteError) {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw SiteWriter.WriteError(path: path, reason: "cannot create its folder: \(error.localizedDescription)")
        }
        let temporary = path + ".fieldbook-new"
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions)
        guard descriptor >= 0 else { throw SiteWriter.WriteError(path: path, reason: "cannot write: \(String(cString: strerror(errno)))") }
        fchmod(descriptor, permissions)  // whatever the umask took away
        close(descriptor)
        switch FileStamp.write(bytes, to: temporary) {
        case .success:
            guard rename(temporary, path) == 0 else {
                unlink(temporary)
                throw SiteWriter.WriteError(path: path, reason: "cannot replace: \(String(cString: strerror(errno)))")
            }
        case .failure(let failure):
            unlink(temporary)
            throw SiteWriter.WriteError(path: path, reason: "cannot write: \(failure.message)")
        }
    }
}
