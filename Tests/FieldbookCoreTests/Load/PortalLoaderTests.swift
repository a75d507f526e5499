import FieldbookTestSupport
import Foundation
import Testing

@testable import FieldbookCore
@testable import FieldbookLoad
@testable import FieldbookModel
@testable import FieldbookRender

@Suite struct PortalLoaderTests {
    /// A file parsed by an earlier build and left unread is read again when its text is needed, and only if its bytes
    /// are still those parsed: one changed in between is an error, never another file's text under the old front matter.
    @Test func unreadTextsAreReadAgainOnlyIfUnchanged() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write(["fieldbook.json": "{}", "content/training/a/01-x.md": "{\"title\": \"X\"}\nBody one.\n"])
        let loader = PortalLoader(root: folder.path)
        let first = try #require(loader.load().0)
        let table = try #require(first.parsed)
        Thread.sleep(forTimeInterval: 1.2)
        let later = try #require(loader.load(parsed: ParsedSources(readAt: SourceStamp.now(), entries: table.entries)).0)
        #expect(later.documentsRead == 0)
        let unread = try #require(later.documents.first)
        #expect(!unread.hasText && unread.markdown.isEmpty && unread.frontMatter.title == "X")
        #expect(loader.texts(of: [unread]).texts == ["content/training/a/01-x.md": "\nBody one.\n"])

        try folder.write(["content/training/a/01-x.md": "{\"title\": \"Y\"}\nBody two.\n"])
        let (texts, diagnostics) = loader.texts(of: [unread])
        #expect(texts.isEmpty)
        #expect(diagnostics.map(\.message) == ["the file changed while the portal was built; build again"])
    }

    @Test func symbolicLinksAreRefusedOneByOne() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write(["fieldbook.json": "{}", "content/training/a/01-x.md": "# X\n", "outside.md": "secret"])
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/content/training/a/02-leak.md", withDestinationPath: folder.path + "/outside.md")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/content/training/etc", withDestinationPath: "/etc")
        let portal = Pipeline.render(BuildOptions(portal: folder.path))
        #expect(
            portal.messages == [
                "content/training/a/02-leak.md:1:1: error: symbolic links are not allowed in a portal: they could publish files from outside it",
                "content/training/etc:1:1: error: symbolic links are not allowed in a portal: they could publish files from outside it",
            ])
        #expect(portal.files.isEmpty)
    }

    @Test func hiddenFilesAndTheDataFolderAreNotContent() throws {
        let portal = renderPortal([
            "content/training/a/01-x.md": "# X\n", "content/training/a/.draft.md": "[broken](x.md)", "content/data/README.md": "# Not a page",
            "content/.DS_Store": "x",
        ])
        #expect(portal.messages == [])
        #expect(
            portal.assets.map(\.outputPath) == [
                "assets/favicon.svg", "assets/fieldbook.css", "assets/fieldbook.js", "assets/search.js", "assets/unlock.js",
            ])
    }
}
