import FieldbookModel
import FieldbookRender
import FieldbookSearch
import FieldbookWrite
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What one build leaves for the next, in a folder outside the output (`.fieldbook/cache/` in the portal):
///
/// - `markdown-0.bin` to `markdown-f.bin`: every document's rendered Markdown, keyed by a fingerprint of its file, its
///   path, the renderer's settings and every link target in the portal, so an edit re-renders that document alone, and
///   a rename or a new document (which can change where links point) re-renders all of them. Split in sixteen by key,
///   so an edit rewrites a sixteenth or two of the table, not all of it.
/// - `sources.bin`: every Markdown file as parsed (front matter, what parsing reported, a fingerprint of its bytes)
///   with its stamp on disk (`ParsedSources`), so a build reads and parses only the files that changed.
/// - `search.bin`: every search entry's weighed terms, keyed by a fingerprint of its text, so the search index is
///   rebuilt without tokenizing unchanged documents again.
/// - `performance-<hash>.bin`, one per output folder: what the performance side (data, KPIs, dashboard and
///   scorecards, API) produced there, under a fingerprint of its inputs (`CachedPerformance.key`), so a build after a
///   text edit skips it whole, and builds into two folders in turns each keep their own.
/// - `library-<hash>.bin`, one per output folder: the library side's pages under the key of its outline
///   (`CachedLibrary`), so an edit that leaves every title, summary, date and tag as it was plans only its own pages.
/// - `output-<hash>.bin`, one per output folder: for each file written there, the fingerprint of what its page was
///   made from, the fingerprint of its bytes, and the file's identity on disk (inode, size, modification time).
///   A page whose inputs did not change is not rendered again: its previous file is hard-linked into the new output,
///   provided that file is still exactly the one this build wrote.
///
/// Everything read from here is checked: a file from another version of Fieldbook (`engine`), cut short or corrupted
/// (a checksum covers it) is ignored and the build renders from scratch. The cache never changes what is built,
/// only how much work it takes; deleting the folder is always safe.
package struct BuildCache: Sendable {
    package static let defaultFolder = ".fieldbook/cache"

    package let folder: String
    /// The entries the previous build saved (empty on a clean build).
    package var markdown: [Fingerprint: DocumentMarkdown]
    package var search = SearchTerms()
    /// The last build's performance side, under the key of its inputs.
    package var performance: (key: Fingerprint, value: CachedPerformance)?
    /// The last build's library pages (into this output folder), under the key of the library's outline.
    package var library: (key: Fingerprint, value: CachedLibrary)?
    /// The Markdown files as the last build parsed them.
    package var parsed: ParsedSources?
    package var outputs: OutputManifest

    /// Loads the cache for an output folder; `clean` starts from nothing (the new build still saves its own).
    package static func open(folder: String, outputPath: String, clean: Bool) -> BuildCache {
        let empty = BuildCache(folder: folder, markdown: [:], outputs: OutputManifest(), outputPath: outputPath)
        guard !clean else { return empty }
        var cache = empty
        // Twenty files, read on every core.
        enum Part: Sendable {
            case markdown([Fingerprint: DocumentMarkdown]), search(SearchTerms), outputs(OutputManifest)
            case performance(Fingerprint, CachedPerformance), library(Fingerprint, CachedLibrary), parsed(ParsedSources), missing
        }
        let parts = parallelMap(Array(-5..<Self.markdownShards)) { part -> Part in
            switch part {
            case -5:
                read(empty.sourcesFile).flatMap { reader in
                    var reader = reader; return try? ParsedSources(reading: &reader)
                }.map(Part.parsed) ?? .missing
            case -4: readKeyed(empty.libraryFile, CachedLibrary.init(reading:)).map(Part.library) ?? .missing
            case -3: readKeyed(empty.performanceFile, CachedPerformance.init(reading:)).map(Part.performance) ?? .missing
            case -2:
                read(empty.searchFile).flatMap { reader in
                    var reader = reader; return try? SearchTerms(reading: &reader)
                }.map(Part.search) ?? .missing
            case -1: read(empty.manifestFile).flatMap { try? OutputManifest(reading: $0) }.map(Part.outputs) ?? .missing
            default: read(empty.markdownFile(part)).flatMap { try? DocumentMarkdown.readTable($0) }.map(Part.markdown) ?? .missing
            }
        }
        for part in parts {
            switch part {
            case .markdown(let markdown): cache.markdown.merge(markdown) { first, _ in first }
            case .search(let search): cache.search = search
            case .outputs(let outputs): cache.outputs = outputs
            case .performance(let key, let value): cache.performance = (key, value)
            case .library(let key, let value): cache.library = (key, value)
            case .parsed(let parsed): cache.parsed = parsed
            case .missing: break
            }
        }
        return cache
    }

    private let outputPath: String

    init(folder: String, markdown: [Fingerprint: DocumentMarkdown], outputs: OutputManifest, outputPath: String) {
        self.folder = folder
        self.markdown = markdown
        self.outputs = outputs
        self.outputPath = URL(fileURLWithPath: outputPath).standardizedFileURL.path
    }

    private static let markdownShards = 16
    private static func shard(_ key: Fingerprint) -> Int { Int(key.value >> 60) }
    private func markdownFile(_ shard: Int) -> String { folder + "/markdown-\(String(shard, radix: 16)).bin" }
    private var searchFile: String { folder + "/search.bin" }
    private var sourcesFile: String { folder + "/sources.bin" }
    private var performanceFile: String { folder + "/performance-\(Fingerprint(outputPath)).bin" }
    private var manifestFile: String { folder + "/output-\(Fingerprint(outputPath)).bin" }
    private var libraryFile: String { folder + "/library-\(Fingerprint(outputPath)).bin" }

    /// Saves what this build used (and some of what it did not, see below), so entries for documents since deleted do
    /// not pile up: the rendered Markdown, the search terms and the performance side, each file on its own core; a
    /// table given as nil is left as it is. None of them depends on the output, so `Pipeline.build` saves them while
    /// the pages are rendered and the output is written, then `saveOutputs`. Failing to save only costs the next build
    /// time, so it is reported to the caller but never fails the build.
    package func saveTables(
        markdown: [Fingerprint: DocumentMarkdown]? = nil, search: SearchTerms? = nil,
        performance: (key: Fingerprint, value: CachedPerformance)? = nil,
        library: (key: Fingerprint, value: CachedLibrary)? = nil, parsed: ParsedSources? = nil
    ) -> String? {
        var files: [@Sendable () throws -> Void] = []
        if let parsed {
            let path = sourcesFile
            files.append { try Self.write(to: path, capacity: parsed.entries.count * 512) { parsed.write(to: &$0) } }
        }
        if let markdown { files += markdownFiles(markdown) }
        if let search, search != self.search {
            let path = searchFile
            files.append { try Self.write(to: path, capacity: search.entries.count * 1024) { search.write(to: &$0) } }
        }
        if let performance, performance.key != self.performance?.key {
            let path = performanceFile
            files.append {
                try Self.write(to: path, capacity: 1 << 20) { writer in
                    writer.write(performance.key.value)
                    performance.value.write(to: &writer)
                }
            }
        }
        if let library, library.key != self.library?.key || library.value != self.library?.value {
            let path = libraryFile
            files.append {
                try Self.write(to: path, capacity: library.value.pages.count * 96 + library.value.documents.count * 96) { writer in
                    writer.write(library.key.value)
                    library.value.write(to: &writer)
                }
            }
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try parallelMap(files) { save in Result { try save() } }.forEach { try $0.get() }
            return nil
        } catch {
            return problem(error)
        }
    }

    /// Writing the Markdown table: the sixteen parts whose keys changed.
    private func markdownFiles(_ markdown: [Fingerprint: DocumentMarkdown]) -> [@Sendable () throws -> Void] {
        var files: [@Sendable () throws -> Void] = []
        // Entries the previous build left and this one did not use are kept while there are at most twice as many
        // as used ones: `serve` (drafts shown, base URL `/`) and `build` render with different link targets, and
        // taking turns should not cost either a full render. Past that, old versions of edited documents go.
        let merged = markdown.merging(self.markdown) { used, _ in used }
        let kept = merged.count <= 3 * markdown.count ? merged : markdown
        // Entries are named by their content, so a part whose keys did not change need not be written again.
        var parts = [[Fingerprint: DocumentMarkdown]](repeating: [:], count: Self.markdownShards)
        for (key, entry) in kept { parts[Self.shard(key)][key] = entry }
        var previousKeys = [Set<Fingerprint>](repeating: [], count: Self.markdownShards)
        for key in self.markdown.keys { previousKeys[Self.shard(key)].insert(key) }
        for (shard, part) in parts.enumerated() where Set(part.keys) != previousKeys[shard] {
            let path = markdownFile(shard)
            files.append {
                try Self.write(to: path, capacity: part.values.reduce(0) { $0 + $1.markdown.html.utf8.count * 2 + 256 }) {
                    DocumentMarkdown.writeTable(part, to: &$0)
                }
            }
        }
        return files
    }

    /// Saves what the output folder now holds (`SiteWriter` returns it).
    package func saveOutputs(_ outputs: OutputManifest) -> String? {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Self.write(to: manifestFile, capacity: outputs.records.count * 80) { outputs.write(to: &$0) }
            return nil
        } catch {
            return problem(error)
        }
    }

    private func problem(_ error: any Error) -> String { "could not save the build cache in \(folder): \(error.localizedDescription)" }

    // MARK: - Files: a header, the payload, and a checksum of both

    private static let magic = Array("FIELDBOOK-CACHE\n".utf8)

    /// Changes whenever the fieldbook binary does (its size and modification time), and with the file format, so a
    /// new version never trusts what an old one rendered.
    static let engine: Fingerprint = {
        var writer = ByteWriter()
        writer.write(UInt64(2))  // the format of these files
        var info = stat()
        if let executable = Bundle.main.executablePath, stat(executable, &info) == 0 {
            writer.write(executable)
            writer.write(Int(info.st_size))
            writer.write(Int(FileStamp.modificationSeconds(info)))
            writer.write(Int(FileStamp.modificationNanoseconds(info)))
        }
        return Fingerprint(writer.bytes)
    }()

    private static func read(_ path: String) -> ByteReader? {
        // The tables run to 150 MB for ten thousand documents: read straight into one buffer, copied no further.
        guard var bytes = try? readWholeFile(path), bytes.count >= magic.count + 16 else { return nil }
        let checksum = bytes[(bytes.count - 8)...].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        bytes.removeLast(8)
        guard bytes.starts(with: magic), Fingerprint(bytes).value == checksum else { return nil }
        var payload = ByteReader(bytes, offset: magic.count)
        guard let engine = try? payload.readUInt64(), engine == Self.engine.value else { return nil }
        return payload
    }

    /// A table saved under a key (the fingerprint of its inputs), then the table.
    private static func readKeyed<Table>(
        _ path: String, _ table: (inout ByteReader) throws(ByteReader.Truncated) -> Table
    ) -> (Fingerprint, Table)? {
        guard var reader = read(path), let key = try? reader.readUInt64(), let value = try? table(&reader) else { return nil }
        return (Fingerprint(key), value)
    }

    private static func write(to path: String, capacity: Int, payload: (inout ByteWriter) -> Void) throws {
        var file = ByteWriter(capacity: capacity + 64)
        file.write(raw: magic)
        file.write(engine.value)
        payload(&file)
        let checksum = Fingerprint(file.bytes).value
        file.write(raw: (0..<8).map { UInt8(truncatingIfNeeded: checksum >> ($0 * 8)) })
        // Written beside and renamed over, so a reader never sees half a file, and concurrent builds each leave a whole one.
        let temporary = path + ".\(getpid()).tmp"
        let written = (try? FileStamp.write(file.bytes, to: temporary).get()) != nil
        guard written, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }
}
