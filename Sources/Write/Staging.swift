import FieldbookModel
import Foundation

#if canImport(Glibc)
    import Glibc
    private let systemLink = Glibc.link
#elseif canImport(Darwin)
    import Darwin
    private let systemLink = Darwin.link
#endif

/// An output being put together beside the real one, which it replaces only when complete (`SiteWriter.begin`).
/// Pages are added in batches as they are rendered, so a large portal is never held in memory whole; a build that
/// fails `abandon`s it and the previous output stays exactly as it was.
///
/// A staging folder recycled from the output before last holds hard links to the live output's files: they are
/// replaced by unlinking, never by writing into them. So is a file placed earlier in this build (a path given twice).
package final class Staging {
    let writer: SiteWriter
    let path: String
    let recycled: Bool
    let previous: OutputManifest
    private var lock: Int32
    private var madeDirectories: Set<String>
    private var placed: Set<String> = []
    private var manifest = OutputManifest()

    init(writer: SiteWriter, path: String, recycled: Bool, previous: OutputManifest, lock: Int32) {
        self.writer = writer
        self.path = path
        self.recycled = recycled
        self.previous = previous
        self.lock = lock
        madeDirectories = [path]
    }

    deinit { abandon() }

    private var outputPath: String { writer.outputPath }

    /// Puts `files` in place now: by a hard link from the previous output when a file's bytes did not change (it keeps
    /// its modification time, so rsync and CDN deploys upload only what changed), else written. Hashing and writing
    /// are spread over every core; deciding where each file goes and making folders are not. A path given twice gets
    /// the last file.
    package func add(_ files: [OutputFile]) throws(SiteWriter.WriteError) {
        var last: [String: Int] = [:]
        for (index, file) in files.enumerated() { last[file.path] = index }
        let contents = parallelMap(files.map(\.bytes)) { Fingerprint($0) }
        var pending: [Pending] = []
        for (index, (file, content)) in zip(files, contents).enumerated() where last[file.path] == index {
            let intact = previous.intactFile(file.path, in: outputPath)
            if let intact, intact.record.content == content, alreadyInPlace(file.path, intact.record.stamp) {
                manifest[file.path] = .init(inputs: file.inputs, content: content, stamp: intact.record.stamp)
                continue
            }
            let replace = recycled || placed.contains(file.path)
            let target = try prepare(file.path)
            pending.append(Pending(file: file, target: target, replace: replace, content: content, intact: intact))
        }
        let outputPath = outputPath
        let written = parallelMap(pending) { file -> Result<OutputManifest.Record, SiteWriter.WriteError> in
            if let (path, stamp) = Self.unchanged(file, outputPath: outputPath), Self.link(path, stamp, to: file.target, replace: file.replace) {
                return .success(.init(inputs: file.file.inputs, content: file.content, stamp: stamp))
            }
            return Result { () throws(SiteWriter.WriteError) in
                .init(inputs: file.file.inputs, content: file.content, stamp: try Self.write(file.file.bytes, to: file.target, replace: file.replace))
            }
        }
        for (file, record) in zip(pending, written) { manifest[file.file.path] = try record.get() }
    }

    /// Adds the last `files` and the `assets`, links `reused` pages from the previous output, removes what a recycled
    /// folder held that this build did not place, and swaps the staging folder in. Returns what the output now holds.
    package func finish(_ files: [OutputFile], reused: [ReusedFile], assets: [AssetSource]) throws(SiteWriter.WriteError) -> OutputManifest {
        do throws(SiteWriter.WriteError) {
            var files = files
            for asset in assets {
                switch asset.origin {
                case .bytes(let bytes):
                    files.append(OutputFile(path: asset.outputPath, bytes: bytes))
                case .file(let source):
                    guard let data = FileManager.default.contents(atPath: source) else {
                        throw SiteWriter.WriteError(path: source, reason: "cannot copy: cannot read the file")
                    }
                    files.append(OutputFile(path: asset.outputPath, bytes: [UInt8](data)))
                }
            }
            try add(files)
            // Two stats a page (is the live file intact, does the recycled folder hold it already), on every core.
            let unplaced = reused.filter { !placed.contains($0.path) }
            let (previous, outputPath, path, recycled) = (previous, outputPath, path, recycled)
            let found = parallelMap(unplaced) { file in
                let intact = previous.intactFile(file.path, in: outputPath).flatMap { $0.record == file.record ? $0 : nil }
                return (intact, intact.map { Self.isInPlace(file.path, $0.record.stamp, staging: path, recycled: recycled) } ?? false)
            }
            for (file, (intact, inPlace)) in zip(unplaced, found) where !placed.contains(file.path) {
                try link(file, intact: intact, inPlace: inPlace)
            }
            if recycled { writer.sweep(path, keeping: placed, folders: madeDirectories) }
            carryHiddenFiles()
            try writer.swapIn(path)
            close(lock)
            lock = -1
            return manifest
        } catch {
            abandon()
            throw error
        }
    }

    /// Removes the staging folder and lets another build have the output; the previous output is untouched.
    package func abandon() {
        guard lock >= 0 else { return }
        try? FileManager.default.removeItem(atPath: path)
        close(lock)
        lock = -1
    }

    /// A file to put in place once its folder exists.
    private struct Pending: Sendable {
        var file: OutputFile
        var target: String
        /// Something may be at `target` already (a recycled folder, or a path given twice): unlink it first.
        var replace: Bool
        var content: Fingerprint
        var intact: (path: String, record: OutputManifest.Record)?
    }

    /// A page whose inputs did not change: linked from the previous output (`intact`: its file there, if unchanged
    /// since the last build; `inPlace`: the recycled folder holds that file already), or rendered again if it was
    /// changed or removed since (by hand, or by another build).
    private func link(_ file: ReusedFile, intact: (path: String, record: OutputManifest.Record)?, inPlace: Bool) throws(SiteWriter.WriteError) {
        if let intact, inPlace {
            keep(file.path)
            manifest[file.path] = intact.record
            return
        }
        let target = try prepare(file.path)
        if let intact, Self.link(intact.path, intact.record.stamp, to: target, replace: recycled) {
            manifest[file.path] = intact.record
            return
        }
        guard let bytes = file.render() else { throw SiteWriter.WriteError(path: file.path, reason: "cannot render this page again") }
        manifest[file.path] = .init(
            inputs: file.record.inputs, content: Fingerprint(bytes), stamp: try Self.write(bytes, to: target, replace: recycled))
    }

    /// Plain POSIX calls: on thousands of pages, FileManager's per-call overhead costs more than the writing.
    private func makeDirectory(_ directory: String) throws(SiteWriter.WriteError) {
        guard !madeDirectories.contains(directory) else { return }
        try makeDirectory(Self.parent(of: directory))
        if mkdir(directory, 0o755) != 0 {
            guard errno == EEXIST else {
                throw SiteWriter.WriteError(path: directory, reason: "cannot create folder: \(String(cString: strerror(errno)))")
            }
            if SiteWriter.kind(of: directory) != S_IFDIR {
                // A file of an older output in a recycled folder goes; one this build placed is a clash between outputs.
                let relative = String(directory.dropFirst(path.count + 1))
                guard recycled, !placed.contains(relative) else {
                    throw SiteWriter.WriteError(path: relative, reason: "cannot be both a file and a folder of the output")
                }
                SiteWriter.remove(directory)
                try makeDirectory(directory)
            }
        }
        madeDirectories.insert(directory)
    }

    private func prepare(_ relative: String) throws(SiteWriter.WriteError) -> String {
        guard SiteWriter.isSafeRelativePath(relative) else {
            throw SiteWriter.WriteError(path: relative, reason: "refusing to write outside the output folder")
        }
        let target = path + "/" + relative
        try makeDirectory(Self.parent(of: target))
        placed.insert(relative)
        return target
    }

    /// Whether a recycled staging folder already holds the live file at `relative` (the same inode): then there is
    /// nothing to do but `keep` it.
    private static func isInPlace(_ relative: String, _ stamp: FileStamp, staging: String, recycled: Bool) -> Bool {
        recycled && SiteWriter.isSafeRelativePath(relative) && FileStamp.of(staging + "/" + relative)?.inode == stamp.inode
    }

    private func alreadyInPlace(_ relative: String, _ stamp: FileStamp) -> Bool {
        guard !placed.contains(relative), Self.isInPlace(relative, stamp, staging: path, recycled: recycled) else { return false }
        keep(relative)
        return true
    }

    /// Remembers that a file the recycled folder holds, and its folders, stay.
    private func keep(_ relative: String) {
        var folder = Self.parent(of: path + "/" + relative)
        while madeDirectories.insert(folder).inserted { folder = Self.parent(of: folder) }
        placed.insert(relative)
    }

    /// The folder a path is in (`a/b/c` → `a/b`); NSString's path methods cost more than the rest of a reused page.
    static func parent(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    /// Hidden files at the top of the old output (.gitkeep, .nojekyll, .htaccess) belong to the deployment, not the
    /// build: they are carried over.
    private func carryHiddenFiles() {
        let manager = FileManager.default
        for name in (try? manager.contentsOfDirectory(atPath: outputPath)) ?? [] where name.hasPrefix(".") {
            let from = outputPath + "/" + name
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: from, isDirectory: &isDirectory), !isDirectory.boolValue,
                !manager.fileExists(atPath: path + "/" + name)
            else { continue }
            try? manager.copyItem(atPath: from, toPath: path + "/" + name)
        }
    }

    /// The previous output's copy of the file, if its bytes are the same. The previous build's manifest says what
    /// each old file holds (`intact`); without it (or for a file it does not describe) the old bytes are compared.
    private static func unchanged(_ file: Pending, outputPath: String) -> (path: String, stamp: FileStamp)? {
        if let intact = file.intact { return intact.record.content == file.content ? (intact.path, intact.record.stamp) : nil }
        let path = outputPath + "/" + file.file.path
        let bytes = file.file.bytes
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count,
            let data = FileManager.default.contents(atPath: path),
            data.withUnsafeBytes({ old in bytes.withUnsafeBytes { new in sameBytes(old, new) } })
        else { return nil }
        return (path, FileStamp(info))
    }

    /// Puts the previous output's file at `target` by a hard link; in a recycled folder it may be there already.
    private static func link(_ previous: String, _ stamp: FileStamp, to target: String, replace: Bool) -> Bool {
        if replace {
            if FileStamp.of(target)?.inode == stamp.inode { return true }
            SiteWriter.remove(target)
        }
        return systemLink(previous, target) == 0
    }

    private static func write(_ bytes: [UInt8], to target: String, replace: Bool) throws(SiteWriter.WriteError) -> FileStamp {
        if replace { SiteWriter.remove(target) }
        switch FileStamp.write(bytes, to: target) {
        case .success(let stamp): return stamp
        case .failure(let error): throw SiteWriter.WriteError(path: target, reason: "cannot write: \(error.message)")
        }
    }
}
