import FieldbookModel
import FieldbookRender

/// What the library side's plan was, kept so that an edit plans only the pages it reaches.
///
/// A library page shows one document's own text and front matter at most (its `source`: a lesson, a playbook, a
/// course's or shelf's introduction); everything else on it comes from the library's outline: the theme, the site,
/// which documents there are and where, and each one's title, summary, date and tags, the parts lists, neighbours and
/// tag pages read. When the outline's key (`key`) is the previous build's, a page can only have changed if its
/// source did: those pages are planned, the others linked from the previous output without being planned,
/// fingerprinted or rendered. Any other change (a title, a new document, a template) plans everything, as before.
package struct CachedLibrary: Sendable, Equatable {
    /// Every page the library side published, with its source and its sitemap line.
    package var pages: [CachedPage]
    /// Each document's own key (its Markdown stage key: its file and where its links point), by path.
    package var documents: [String: Fingerprint]

    package init(pages: [CachedPage], documents: [String: Fingerprint]) {
        self.pages = pages
        self.documents = documents
    }

    /// The outline: everything a library page reads but its source's own text and front matter. `shared` is the
    /// page renderer's (templates and site). The table is kept per output folder (`BuildCache`): the pages it keeps
    /// are that folder's.
    package static func key(shared: Fingerprint, dashboardAtHome: Bool, library: Library, documents: [RenderedDocument]) -> Fingerprint {
        var writer = ByteWriter(capacity: 64 * documents.count + 256)
        writer.write(BuildCache.engine.value)
        writer.write(shared.value)
        writer.write(dashboardAtHome)
        for course in library.courses {
            writer.write(course.id)
            writer.write(course.url)
            writer.write(course.intro?.source.path)
            writer.write(course.lessons.map(\.source.path))
        }
        for shelf in library.shelves {
            writer.write(shelf.region)
            writer.write(shelf.url)
            writer.write(shelf.intro?.source.path)
            writer.write(shelf.playbooks.map(\.source.path))
        }
        for document in documents {
            writer.write(document.path)
            writer.write(document.document.url)
            writer.write(document.title)
            writer.write(document.summary)
            let front = document.frontMatter
            writer.write(front.updated?.description)
            writer.write(front.tags)
            writer.write(front.order.map(String.init))
            writer.write(front.draft)
        }
        return Fingerprint(writer.bytes)
    }

    func write(to writer: inout ByteWriter) {
        writer.write(UInt64(pages.count))
        for page in pages { page.write(to: &writer) }
        writer.write(UInt64(documents.count))
        for (path, key) in documents.sorted(by: { $0.key < $1.key }) {
            writer.write(path)
            writer.write(key.value)
        }
    }

    init(reading reader: inout ByteReader) throws(ByteReader.Truncated) {
        pages = try reader.readArray { (reader: inout ByteReader) throws(ByteReader.Truncated) in try CachedPage(reading: &reader) }
        let count = try reader.readCount()
        documents = Dictionary(minimumCapacity: count)
        for _ in 0..<count {
            let path = try reader.readString()
            documents[path] = Fingerprint(try reader.readUInt64())
        }
    }
}

/// A published page, as much of it as the sitemap and the writer need to keep it without planning it.
package struct CachedPage: Sendable, Equatable {
    package var outputPath: String
    package var sitemap: SitemapEntry?
    /// The document whose own text the page shows (`Page.source`).
    package var source: String?

    package init(outputPath: String, sitemap: SitemapEntry? = nil, source: String? = nil) {
        self.outputPath = outputPath
        self.sitemap = sitemap
        self.source = source
    }

    package init(_ page: Page) {
        self.init(outputPath: page.outputPath, sitemap: page.sitemapEntry, source: page.source)
    }

    func write(to writer: inout ByteWriter) {
        writer.write(outputPath)
        writer.write(sitemap != nil)
        if let sitemap {
            writer.write(sitemap.url)
            writer.write(sitemap.lastModified)
        }
        writer.write(source)
    }

    init(reading reader: inout ByteReader) throws(ByteReader.Truncated) {
        outputPath = try reader.readString()
        sitemap = try reader.readBool() ? SitemapEntry(url: try reader.readString(), lastModified: try reader.readOptionalString()) : nil
        source = try reader.readOptionalString()
    }
}
