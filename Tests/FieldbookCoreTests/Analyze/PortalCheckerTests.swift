import FieldbookTestSupport
import Foundation
import Testing

@testable import FieldbookLoad
@testable import FieldbookModel
@testable import FieldbookRender

@Suite struct PortalCheckerTests {
    @Test func crossDocumentChecksHaveTheirMessageAndPosition() {
        let portal = renderPortal([
            "fieldbook.json": #"{"title": "T", "tags": {"allowed": ["crm", "Discovery"]}}"#,
            "content/training/a/01-x.md":
                "{\"title\": \"Pricing\", \"tags\": [\"CRM\", \"misc\"],\n \"region\": \"mars\", \"kpis\": [\"revenue\", \"happiness\"]}\n[p](../../playbooks/emea/linked.md)\n",
            "content/playbooks/emea/linked.md": "{\"title\": \"pricing\"}\nText\n",
            "content/playbooks/emea/lonely.md": "# Lonely\n",
        ])
        #expect(
            portal.messages == [
                "content/playbooks/emea/linked.md:1:2: warning: another document has the title \"pricing\"\ncontent/training/a/01-x.md:1:1: note: the other document",
                #"content/training/a/01-x.md:1:22: warning: tag "misc" is not in fieldbook.json tags.allowed"#,
                #"content/training/a/01-x.md:2:2: error: unknown region "mars" (known: emea)"#,
                #"content/training/a/01-x.md:2:20: error: unknown KPI "happiness""#,
            ])
    }

    /// 5,000 documents with a `topic` key are one finding: each unknown key is said once, at its first document,
    /// with how many documents have it; a near miss of a known key is named as the typo; templates read the values.
    @Test func eachUnknownKeyIsSaidOnceForThePortal() {
        var files = ["fieldbook.json": #"{"title": "T"}"#]
        for n in 1...5 { files["content/training/a/0\(n)-x\(n).md"] = "{\"topic\": \"t\(n)\"}\n# Lesson \(n)\n" }
        files["content/training/a/06-y.md"] = "{\"titel\": \"Typo\", \"params\": {\"level\": \"basic\"}}\n# Y\n"
        files["templates/partials/doc-meta.mustache"] = "<p class=\"meta\">{{params.topic}}|{{params.level}}</p>"
        let portal = renderPortal(files)
        #expect(
            portal.messages == [
                #"content/training/a/01-x1.md:1:2: warning: front matter key "topic" is not one of Fieldbook's (5 documents: content/training/a/01-x1.md, content/training/a/02-x2.md, content/training/a/03-x3.md and 2 more); templates read it as {{params.topic}}; custom keys belong in "params": {"topic": …}"#,
                #"content/training/a/06-y.md:1:2: warning: front matter key "titel" is not one of Fieldbook's; did you mean "title"?"#,
            ])
        #expect(portal.page("library/training/a/x1/index.html")?.contains(#"<p class="meta">t1|</p>"#) == true)
        #expect(portal.page("library/training/a/y/index.html")?.contains(#"<p class="meta">|basic</p>"#) == true)
    }
}
