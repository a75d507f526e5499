import FieldbookTestSupport
import Testing

@testable import FieldbookLoad
@testable import FieldbookModel
@testable import FieldbookRender

/// Theme problems surface as build errors that point at the template line, never as silently empty HTML.
@Suite struct TemplateSetTests {
    let lesson = "content/training/sales/01-a.md"

    @Test func aKeyNoViewModelHasIsAnError() {
        let portal = renderPortal([
            lesson: "# A\n",
            "templates/pages/lesson.mustache": "{{<base}}{{$main}}\n<h1>{{title}}</h1>\n<p>{{titel}}</p>{{/main}}{{/base}}",
        ])
        #expect(
            portal.messages == [
                "templates/pages/lesson.mustache:3:4: error: template uses 'titel', which lesson pages do not have (did you mean 'title'?)\ntemplates/pages/lesson.mustache:1:1: note: while rendering /library/training/sales/a/"
            ])
        #expect(portal.files.isEmpty)
    }

    @Test func aTypoInANestedLookupIsAnErrorToo() {
        let portal = renderPortal([
            lesson: "# A\n",
            "templates/partials/footer.mustache": "<footer>{{labels.libary}}</footer>",
        ])
        #expect(portal.diagnostics.count == 1)
        #expect(portal.diagnostics.first?.message.hasPrefix("template uses 'labels.libary', which ") == true)
        #expect(portal.diagnostics.first?.message.hasSuffix(" (did you mean 'labels.library'?)") == true)
        #expect(portal.diagnostics.first?.location == SourceLocation(path: "templates/partials/footer.mustache", line: 1, column: 9))
    }

    @Test func optionalFieldsThatAreEmptyAreNotErrors() {
        // A lesson with no `updated`, `owner` or tags renders the default doc-meta partial, which asks for all three.
        let portal = renderPortal([lesson: "# A\n\ntext\n"])
        #expect(portal.diagnostics == [])
        #expect(portal.page("library/training/sales/a/index.html")?.contains("<h1>A</h1>") == true)
    }

    /// Themes written for swift-mustache keep working: its text transforms, escaping, and sections over a present string.
    @Test func textFieldsKeepTransformsEscapingAndSections() {
        let portal = renderPortal([
            "content/training/sales/01-a.md": "{\"owner\": \"Ann <Lee>\"}\n# Cold call\n",
            "templates/pages/lesson.mustache":
                "{{<base}}{{$main}}<h1>{{uppercased(title)}}</h1>{{#owner}}<p>{{owner}}</p>{{/owner}}<i>{{{pageTitle}}}</i>{{/main}}{{/base}}",
        ])
        #expect(portal.diagnostics == [])
        let page = portal.page("library/training/sales/a/index.html") ?? ""
        #expect(page.contains("<h1>COLD CALL</h1><p>Ann &lt;Lee&gt;</p><i>Cold call</i>"))
    }

    @Test func aMissingPartialIsAnErrorAtItsTag() {
        let portal = renderPortal([
            lesson: "# A\n",
            "templates/partials/header.mustache": "<header>\n  {{> logo}}\n</header>",
        ])
        #expect(portal.messages == ["templates/partials/header.mustache:2:3: error: template 'logo' does not exist"])
    }

    @Test func aSyntaxErrorHasItsLine() {
        let portal = renderPortal([
            lesson: "# A\n",
            "templates/partials/footer.mustache": "<footer>\n{{#labels}}{{library}}\n</footer>",
        ])
        #expect(portal.diagnostics.count == 1)
        #expect(portal.diagnostics.first?.location.path == "templates/partials/footer.mustache")
        #expect(portal.diagnostics.first?.message == "template syntax: 'labels' is opened here and never closed")
        #expect(portal.diagnostics.first?.location.line == 2)
        // The line is the file's own, whatever the renderer adds above it.
        let mismatch = renderPortal([lesson: "# A\n", "templates/partials/footer.mustache": "<footer>\n{{#a}}\n  {{/b}}\n</footer>"])
        #expect(mismatch.diagnostics.first?.location.line == 3)
    }

    @Test func twoTemplatesWithOneNameAreAnError() {
        let portal = renderPortal([
            lesson: "# A\n",
            "templates/pages/toc.mustache": "x",
            "templates/partials/toc.mustache": "y",
        ])
        #expect(
            portal.messages == [
                "templates/partials/toc.mustache:1:1: error: two templates are named 'toc'; template names must be unique across folders\ntemplates/pages/toc.mustache:1:1: note: the other template"
            ])
    }

    @Test func aPortalTemplateReplacesOnlyItsBuiltInNamesake() {
        let portal = renderPortal([
            lesson: "# A\n",
            "templates/partials/footer.mustache": "<footer class=\"custom\">{{siteTitle}}</footer>",
        ])
        let html = portal.page("library/training/sales/a/index.html") ?? ""
        #expect(html.contains("<footer class=\"custom\">Test Portal</footer>"))
        #expect(html.contains("<nav aria-label=\"Main navigation\">"))  // the built-in header still renders
    }
}
