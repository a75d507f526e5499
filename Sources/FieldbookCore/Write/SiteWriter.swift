import Foundation

#if canImport(Glibc)
    import Glibc
    private let systemLink = Glibc.link
#elseif canImport(Darwin)
    import Darwin
    private let systemLink = Darwin.link
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
    /// The previous output, kept after a swap for the next build to recycle.
    var spare: String { parent + "/.fieldbook-spare-" + (outputPath as NSString).lastPathComponent }

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
        // The output before last, kept by the previous build, becomes this build's staging folder: most of its files
        // and folders are already right, and creating ten thousand folders afresh is most of a rebuild's cost on ext4.
        let recycled = rename(spare, staging) == 0
        do {
            let manifest = try populate(staging, recycled: recycled, files: files, reused: reused, assets: assets, previous: previous)
            try swapIn(staging)
            return manifest
        } catch {
            try? manager.removeItem(atPath: staging)
            throw error
        }
    }

    /// Fills `staging` with the new output. A `recycled` staging folder holds an older output, whose files may be hard
    /// links to the live output's: they are replaced by unlinking, never by writing into them.
    private func populate(
        _ staging: String, recycled: Bool, files: [OutputFile], reused: [ReusedFile], assets: [AssetSource], previous: OutputManifest
    ) throws(WriteError) -> OutputManifest {
        let manager = FileManager.default
        var madeDirectories: Set<String> = [staging]
        var placed: Set<String> = []
        // Plain POSIX calls: on thousands of pages, FileManager's per-call overhead costs more than the writing.
        func makeDirectory(_ directory: String) throws(WriteError) {
            guard !madeDirectories.contains(directory) else { return }
            try makeDirectory((directory as NSString).deletingLastPathComponent)
            if mkdir(directory, 0o755) != 0 {
                guard errno == EEXIST else { throw WriteError(path: directory, reason: "cannot create folder: \(String(cString: strerror(errno)))") }
                if recycled, Self.kind(of: directory) != S_IFDIR {
                    Self.remove(directory)
                    try makeDirectory(directory)
                }
            }
            madeDirectories.insert(directory)
        }
        func prepare(_ relative: String) throws(WriteError) -> String {
            guard Self.isSafeRelativePath(relative) else { throw WriteError(path: relative, reason: "refusing to write outside the output folder") }
            let target = staging + "/" + relative
            try makeDirectory((target as NSString).deletingLastPathComponent)
            placed.insert(relative)
            return target
        }
        /// Puts the previous output's file at `target` by a hard link; in a recycled folder it may be there already.
        @Sendable func link(_ previous: String, _ stamp: FileStamp, to target: String) -> Bool {
            if recycled {
                if FileStamp.of(target)?.inode == stamp.inode { return true }
                Self.remove(target)
            }
            return systemLink(previous, target) == 0
        }
        @Sendable func write(_ bytes: [UInt8], to target: String) throws(WriteError) -> FileStamp {
            if recycled { Self.remove(target) }
            switch FileStamp.write(bytes, to: target) {
            case .success(let stamp): return stamp
            case .failure(let error): throw WriteError(path: target, reason: "cannot write: \(error.message)")
            }
        }
        guard recycled || mkdir(staging, 0o755) == 0 else {
            throw WriteError(path: staging, reason: "cannot create staging folder: \(String(cString: strerror(errno)))")
        }
        // A file whose bytes did not change is hard-linked from the previous output instead of written: it keeps its
        // modification time, so rsync and CDN deploys upload only what changed. The previous build's manifest says
        // what each old file holds (`intact`); without it (or for a file it does not describe) the old bytes are
        // compared.
        @Sendable func unchanged(
            _ relative: String, _ bytes: [UInt8], _ content: Fingerprint, _ intact: (path: String, record: OutputManifest.Record)?
        )
            -> (path: String, stamp: FileStamp)?
        {
            if let intact { return intact.record.content == content ? (intact.path, intact.record.stamp) : nil }
            let path = outputPath + "/" + relative
            var info = stat()
            guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count,
                let data = FileManager.default.contents(atPath: path),
                bytes.isEmpty
                    || data.withUnsafeBytes({ old in bytes.withUnsafeBytes { new in memcmp(old.baseAddress!, new.baseAddress!, new.count) == 0 } })
            else { return nil }
            return (path, FileStamp(info))
        }
        /// Whether a recycled staging folder already holds the live file at `relative` (the same inode): then there is
        /// nothing to do but remember that it and its folders stay.
        func alreadyInPlace(_ relative: String, _ stamp: FileStamp) -> Bool {
            guard recycled, Self.isSafeRelativePath(relative), FileStamp.of(staging + "/" + relative)?.inode == stamp.inode else { return false }
            var folder = (staging + "/" + relative as NSString).deletingLastPathComponent
            while madeDirectories.insert(folder).inserted { folder = (folder as NSString).deletingLastPathComponent }
            placed.insert(relative)
            return true
        }
        var manifest = OutputManifest()
        /// A file to put in place once every folder exists: by a hard link if its bytes did not change, else written.
        struct Pending: @unchecked Sendable {  // its bytes are only read, by the thread that writes them
            var relative: String
            var target: String
            var bytes: [UInt8]
            var inputs: Fingerprint?
            var content: Fingerprint
            var intact: (path: String, record: OutputManifest.Record)?
        }
        // Every new file, pages first, then assets; a path given twice gets the last one.
        var items: [(path: String, bytes: [UInt8], inputs: Fingerprint?)] = files.map { ($0.path, $0.bytes, $0.inputs) }
        for asset in assets {
            switch asset.origin {
            case .bytes(let bytes):
                items.append((asset.outputPath, bytes, nil))
            case .file(let source):
                guard let data = manager.contents(atPath: source) else { throw WriteError(path: source, reason: "cannot copy: cannot read the file") }
                items.append((asset.outputPath, [UInt8](data), nil))
            }
        }
        var last: [String: Int] = [:]
        for (index, item) in items.enumerated() { last[item.path] = index }
        // Hashing and writing are spread over every core; deciding where each file goes and making folders are not.
        let contents = parallelMap(items.map(\.bytes)) { Fingerprint($0) }
        var pending: [Pending] = []
        for (index, (item, content)) in zip(items, contents).enumerated() where last[item.path] == index {
            let intact = previous.intactFile(item.path, in: outputPath)
            if let intact, intact.record.content == content, alreadyInPlace(item.path, intact.record.stamp) {
                manifest[item.path] = .init(inputs: item.inputs, content: content, stamp: intact.record.stamp)
                continue
            }
            let target = try prepare(item.path)
            pending.append(Pending(relative: item.path, target: target, bytes: item.bytes, inputs: item.inputs, content: content, intact: intact))
        }
        for file in reused where last[file.path] == nil {
            let intact = previous.intactFile(file.path, in: outputPath).flatMap { $0.record == file.record ? $0 : nil }
            if let intact, alreadyInPlace(file.path, intact.record.stamp) {
                manifest[file.path] = intact.record
                continue
            }
            let target = try prepare(file.path)
            if let intact, link(intact.path, intact.record.stamp, to: target) {
                manifest[file.path] = intact.record
                continue
            }
            // Changed or removed since the last build (by hand, or by another build): render it after all.
            guard let bytes = file.render() else { throw WriteError(path: file.path, reason: "cannot render this page again") }
            manifest[file.path] = .init(inputs: file.record.inputs, content: Fingerprint(bytes), stamp: try write(bytes, to: target))
        }
        let written = parallelMap(pending) { file -> Result<OutputManifest.Record, WriteError> in
            if let (path, stamp) = unchanged(file.relative, file.bytes, file.content, file.intact), link(path, stamp, to: file.target) {
                return .success(.init(inputs: file.inputs, content: file.content, stamp: stamp))
            }
            return Result { () throws(WriteError) in .init(inputs: file.inputs, content: file.content, stamp: try write(file.bytes, to: file.target))
            }
        }
        for (file, record) in zip(pending, written) { manifest[file.relative] = try record.get() }
        if recycled { sweep(staging, keeping: placed, folders: madeDirectories) }
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

    /// Removes from a recycled staging folder everything this build did not place: pages since deleted, and the old
    /// output's hidden files (carried over afresh from the current output).
    private func sweep(_ staging: String, keeping placed: Set<String>, folders: Set<String>) {
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
    private static func kind(of path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    /// Removes a file, link or folder tree at `path`, if there is one.
    private static func remove(_ path: String) {
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
