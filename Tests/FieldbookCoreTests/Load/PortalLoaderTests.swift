import FieldbookTestSupport
import Foundation
import Testing

@testable import FieldbookCore
@testable import FieldbookLoad
@testable import FieldbookModel
@testable import FieldbookRender

@Suite struct PortalLoaderTests {
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
