import FieldbookModel
import FieldbookRender
import FieldbookSearch

/// What the performance side of a build produced (everything that comes from `content/data/`): kept so that a build
/// whose data, configuration and document metadata are unchanged, such as after editing a lesson's text, does not
/// load and check the data, run the KPI engine, plan the dashboard and scorecards or render the JSON API again. Their
/// files are linked from the previous output instead, like any unchanged page.
package struct CachedPerformance: Sendable, Equatable {
    /// What loading and checking the data reported.
    package var diagnostics: [Diagnostic]
    /// Whether there is a dashboard (data with at least one dated figure).
    package var hasDashboard: Bool
    /// The team's region ids, when there is data: front matter may only name these.
    package var regions: [String]?
    /// Custom KPI ids from `kpis.json`.
    package var metricIDs: [String]
    /// Reps and regions, for the search index.
    package var people: [SearchEntry]
    /// Every page the performance side publishes.
    package var pages: [CachedPage]
    /// The API's files (`api/...`).
    package var files: [String]
    /// The reports the feed lists.
    package var feed: [FeedEntry]

    package init(
        diagnostics: [Diagnostic], hasDashboard: Bool, regions: [String]? = nil, metricIDs: [String], people: [SearchEntry], pages: [CachedPage],
        files: [String], feed: [FeedEntry] = []
    ) {
        self.diagnostics = diagnostics
        self.hasDashboard = hasDashboard
        self.regions = regions
        self.metricIDs = metricIDs
        self.people = people
        self.pages = pages
        self.files = files
        self.feed = feed
    }

    /// The fingerprint of every input of the performance side: the data files, the configuration and the options
    /// that change pages, the templates its pages are rendered with, and of each document what the scorecards read
    /// (path, URL, kind, title, front matter) plus the "recently updated" list the dashboard shows. A document's text
    /// is not part of it. The table is kept per output folder (`BuildCache`): the files it reuses are that folder's,
    /// and a key saved by a build into another folder says nothing of what this one holds.
    package static func key(
        dataFiles: [String: Fingerprint], config: Fingerprint, baseURL: String?, includeDrafts: Bool,
        templates: [String: TemplateSource], library: Library, documents: [RenderedDocument], recent: [DocumentSummaryView],
        keys: Fingerprint? = nil
    ) -> Fingerprint {
        var writer = ByteWriter()
        writer.write(BuildCache.engine.value)
        writer.write(keys?.value ?? 0)  // an encrypted portal's keys: a rotated key seals every file anew
        writer.write(config.value)
        writer.write(templates)
        writer.write(baseURL)
        writer.write(includeDrafts)
        for (name, print) in dataFiles.sorted(by: { $0.key < $1.key }) {
            writer.write(name)
            writer.write(print.value)
        }
        for course in library.courses {
            writer.write(course.id)
            writer.write(course.lessons.map(\.source.path))
        }
        for shelf in library.shelves {
            writer.write(shelf.region)
            writer.write(shelf.playbooks.map(\.source.path))
        }
        for document in documents {
            writer.write(document.path)
            writer.write(document.document.url)
            writer.write(document.document.slug)
            switch document.document.kind {  // not `String(describing:)`: reflection, for every document, on every build
            case .courseIntro(let course): writer.write("courseIntro \(course)")
            case .lesson(let course): writer.write("lesson \(course)")
            case .shelfIntro(let region): writer.write("shelfIntro \(region)")
            case .playbook(let region): writer.write("playbook \(region)")
            }
            writer.write(document.title)
            let front = document.frontMatter
            writer.write(front.title)
            writer.write(front.tags)
            writer.write(front.updated?.description)
            writer.write(front.draft)
            writer.write(front.order.map(String.init))
            writer.write(front.kpis)
            writer.write(front.region)
        }
        recent.fingerprint(into: &writer)
        return Fingerprint(writer.bytes)
    }

    func write(to writer: inout ByteWriter) {
        writer.write(UInt64(diagnostics.count))
        for diagnostic in diagnostics { writer.write(diagnostic) }
        writer.write(hasDashboard)
        writer.write(regions != nil)
        if let regions { writer.write(regions) }
        writer.write(metricIDs)
        writer.write(UInt64(people.count))
        for entry in people {
            writer.write(entry.kind.rawValue)
            writer.write(entry.url)
            writer.write(entry.title)
            writer.write(entry.headings)
            writer.write(entry.tags)
            writer.write(entry.body)
            writer.write(entry.summary)
        }
        writer.write(UInt64(pages.count))
        for page in pages { page.write(to: &writer) }
        writer.write(files)
        writer.write(UInt64(feed.count))
        for entry in feed {
            writer.write(entry.title)
            writer.write(entry.url)
            writer.write(entry.updated.description)
            writer.write(entry.summary)
        }
    }
}

// In an extension, so the compiler still writes the memberwise initializer.
extension CachedPerformance {
    init(reading reader: inout ByteReader) throws(ByteReader.Truncated) {
        diagnostics = try reader.readArray { (reader: inout ByteReader) throws(ByteReader.Truncated) in try reader.readDiagnostic() }
        hasDashboard = try reader.readBool()
        regions = try reader.readBool() ? try reader.readStrings() : nil
        metricIDs = try reader.readStrings()
        people = try reader.readArray { (reader: inout ByteReader) throws(ByteReader.Truncated) in
            guard let kind = SearchEntry.Kind(rawValue: try reader.readString()) else { throw ByteReader.Truncated() }
            return SearchEntry(
                kind: kind, url: try reader.readString(), title: try reader.readString(), headings: try reader.readStrings(),
                tags: try reader.readStrings(), body: try reader.readString(), summary: try reader.readString())
        }
        pages = try reader.readArray { (reader: inout ByteReader) throws(ByteReader.Truncated) in try CachedPage(reading: &reader) }
        files = try reader.readStrings()
        feed = try reader.readArray { (reader: inout ByteReader) throws(ByteReader.Truncated) in
            let (title, url) = (try reader.readString(), try reader.readString())
            guard let updated = Day(try reader.readString()) else { throw ByteReader.Truncated() }
            return FeedEntry(title: title, url: url, updated: updated, summary: try reader.readString())
        }
    }
}
