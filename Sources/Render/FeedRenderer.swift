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

    package func render(_ documents: [RenderedDocument]) -> OutputFile {
        let entries = documents.compactMap { document -> (document: RenderedDocument, updated: Day)? in
            guard let updated = document.frontMatter.updated else { return nil }
            switch document.document.kind {
            case .lesson, .playbook: return (document, updated)
            case .courseIntro, .shelfIntro: return nil
            }
        }
        .sorted { ($0.updated, $1.document.path) > ($1.updated, $0.document.path) }.prefix(Self.limit)
        let site = config.baseURL
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(config.locale.rawValue)\">\n"
        xml += "  <title>\(escapeHTML(config.title))</title>\n"
        xml += "  <link href=\"\(escapeAttribute(site))\"/>\n  <link rel=\"self\" href=\"\(escapeAttribute(site + "feed.xml"))\"/>\n"
        xml += "  <id>\(escapeHTML(id(site + "feed.xml")))</id>\n"
        xml += "  <updated>\(entries.first.map { Self.timestamp($0.updated) } ?? "1970-01-01T00:00:00Z")</updated>\n"
        xml += "  <generator>Fieldbook</generator>\n"
        for (document, updated) in entries {
            let url = site + document.document.url
            xml += "  <entry>\n    <title>\(escapeHTML(document.title))</title>\n    <link href=\"\(escapeAttribute(url))\"/>\n"
            xml += "    <id>\(escapeHTML(id(url)))</id>\n    <updated>\(Self.timestamp(updated))</updated>\n"
            if let owner = document.frontMatter.owner { xml += "    <author><name>\(escapeHTML(owner))</name></author>\n" }
            for tag in document.frontMatter.tags { xml += "    <category term=\"\(escapeAttribute(tag))\"/>\n" }
            xml += "    <summary>\(escapeHTML(document.summary))</summary>\n  </entry>\n"
        }
        xml += "</feed>\n"
        return OutputFile(path: "feed.xml", bytes: Array(xml.utf8))
    }

    /// Atom ids must be absolute: the URL itself when `baseURL` is absolute, else a `urn:fieldbook:` name of the path.
    func id(_ url: String) -> String { url.contains("://") ? url : "urn:fieldbook:" + url }

    /// Atom wants a date-time; an `updated` day is its midnight, UTC.
    static func timestamp(_ day: Day) -> String { "\(day)T00:00:00Z" }
}
