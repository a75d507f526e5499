import FieldbookModel
import Foundation

/// The only way the pipeline touches files, so tests can run a whole build in memory.
package protocol FileSystem: Sendable {
    /// The bytes of a file, or nil when there is no regular file at `path`.
    func contents(of path: String) throws -> [UInt8]?
    /// Every regular file below `directory`, as paths relative to it, sorted; empty when the folder is absent.
    func files(under directory: String) throws -> [String]
    /// Whether a folder exists at `path`.
    func isDirectory(_ path: String) -> Bool
    /// The stamp of the regular file at `path` (`ParsedSources`), nil when the file system keeps none.
    func stamp(of path: String) -> SourceStamp?
}

extension FileSystem {
    package func stamp(of path: String) -> SourceStamp? { nil }
}

/// Reads the real disk. Symbolic links are not followed out of the folder being listed.
package struct DiskFileSystem: FileSystem {
    package init() {}

    package func contents(of path: String) throws -> [UInt8]? { try readWholeFile(path) }

    package func stamp(of path: String) -> SourceStamp? { SourceStamp.of(path) }

    package func files(under directory: String) throws -> [String] {
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

    package func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}

/// A symbolic link inside the portal: refused, because it could pull files from outside the portal into a public site.
package struct SymlinkError: Error, Sendable {
    /// Every link found, relative to the folder listed.
    package var paths: [String]
}

/// Files held in memory, for tests: keys are paths such as `content/training/a/index.md`.
package struct MemoryFileSystem: FileSystem {
    package var files: [String: [UInt8]]

    package init(_ files: [String: String] = [:]) {
        self.files = files.mapValues { Array($0.utf8) }
    }

    package func contents(of path: String) throws -> [UInt8]? { files[Self.clean(path)] }

    package func files(under directory: String) throws -> [String] {
        let prefix = Self.clean(directory).isEmpty ? "" : Self.clean(directory) + "/"
        return files.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }.sorted()
    }

    package func isDirectory(_ path: String) -> Bool {
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
