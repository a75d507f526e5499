import FieldbookTestSupport
import Foundation
import Testing

@testable import FieldbookLoad
@testable import FieldbookModel
@testable import FieldbookRender

/// The binary carries the theme in `templates/`; this fails when someone edits one and forgets
/// `swift scripts/embed-theme.swift`.
@Suite struct DefaultThemeTests {
    @Test func embeddedThemeMatchesTheTemplatesFolder() throws {
        let loaded = PortalLoader(root: Repository.root.path, builtIn: DefaultTheme.theme).load().0
        let templates = try #require(loaded).templates
        #expect(Set(templates.keys) == Set(DefaultTheme.templates.keys))
        for (name, builtIn) in DefaultTheme.templates {
            #expect(templates[name]?.text == builtIn.text, "templates/…/\(name).mustache differs from the embedded copy")
        }
        for asset in DefaultTheme.assets {
            guard case .bytes(let bytes) = asset.origin else { continue }
            let onDisk = try Data(contentsOf: Repository.root.appendingPathComponent("templates/" + asset.outputPath))
            #expect(Data(bytes) == onDisk, "templates/\(asset.outputPath) differs from the embedded copy")
        }
    }
}
