import Foundation
import Testing

@testable import FieldbookCore

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
}

@Suite struct UnknownFrontMatterKeyTests {
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

@Suite struct DiagnosticFormatTests {
    let diagnostics = [
        Diagnostic.error(SourceLocation(path: "content/a.md", line: 3, column: 7), "broken link: b.md does not exist"),
        Diagnostic.warning(
            SourceLocation(path: "content/c, d.md", line: 1, column: 1), "100% sure:\nyes",
            notes: [.init(SourceLocation(path: "content/e.md"), "the other")]),
    ]

    @Test func text() {
        #expect(
            DiagnosticFormat.text.render(diagnostics) == """
                content/a.md:3:7: error: broken link: b.md does not exist
                content/c, d.md:1:1: warning: 100% sure:
                yes
                content/e.md:1:1: note: the other

                """)
    }

    @Test func githubAnnotationsEscapeTheirValues() {
        #expect(
            DiagnosticFormat.github.render(diagnostics, pathPrefix: "portal/") == """
                ::error file=portal/content/a.md,line=3,col=7::broken link: b.md does not exist
                ::warning file=portal/content/c%2C d.md,line=1,col=1::100%25 sure:%0Ayes%0Acontent/e.md:1:1: the other

                """)
    }

    @Test func jsonIsAnArrayOfRecords() throws {
        let text = DiagnosticFormat.json.render(diagnostics)
        let records = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(records.count == 2)
        #expect(records[0]["path"] as? String == "content/a.md")
        #expect(records[0]["line"] as? Int == 3)
        #expect(records[0]["column"] as? Int == 7)
        #expect(records[0]["severity"] as? String == "error")
        #expect((records[1]["notes"] as? [[String: Any]])?.first?["message"] as? String == "the other")
    }
}

@Suite struct FeedRendererTests {
    @Test func feedListsUpdatedLessonsAndPlaybooksNewestFirst() throws {
        let portal = renderPortal([
            "fieldbook.json": #"{"title": "T & Co", "baseURL": "https://sales.example.com/portal"}"#,
            "content/training/a/index.md": "{\"updated\": \"2026-01-09\"}\n# Course\n",
            "content/training/a/01-x.md": "{\"updated\": \"2026-01-02\", \"owner\": \"Ann\", \"tags\": [\"crm\"]}\n# X & Y\n\nFirst words.\n",
            "content/training/a/02-y.md": "# Y undated\n",
            "content/playbooks/global/p.md": "{\"updated\": \"2026-01-05\"}\n# P\n",
        ])
        let feed = try #require(portal.page("feed.xml"))
        #expect(feed.contains("<title>T &amp; Co</title>"))
        #expect(feed.contains("<updated>2026-01-05T00:00:00Z</updated>\n  <generator>"))
        let entries = feed.components(separatedBy: "<entry>").dropFirst()
        #expect(entries.count == 2)
        #expect(entries.first?.contains("<link href=\"https://sales.example.com/portal/library/playbooks/global/p/\"/>") == true)
        #expect(entries.last?.contains("<title>X &amp; Y</title>") == true)
        #expect(entries.last?.contains("<author><name>Ann</name></author>") == true)
        #expect(entries.last?.contains("<summary>First words.</summary>") == true)
        #expect(!feed.contains("undated"))
    }

    @Test func relativeBaseURLsStillGiveAbsoluteIds() throws {
        let portal = renderPortal(["content/training/a/01-x.md": "{\"updated\": \"2026-01-02\"}\n# X\n"])
        #expect(try #require(portal.page("feed.xml")).contains("<id>urn:fieldbook:/library/training/a/x/</id>"))
    }
}
