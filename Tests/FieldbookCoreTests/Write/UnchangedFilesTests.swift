import FieldbookTestSupport
import Foundation
import Testing

@testable import FieldbookLoad
@testable import FieldbookModel
@testable import FieldbookRender
@testable import FieldbookWrite

@Suite struct UnchangedFilesTests {
    private func inode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int)
    }

    @Test func unchangedFilesKeepTheirInodeAndTime() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let writer = SiteWriter(outputPath: folder.path + "/public")
        try writer.write(
            [OutputFile(path: "same.html", bytes: Array("same".utf8)), OutputFile(path: "edit.html", bytes: Array("v1".utf8))], assets: [])
        let same = try inode(folder.path + "/public/same.html")
        let edited = try inode(folder.path + "/public/edit.html")
        let time = try FileManager.default.attributesOfItem(atPath: folder.path + "/public/same.html")[.modificationDate] as? Date
        try writer.write(
            [
                OutputFile(path: "same.html", bytes: Array("same".utf8)), OutputFile(path: "edit.html", bytes: Array("v2".utf8)),
                OutputFile(path: "new.html", bytes: []),
            ],
            assets: [])
        #expect(try inode(folder.path + "/public/same.html") == same)
        #expect(try FileManager.default.attributesOfItem(atPath: folder.path + "/public/same.html")[.modificationDate] as? Date == time)
        #expect(try inode(folder.path + "/public/edit.html") != edited)
        #expect(try folder.read("public/edit.html") == "v2")
        // A file whose source is gone is gone from the output.
        try writer.write([OutputFile(path: "same.html", bytes: Array("same".utf8))], assets: [])
        #expect(try snapshot(of: folder.path + "/public").keys.sorted() == ["same.html"])
    }
}
