import FieldbookModel
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Puts a rendered portal in place atomically: everything is written into a staging folder beside the output, and
/// only a complete portal is swapped in. A failed or killed build leaves the previous output exactly as it was.
package struct SiteWriter: Sendable {
    /// The output folder, e.g. `public`.
    package let outputPath: String

    package init(outputPath: String) {
        self.outputPath = URL(fileURLWithPath: outputPath).standardizedFileURL.path
    }

    /// Why writing failed; the previous output is intact in every case.
    package struct WriteError: Error, CustomStringConvertible, Sendable {
        package var path: String
        package var reason: String
        package var description: String { "\(path): \(reason)" }
    }

    private var parent: String { (outputPath as NSString).deletingLastPathComponent }
    private var stagingPrefix: String { ".fieldbook-staging-" + (outputPath as NSString).lastPathComponent + "-" }
    /// The previous output, kept after a swap for the next build to recycle.
    var spare: String { parent + "/.fieldbook-spare-" + (outputPath as NSString).lastPathComponent }

    /// Writes `files`, links `reused` from the previous output and copies `assets` into a fresh output folder, then
    /// swaps it in, and returns what is now there. `previous` is what the last build wrote (from the build cache),
    /// which spares reading old files to see whether they changed. `onWait` is called when another build holds the
    /// output and this one has to wait for it.
    @discardableResult
    package func write(
        _ files: [OutputFile], reused: [ReusedFile] = [], assets: [AssetSource], previous: OutputManifest = OutputManifest(),
        onWait: () -> Void = {}
    ) throws(WriteError) -> OutputManifest {
        let staging = try begin(previous: previous, onWait: onWait)
        return try staging.finish(files, reused: reused, assets: assets)
    }

    /// Takes the output for this build (waiting for another build that holds it) and starts a staging folder, to
    /// which pages can be added as they are rendered (`Staging.add`) before `Staging.finish` swaps it in.
    package func begin(previous: OutputManifest = OutputManifest(), onWait: () -> Void = {}) throws(WriteError) -> Staging {
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: parent, reason: "cannot create the output's parent folder: \(error.localizedDescription)")
        }
        // One writer per output folder at a time: a second build started meanwhile waits here for the first. The lock
        // is on the parent folder itself, so no lock file is left behind; the kernel drops it if a build is killed.
        let lock = open(parent, O_RDONLY | O_CLOEXEC)
        guard lock >= 0 else { throw WriteError(path: parent, reason: "cannot open the output's parent folder: \(String(cString: strerror(errno)))") }
        if flock(lock, LOCK_EX | LOCK_NB) != 0 {
            onWait()
            while flock(lock, LOCK_EX) != 0 && errno == EINTR {}
        }
        removeAbandonedStaging()
        let path = parent + "/" + stagingPrefix + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        // The output before last, kept by the previous build, becomes this build's staging folder: most of its files
        // and folders are already right, and creating ten thousand folders afresh is most of a rebuild's cost on ext4.
        let recycled = rename(spare, path) == 0
        guard recycled || mkdir(path, 0o755) == 0 else {
            close(lock)
            throw WriteError(path: path, reason: "cannot create staging folder: \(String(cString: strerror(errno)))")
        }
        return Staging(writer: self, path: path, recycled: recycled, previous: previous, lock: lock)
    }

    /// Removes from a recycled staging folder everything this build did not place: pages since deleted, and the old
    /// output's hidden files (carried over afresh from the current output).
    func sweep(_ staging: String, keeping placed: Set<String>, folders: Set<String>) {
        func visit(_ directory: String, _ relative: String) {
            for (name, kind) in directoryEntries(directory) {
                let path = directory + "/" + name
                let child = relative.isEmpty ? name : relative + "/" + name
                if kind == .folder && folders.contains(path) {
                    visit(path, child)
                } else if kind == .folder || !placed.contains(child) {
                    Self.remove(path)
                }
            }
        }
        visit(staging, "")
    }

    /// The file type bits of what is at `path` (not following a symbolic link), 0 when nothing is.
    static func kind(of path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    /// Removes a file, link or folder tree at `path`, if there is one.
    static func remove(_ path: String) {
        switch kind(of: path) {
        case 0: return
        case S_IFDIR: try? FileManager.default.removeItem(atPath: path)
        default: unlink(path)
        }
    }

    /// Keeps the previous output as the spare for the next build to recycle, or removes it if that fails.
    private func retire(_ previousOutput: String) {
        Self.remove(spare)
        if rename(previousOutput, spare) != 0 { try? FileManager.default.removeItem(atPath: previousOutput) }
    }

    /// Exchanges the staging folder with the output in one step where the system can (Linux `renameat2`, macOS
    /// `renamex_np`); elsewhere moves the old output aside first, a window of microseconds.
    func swapIn(_ staging: String) throws(WriteError) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: outputPath, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            throw WriteError(path: outputPath, reason: "output exists and is not a folder")
        }
        if !exists {
            guard rename(staging, outputPath) == 0 else {
                throw WriteError(path: outputPath, reason: "cannot move the new portal in: \(String(cString: strerror(errno)))")
            }
            return
        }
        if Self.exchange(staging, outputPath) {
            retire(staging)  // now holds the previous portal
            return
        }
        let aside = staging + "-previous"
        guard rename(outputPath, aside) == 0 else {
            throw WriteError(path: outputPath, reason: "cannot replace the output: \(String(cString: strerror(errno)))")
        }
        guard rename(staging, outputPath) == 0 else {
            _ = rename(aside, outputPath)
            throw WriteError(path: outputPath, reason: "cannot move the new portal in: \(String(cString: strerror(errno)))")
        }
        retire(aside)
    }

    /// Staging folders of builds that were killed: their process is gone.
    private func removeAbandonedStaging() {
        let manager = FileManager.default
        for name in (try? manager.contentsOfDirectory(atPath: parent)) ?? [] where name.hasPrefix(stagingPrefix) {
            let pidText = name.dropFirst(stagingPrefix.count).prefix { $0.isNumber }
            guard let pid = Int32(pidText), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? manager.removeItem(atPath: parent + "/" + name)
        }
    }

    /// A path the renderer produced must stay inside the output: relative, no `..`, no empty or hidden parts.
    static func isSafeRelativePath(_ path: String) -> Bool {
        // Byte by byte: asked of every file of every build, where splitting into substrings cost 3% of an edit's rebuild.
        func isName(_ length: Int, dots: Int) -> Bool { length > 0 && !(dots == length && length <= 2) }
        var (length, dots) = (0, 0)
        for byte in path.utf8 {
            switch byte {
            case 0: return false
            case UInt8(ascii: "/"):
                guard isName(length, dots: dots) else { return false }
                (length, dots) = (0, 0)
            default:
                length += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return isName(length, dots: dots)
    }

    private static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
            typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
            guard let symbol = dlsym(nil, "renameat2") else { return false }
            let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
            let exchangeFlag: UInt32 = 1 << 1  // RENAME_EXCHANGE
            return renameat2(AT_FDCWD, a, AT_FDCWD, b, exchangeFlag) == 0
        #elseif canImport(Darwin)
            return renamex_np(a, b, UInt32(RENAME_SWAP)) == 0
        #else
            return false
        #endif
    }
}
