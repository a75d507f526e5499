import FieldbookCore
import FieldbookLoad
import FieldbookModel
import FieldbookRender
import Foundation
import Testing

/// Paths of the repository, found from this file so tests run from any working directory.
package enum Repository {
    package static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    package static let fixtures = root.appendingPathComponent("Tests/FieldbookCoreTests/Fixtures")
    /// The Maven Analytics CRM export beside the repository (`../shared/datasets/maven-crm`): tests may read it, the
    /// product never needs it.
    package static let mavenCRM = root.deletingLastPathComponent().appendingPathComponent("shared/datasets/maven-crm")
    package static var hasMavenCRM: Bool { FileManager.default.fileExists(atPath: mavenCRM.appendingPathComponent("sales_pipeline.csv").path) }

    /// The `fieldbook` executable `swift test` built beside the test bundle.
    package static var binary: URL {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("fieldbook"),
            Bundle.main.bundleURL.appendingPathComponent("fieldbook"),
            root.appendingPathComponent(".build/debug/fieldbook"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }
}

/// A fresh folder under the system temporary directory, removed by the caller with `cleanUp`.
package struct TemporaryFolder {
    package let url: URL
    package init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    package var path: String { url.path }

    /// Writes files given as path → text below the folder.
    package func write(_ files: [String: String]) throws {
        for (path, text) in files {
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
    }

    package func read(_ path: String) throws -> String { try String(contentsOf: url.appendingPathComponent(path), encoding: .utf8) }

    package func cleanUp() { try? FileManager.default.removeItem(at: url) }
}

/// Every regular file below `folder`, as relative path → bytes.
package func snapshot(of folder: String) throws -> [String: Data] {
    var result: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: folder)
    while let relative = enumerator?.nextObject() as? String {
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isDirectory)
        if !isDirectory.boolValue { result[relative] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + relative)) }
    }
    return result
}

/// Renders an in-memory portal; `files` maps portal paths to contents, `fieldbook.json` defaulted.
package func renderPortal(_ files: [String: String], options: BuildOptions = BuildOptions(portal: "")) -> RenderedPortal {
    var files = files
    if files["fieldbook.json"] == nil { files["fieldbook.json"] = #"{"title": "Test Portal"}"# }
    return Pipeline.render(options, fileSystem: MemoryFileSystem(files))
}

extension RenderedPortal {
    /// The text of one output file.
    package func page(_ path: String) -> String? {
        files.first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }
    package var messages: [String] { diagnostics.map(\.description) }

    /// A JSON file of the output (the API's), parsed.
    package func json(_ path: String) throws -> [String: Any] {
        let text = try #require(page(path), "no \(path)")
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// One period's figures (`2017-Q3`) in an API file.
    package func figures(_ path: String, _ label: String) throws -> [String: Any] {
        try #require((try json(path)["periods"] as? [[String: Any]])?.first { $0["period"] as? String == label }, "\(path) \(label)")
    }
}
