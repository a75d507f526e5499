import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Puts a rendered portal in place atomically: everything is written into a staging folder beside the output, and
/// only a complete portal is swapped in. A failed or killed build leaves the previous output exactly as it was.
public struct SiteWriter: Sendable {
    /// The output folder, e.g. `public`.
    public let outputPath: String

    public init(outputPath: String) {
        self.outputPath = URL(fileURLWithPath: outputPath).standardizedFileURL.path
    }

    /// Why writing failed; the previous output is intact in every case.
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    private var parent: String { (outputPath as NSString).deletingLastPathComponent }
    private var stagingPrefix: String { ".fieldbook-staging-" + (outputPath as NSString).lastPathComponent + "-" }

    /// Writes `files`, links `reused` from the previous output and copies `assets` into a fresh output folder, then
    /// swaps it in, and returns what is now there. `previous` is what the last build wrote (from the build cache),
    /// which spares reading old files to see whether they changed. `onWait` is called when another build holds the
    /// output and this one has to wait for it.
    @discardableResult
    public func write(
        _ files: [OutputFile], reused: [ReusedFile] = [], assets: [AssetSource], previous: OutputManifest = OutputManifest(),
        onWait: () -> Void = {}
    ) throws(WriteError) -> OutputManifest {
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: parent, reason: "cannot create the output's parent folder: \(error.localizedDescription)")
        }
        // One writer per output folder at a time: a second build started meanwhile waits here for the first. The lock
        // is on the parent folder itself, so no lock file is left behind; the kernel drops it if a build is killed.
        let lock = open(parent, O_RDONLY | O_CLOEXEC)
        guard lock >= 0 else { throw WriteError(path: parent, reason: "cannot open the output's parent folder: \(String(cString: strerror(errno)))") }
        defer { close(lock) }
        if flock(lock, LOCK_EX | LOCK_NB) != 0 {
            onWait()
            while flock(lock, LOCK_EX) != 0 && errno == EINTR {}
        }
        removeAbandonedStaging()
        let staging = parent + "/" + stagingPrefix + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        do {
            let manifest = try populate(staging, files: files, reused: reused, assets: assets, previous: previous)
            try swapIn(staging)
            return manifest
        } catch {
            try? manager.removeItem(atPath: staging)
            throw error
        }
    }

    private func populate(
        _ staging: String, files: [OutputFile], reused: [ReusedFile], assets: [AssetSource], previous: OutputManifest
    ) throws(WriteError) -> OutputManifest {
        let manager = FileManager.default
        var madeDirectories: Set<String> = [staging]
        // Plain POSIX calls: on thousands of pages, FileManager's per-call overhead costs more than the writing.
        func makeDirectory(_ directory: String) throws(WriteError) {
            guard !madeDirectories.contains(directory) else { return }
            try makeDirectory((directory as NSString).deletingLastPathComponent)
            guard mkdir(directory, 0o755) == 0 || errno == EEXIST else {
                throw WriteError(path: directory, reason: "cannot create folder: \(String(cString: strerror(errno)))")
            }
            madeDirectories.insert(directory)
        }
        func prepare(_ relative: String) throws(WriteError) -> String {
            guard Self.isSafeRelativePath(relative) else { throw WriteError(path: relative, reason: "refusing to write outside the output folder") }
            let target = staging + "/" + relative
            try makeDirectory((target as NSString).deletingLastPathComponent)
            return target
        }
        func write(_ bytes: [UInt8], to target: String) throws(WriteError) -> FileStamp {
            switch FileStamp.write(bytes, to: target) {
            case .success(let stamp): return stamp
            case .failure(let error): throw WriteError(path: target, reason: "cannot write: \(error.message)")
            }
        }
        guard mkdir(staging, 0o755) == 0 else {
            throw WriteError(path: staging, reason: "cannot create staging folder: \(String(cString: strerror(errno)))")
        }
        // A file whose bytes did not change is hard-linked from the previous output instead of written: it keeps its
        // modification time, so rsync and CDN deploys upload only what changed. The previous build's manifest says
        // what each old file holds; without it (or for a file it does not describe) the old bytes are compared.
        func unchanged(_ relative: String, _ bytes: [UInt8], _ content: Fingerprint) -> (path: String, stamp: FileStamp)? {
            if let (path, record) = previous.intactFile(relative, in: outputPath) {
                return record.content == content ? (path, record.stamp) : nil
            }
            let path = outputPath + "/" + relative
            var info = stat()
            guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count,
                let data = FileManager.default.contents(atPath: path),
                bytes.isEmpty
                    || data.withUnsafeBytes({ old in bytes.withUnsafeBytes { new in memcmp(old.baseAddress!, new.baseAddress!, new.count) == 0 } })
            else { return nil }
            return (path, FileStamp(info))
        }
        var manifest = OutputManifest()
        func place(_ relative: String, _ bytes: [UInt8], inputs: Fingerprint?) throws(WriteError) {
            let target = try prepare(relative)
            let content = Fingerprint(bytes)
            if let (path, stamp) = unchanged(relative, bytes, content), link(path, target) == 0 {
                manifest[relative] = .init(inputs: inputs, content: content, stamp: stamp)
            } else {
                manifest[relative] = .init(inputs: inputs, content: content, stamp: try write(bytes, to: target))
            }
        }
        for file in files {
            try place(file.path, file.bytes, inputs: file.inputs)
        }
        for file in reused {
            let target = try prepare(file.path)
            if let (path, record) = previous.intactFile(file.path, in: outputPath), record == file.record, link(path, target) == 0 {
                manifest[file.path] = record
                continue
            }
            // Changed or removed since the last build (by hand, or by another build): render it after all.
            guard let bytes = file.render() else { throw WriteError(path: file.path, reason: "cannot render this page again") }
            manifest[file.path] = .init(inputs: file.record.inputs, content: Fingerprint(bytes), stamp: try write(bytes, to: target))
        }
        for asset in assets {
            switch asset.origin {
            case .bytes(let bytes):
                try place(asset.outputPath, bytes, inputs: nil)
            case .file(let source):
                guard let data = manager.contents(atPath: source) else { throw WriteError(path: source, reason: "cannot copy: cannot read the file") }
                try place(asset.outputPath, [UInt8](data), inputs: nil)
            }
        }
        // Hidden files at the top of the old output (.gitkeep, .nojekyll, .htaccess) belong to the deployment, not
        // the build: carry them over.
        for name in (try? manager.contentsOfDirectory(atPath: outputPath)) ?? [] where name.hasPrefix(".") {
            let from = outputPath + "/" + name
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: from, isDirectory: &isDirectory), !isDirectory.boolValue,
                !manager.fileExists(atPath: staging + "/" + name)
            else { continue }
            try? manager.copyItem(atPath: from, toPath: staging + "/" + name)
        }
        return manifest
    }

    /// Exchanges the staging folder with the output in one step where the system can (Linux `renameat2`, macOS
    /// `renamex_np`); elsewhere moves the old output aside first, a window of microseconds.
    private func swapIn(_ staging: String) throws(WriteError) {
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
            try? manager.removeItem(atPath: staging)  // now holds the previous portal
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
        try? manager.removeItem(atPath: aside)
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
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\0") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
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
