import FieldbookTestSupport
import Foundation
import Testing

@testable import FieldbookModel
@testable import FieldbookRender

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
