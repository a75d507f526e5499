import FieldbookTestSupport
import Foundation
import Testing

@testable import FieldbookLoad
@testable import FieldbookRender

@Suite struct DraftLinkTests {
    @Test func aLinkToADraftIsAWarningAndToAStrayFileAnError() {
        let portal = renderPortal([
            "content/training/a/01-x.md": "[draft](02-y.md) [stray](../../notes.md)\n",
            "content/training/a/02-y.md": "{\"draft\": true}\n# Y\n",
            "content/notes.md": "# Notes\n",
        ])
        #expect(
            portal.messages == [
                "content/notes.md:1:1: warning: not part of the library: Markdown belongs in content/training/<course>/ or content/playbooks/<region>/",
                "content/training/a/01-x.md:1:1: warning: link to content/training/a/02-y.md, a draft that is not published",
                "content/training/a/01-x.md:1:18: error: broken link: content/notes.md is not published (it is not in a course or shelf)",
            ])
    }
}
