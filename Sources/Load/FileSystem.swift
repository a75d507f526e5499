import FieldbookModel
import Foundation

/// The only way the pipeline touches files, so tests can run a whole build in memory.
public protocol FileSystem: Sendable {
    /// The bytes of a file, or nil when there is no regular file at `path`.
    func contents(of path: String) throws -> [UInt8]?
    /// Every regular file below `directory`, as paths relative to it, sorted; empty when the folder is absent.
    func files(under directory: String) throws -> [String]
    /// Whether a folder exists at `path`.
    func isDirectory(_ path: String) -> Bool
}

/// Reads the real disk. Symbolic links are not followed out of the folder being listed.
public struct DiskFileSystem: FileSystem {
    public init() {}

    public func contents(of path: String) throws -> [UInt8]? { try readWholeFile(path) }

    public func files(under directory: String) throws -> [String] {
        guard isDirectory(directory) else { return [] }
        let root = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath().path
        var result: [String] = []
        var links: [String] = []
        func visit(_ folder: String, _ relative: String) {
            for (name, kind) in directoryEntries(folder) {
                let child = relative.isEmpty ? name : relative + "/" + name
                switch kind {
                case .folder: visit(folder + "/" + name, child)
                case .file: result.append(child)
                case .link: links.append(child)
                case .other: continue
                }
            }
        }
        visit(root, "")
        if !links.isEmpty { throw SymlinkError(paths: links.sorted()) }
        return result.sorted()
    }

    public func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}

/// A symbolic link inside the portal: refused, because it could pull files from outside the portal into a public site.
public struct SymlinkError: Error, Sendable {
    /// Every link found, relative to the folder listed.
    public var paths: [String]
}

/// Files held in memory, for tests: keys are paths such as `content/training/a/index.md`.
public struct MemoryFileSystem: FileSystem {
    public var files: [String: [UInt8]]

    public init(_ files: [String: String] = [:]) {
        self.files = files.mapValues { Array($0.utf8) }
    }

    public func contents(of path: String) throws -> [UInt8]? { files[Self.clean(path)] }

    public func files(under directory: String) throws -> [String] {
        let prefix = Self.clean(directory).isEmpty ? "" : Self.clean(directory) + "/"
        return files.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }.sorted()
    }

    public func isDirectory(_ path: String) -> Bool {
        let prefix = Self.clean(path) + "/"
        return files.keys.contains { $0.hasPrefix(prefix) }
    }

    private static func clean(_ path: String) -> String {
        var path = path
        while path.hasPrefix("./") { path.removeFirst(2) }
        while path.hasSuffix("/") { path.removeLast() }
        return path == "." ? "" : path
    }
}
