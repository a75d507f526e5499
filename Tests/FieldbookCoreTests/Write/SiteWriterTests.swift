import FieldbookTestSupport
import Foundation
import Testing

@testable import FieldbookAnalyze
@testable import FieldbookCore
@testable import FieldbookIncremental
@testable import FieldbookLoad
@testable import FieldbookModel
@testable import FieldbookRender
@testable import FieldbookSearch
@testable import FieldbookWrite

@Suite struct SiteWriterTests {
    /// Only paths that stay inside the output are written: relative, without empty, `.` or `..` parts or NUL bytes.
    @Test func onlyPathsInsideTheOutputAreSafe() {
        for path in ["index.html", "a/b/index.html", ".nojekyll", "a/.well-known/x", "...", "a/..b/c", "a/b../c"] {
            #expect(SiteWriter.isSafeRelativePath(path), "\(path)")
        }
        for path in ["", "/etc/passwd", "a//b", "a/", "./a", "a/./b", "..", "../a", "a/..", "a/../b", "a\0b", "."] {
            #expect(!SiteWriter.isSafeRelativePath(path), "\(path)")
        }
    }

    @Test func replacesTheOutputWholeAndLeavesNoStagingBehind() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let writer = SiteWriter(outputPath: folder.path + "/public")
        try writer.write([OutputFile(path: "old.html", bytes: Array("old".utf8))], assets: [])
        try writer.write(
            [OutputFile(path: "a/index.html", bytes: Array("new".utf8))], assets: [AssetSource(outputPath: "assets/x.css", origin: .bytes([65]))])
        #expect(try snapshot(of: folder.path + "/public") == ["a/index.html": Data("new".utf8), "assets/x.css": Data("A".utf8)])
        // The previous output is kept beside it, for the next build to recycle.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".fieldbook-spare-public", "public"])
    }

    /// Files are written on every core; a path given twice (a content file beside a page of the same name) still gets
    /// the last one, the asset, whether written afresh or over a reused page.
    @Test func aPathGivenTwiceGetsTheLastFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let writer = SiteWriter(outputPath: folder.path + "/public")
        let pages = (0..<200).map { OutputFile(path: "p\($0)/index.html", bytes: Array("page \($0)".utf8), inputs: Fingerprint(UInt64($0))) }
        let asset = AssetSource(outputPath: "p7/index.html", origin: .bytes(Array("asset".utf8)))
        let manifest = try writer.write(pages, assets: [asset])
        var expected = Dictionary(uniqueKeysWithValues: pages.map { ($0.path, Data($0.bytes)) })
        expected["p7/index.html"] = Data("asset".utf8)
        #expect(try snapshot(of: folder.path + "/public") == expected)
        let reused = pages.map { page in ReusedFile(path: page.path, record: manifest[page.path]!) { nil } }
        try writer.write([], reused: reused, assets: [asset], previous: manifest)
        #expect(try snapshot(of: folder.path + "/public") == expected)
    }

    /// A file and a folder of one output at the same path (a content file named like a page's folder) are an error
    /// naming it, and the previous output stays.
    @Test func aFileWhereThisBuildNeedsAFolderIsAnError() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let writer = SiteWriter(outputPath: folder.path + "/public")
        try writer.write([OutputFile(path: "index.html", bytes: Array("v1".utf8))], assets: [])
        // In one batch the write of `d` fails; across batches the folder cannot be made.
        let clash = [OutputFile(path: "d", bytes: [1]), OutputFile(path: "d/index.html", bytes: [2])]
        #expect(throws: SiteWriter.WriteError.self) { try writer.write(clash, assets: []) }
        let staging = try writer.begin()
        try staging.add([clash[0]])
        let error = #expect(throws: SiteWriter.WriteError.self) { try staging.add([clash[1]]) }
        #expect(error?.description == "d: cannot be both a file and a folder of the output")
        staging.abandon()
        #expect(try snapshot(of: folder.path + "/public") == ["index.html": Data("v1".utf8)])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["public"])
    }

    /// A recycled staging folder holds hard links to the live output's files: filling it must replace them, never
    /// write into them, and must leave nothing of the older output behind.
    @Test func recyclingTheOutputBeforeLastNeverTouchesTheLiveOne() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let writer = SiteWriter(outputPath: folder.path + "/public")
        func files(_ pairs: [String: String]) -> [OutputFile] {
            pairs.sorted { $0.key < $1.key }.map { OutputFile(path: $0.key, bytes: Array($0.value.utf8)) }
        }
        var manifest = try writer.write(files(["a/index.html": "1", "b/index.html": "b", "gone/index.html": "g"]), assets: [])
        let v2 = ["a/index.html": "2", "b/index.html": "b", "c/index.html": "c", "d": "file, then a folder"]
        manifest = try writer.write(files(v2), assets: [], previous: manifest)
        try folder.write(["public/.nojekyll": ""])
        let held = folder.path + "/held"
        #expect(link(folder.path + "/public/a/index.html", held) == 0)
        let v3 = ["a/index.html": "3", "b/index.html": "b", "d/index.html": "folder now", "e/index.html": "e"]
        manifest = try writer.write(files(v3), assets: [], previous: manifest)
        #expect(try snapshot(of: folder.path + "/public") == (v3.mapValues { Data($0.utf8) }.merging([".nojekyll": Data()]) { a, _ in a }))
        #expect(try String(contentsOfFile: held, encoding: .utf8) == "2")
        #expect(try snapshot(of: writer.spare) == (v2.mapValues { Data($0.utf8) }.merging([".nojekyll": Data()]) { a, _ in a }))
        // Unchanged files are the same file as before (hard links), so they keep their modification time.
        #expect(manifest["b/index.html"]?.stamp == FileStamp.of(writer.spare + "/b/index.html"))
    }

    /// A file the cache says to reuse but that is gone from the output, with nothing to render it from, fails the
    /// write, and the previous output stays.
    @Test func aReusedFileThatCannotBeFoundOrRenderedFailsTheWrite() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let writer = SiteWriter(outputPath: folder.path + "/public")
        let manifest = try writer.write([OutputFile(path: "a/index.html", bytes: Array("a".utf8))], assets: [])
        try FileManager.default.removeItem(atPath: folder.path + "/public/a/index.html")
        try folder.write(["public/kept.html": "previous"])
        let before = try snapshot(of: folder.path + "/public")
        let reused = ReusedFile(path: "a/index.html", record: try #require(manifest["a/index.html"])) { nil }
        let error = #expect(throws: SiteWriter.WriteError.self) { try writer.write([], reused: [reused], assets: [], previous: manifest) }
        #expect(error?.description == "a/index.html: cannot render this page again")
        #expect(try snapshot(of: folder.path + "/public") == before)
    }

    @Test func keepsHiddenDeploymentFilesOfTheOldOutput() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write(["public/.gitkeep": "", "public/.htaccess": "Options -Indexes", "public/stale.html": "x"])
        try SiteWriter(outputPath: folder.path + "/public").write([OutputFile(path: "index.html", bytes: [])], assets: [])
        #expect(try snapshot(of: folder.path + "/public").keys.sorted() == [".gitkeep", ".htaccess", "index.html"])
    }

    @Test func aFailedWriteLeavesThePreviousOutputExactlyAsItWas() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write(["public/index.html": "previous portal", "public/library/index.html": "library"])
        let before = try snapshot(of: folder.path + "/public")
        let missingAsset = AssetSource(outputPath: "assets/logo.png", origin: .file(folder.path + "/does-not-exist.png"))
        #expect(throws: SiteWriter.WriteError.self) {
            try SiteWriter(outputPath: folder.path + "/public").write([OutputFile(path: "index.html", bytes: [1])], assets: [missingAsset])
        }
        #expect(try snapshot(of: folder.path + "/public") == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["public"])
    }

    @Test func refusesPathsThatLeaveTheOutput() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        for path in ["../escape.html", "/etc/x", "a/../../b", "", "a//b"] {
            #expect(throws: SiteWriter.WriteError.self) {
                try SiteWriter(outputPath: folder.path + "/public").write([OutputFile(path: path, bytes: [])], assets: [])
            }
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/escape.html"))
    }

    @Test func removesStagingFoldersOfKilledBuilds() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        // No process has pid 2^22 + 1 on Linux (pid_max is at most 2^22).
        try folder.write([".fieldbook-staging-public-4194305-77/index.html": "half-written"])
        try SiteWriter(outputPath: folder.path + "/public").write([OutputFile(path: "index.html", bytes: [])], assets: [])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["public"])
    }

    @Test func aBuildWithErrorsLeavesThePreviousPortalIntact() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write(["fieldbook.json": "{\"title\": \"T\"}", "content/training/a/01-x.md": "# X\n"])
        _ = try Pipeline.build(BuildOptions(portal: folder.path))
        let before = try snapshot(of: folder.path + "/public")
        try folder.write(["content/training/a/01-x.md": "# X\n\n[broken](nowhere.md)\n"])
        #expect(throws: DiagnosticsError.self) { try Pipeline.build(BuildOptions(portal: folder.path)) }
        #expect(try snapshot(of: folder.path + "/public") == before)
    }

    /// Pages are written to the staging folder as they are rendered: a template error in a page rendered after
    /// whole batches were written still leaves the previous portal byte for byte, and no staging folder behind.
    @Test func aPageThatFailsAfterOthersWereWrittenLeavesThePreviousPortalIntact() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        var files = ["fieldbook.json": "{\"title\": \"T\"}"]
        for index in 0..<(Incremental.batchSize + 50) {
            files[String(format: "content/training/a/%03d-x%d.md", index, index)] = "{\"tags\": [\"t\"]}\n# Lesson \(index)\n"
        }
        try folder.write(files)
        _ = try Pipeline.build(BuildOptions(portal: folder.path))
        let before = try snapshot(of: folder.path + "/public")
        // Tag pages come after every lesson.
        try folder.write(["templates/pages/tag.mustache": "{{<base}}{{$main}}{{notAField}}{{/main}}{{/base}}"])
        #expect(throws: DiagnosticsError.self) { try Pipeline.build(BuildOptions(portal: folder.path)) }
        #expect(try snapshot(of: folder.path + "/public") == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".fieldbook-staging") } == [])
    }
}
