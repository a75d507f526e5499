import FieldbookModel

/// `feed.xml`: an Atom feed of lessons and playbooks by their `updated` date, newest first, so reps can follow
/// changes in a feed reader or a chat tool. Documents without `updated` are left out: the feed never invents dates.
package struct FeedRenderer: Sendable {
    package let config: SiteConfig
    /// How many entries the feed keeps.
    package static let limit = 50

    package init(config: SiteConfig) {
        self.config = config
    }

    /// The feed of `documents` and `reports` (the performance side's entries: each period's report).
    package func render(_ documents: [RenderedDocument], reports: [FeedEntry] = []) -> OutputFile {
        let documents = documents.compactMap { document -> FeedEntry? in
            guard let updated = document.frontMatter.updated else { return nil }
            switch document.document.kind {
            case .lesson, .playbook:
                return FeedEntry(
                    title: document.title, url: document.document.url, updated: updated, summary: document.summary,
                    author: document.frontMatter.owner,
                    tags: document.frontMatter.tags)
            case .courseIntro, .shelfIntro: return nil
            }
        }
        let entries = (documents + reports).sorted { ($0.updated, $1.url) > ($1.updated, $0.url) }.prefix(Self.limit)
        let site = config.baseURL
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(config.locale.rawValue)\">\n"
        xml += "  <title>\(escapeHTML(config.title))</title>\n"
        xml += "  <link href=\"\(escapeAttribute(site))\"/>\n  <link rel=\"self\" href=\"\(escapeAttribute(site + "feed.xml"))\"/>\n"
        xml += "  <id>\(escapeHTML(id(site + "feed.xml")))</id>\n"
        xml += "  <updated>\(entries.first.map { Self.timestamp($0.updated) } ?? "1970-01-01T00:00:00Z")</updated>\n"
        xml += "  <generator>Fieldbook</generator>\n"
        for entry in entries {
            let url = site + entry.url
            xml += "  <entry>\n    <title>\(escapeHTML(entry.title))</title>\n    <link href=\"\(escapeAttribute(url))\"/>\n"
            xml += "    <id>\(escapeHTML(id(url)))</id>\n    <updated>\(Self.timestamp(entry.updated))</updated>\n"
            if let author = entry.author { xml += "    <author><name>\(escapeHTML(author))</name></author>\n" }
            for tag in entry.tags { xml += "    <category term=\"\(escapeAttribute(tag))\"/>\n" }
            xml += "    <summary>\(escapeHTML(entry.summary))</summary>\n  </entry>\n"
        }
        xml += "</feed>\n"
        return OutputFile(path: "feed.xml", bytes: Array(xml.utf8))
    }

    /// Atom ids must be absolute: the URL itself when `baseURL` is absolute, else a `urn:fieldbook:` name of the path.
    func id(_ url: String) -> String { url.contains("://") ? url : "urn:fieldbook:" + url }

    /// Atom wants a date-time; an `updated` day is its midnight, UTC.
    static func timestamp(_ day: Day) -> String { "\(day)T00:00:00Z" }
}

/// An entry of the feed: a lesson or playbook, or a period's report. `url` is relative to the portal's base URL.
package struct FeedEntry: Sendable, Equatable {
    package var title: String
    package var url: String
    package var updated: Day
    package var summary: String
    package var author: String? = nil
    package var tags: [String] = []

    package init(title: String, url: String, updated: Day, summary: String, author: String? = nil, tags: [String] = []) {
        (self.title, self.url, self.updated, self.summary, self.author, self.tags) = (title, url, updated, summary, author, tags)
    }
}
