import FieldbookTestSupport
import Foundation
import Testing

@testable import FieldbookLoad
@testable import FieldbookModel
@testable import FieldbookRender
@testable import FieldbookServe

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite struct StaticFilesTests {
    @Test func resolvesFilesFoldersAndRefusesEscapes() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write(["public/index.html": "home", "public/library/index.html": "lib", "public/a b.css": "x", "secret.txt": "secret"])
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/public/leak.txt", withDestinationPath: folder.path + "/secret.txt")
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/public/inside.html", withDestinationPath: folder.path + "/public/index.html")
        let files = StaticFiles(root: folder.path + "/public")
        let root = files.root
        #expect(files.resolve("/") == .file(root + "/index.html"))
        #expect(files.resolve("/library/") == .file(root + "/library/index.html"))
        #expect(files.resolve("/library") == .redirect("/library/"))
        #expect(files.resolve("/library/?q=1") == .file(root + "/library/index.html"))
        #expect(files.resolve("/a%20b.css") == .file(root + "/a b.css"))
        #expect(files.resolve("/inside.html") == .file(root + "/index.html"))
        #expect(files.resolve("/missing/") == .notFound)
        for hostile in [
            "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/library/../../secret.txt", "/leak.txt", "/a%00.html",
            "/..%5csecret.txt", "/%zz",
        ] {
            #expect(files.resolve(hostile) == .forbidden, "\(hostile)")
        }
    }

    @Test func contentTypesAndETags() {
        #expect(StaticFiles.contentType(of: "a/index.html") == "text/html; charset=utf-8")
        #expect(StaticFiles.contentType(of: "x.SVG") == "image/svg+xml")
        #expect(StaticFiles.contentType(of: "search/t-e5.js") == "text/javascript; charset=utf-8")
        #expect(StaticFiles.contentType(of: "blob") == "application/octet-stream")
        #expect(StaticFiles.etag(Data("a".utf8)) == StaticFiles.etag(Data("a".utf8)))
        #expect(StaticFiles.etag(Data("a".utf8)) != StaticFiles.etag(Data("b".utf8)))
    }
}
