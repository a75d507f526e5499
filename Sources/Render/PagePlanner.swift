import FieldbookModel
import Foundation

/// Decides every page of the library side of the portal and fills its view model.
///
/// Pages: `/` (library overview until the dashboard lands), `/library/`, `/library/playbooks/`, one page per course,
/// lesson, shelf and playbook, `/tags/` and `/tags/<tag>/`, and `404.html`. All lists are sorted, so the same
/// input gives the same pages.
package struct PagePlanner: Sendable {
    package let site: SiteView

    package init(site: SiteView) {
        self.site = site
    }

    private var labels: Labels { site.labels }

    /// Documents with an `updated` date, newest first; on the same day by title and path, so order never depends on input.
    package func recentlyUpdated(_ documents: [RenderedDocument]) -> [DocumentSummaryView] {
        func precedes(_ a: RenderedDocument, _ b: RenderedDocument) -> Bool {
            // Only documents with an `updated` date are compared.
            (a.frontMatter.updated?.ordinal ?? 0, b.title, b.path) > (b.frontMatter.updated?.ordinal ?? 0, a.title, a.path)
        }
        // The first ten in that order, kept sorted as each document is seen once: sorting ten thousand to keep ten
        // was a tenth of a one-file rebuild.
        var newest: [RenderedDocument] = []
        for document in documents where document.frontMatter.updated != nil {
            guard newest.count < Self.recentCount || precedes(document, newest[newest.count - 1]) else { continue }
            newest.insert(document, at: newest.firstIndex { precedes(document, $0) } ?? newest.count)
            if newest.count > Self.recentCount { newest.removeLast() }
        }
        return newest.map { summary($0, number: 0) }
    }

    /// How many recently updated documents the library overview lists.
    static let recentCount = 10

    /// The library's pages; `dashboardAtHome` leaves `/` to the performance dashboard. With `only`, just the pages
    /// whose `source` is one of those documents (an edit's, when nothing other pages read has changed).
    package func pages(for library: Library, documents: [RenderedDocument], dashboardAtHome: Bool = false, only: Set<String>? = nil) -> [Page] {
        let byPath = Dictionary(uniqueKeysWithValues: documents.map { ($0.path, $0) })
        let rendered = { (document: LibraryDocument) -> RenderedDocument in
            guard let rendered = byPath[document.source.path] else { preconditionFailure("the Markdown stage renders every library document") }
            return rendered
        }
        let tags = TagIndex(documents)
        let courses = coursePages(library.courses, rendered, tags: tags, only: only)
        let shelves = shelfPages(library.shelves, rendered, tags: tags, only: only)
        if let only { return (courses.pages + shelves.pages).filter { $0.source.map(only.contains) ?? false } }
        let overview = LibraryPageView(title: labels["library"], courses: courses.cards, shelves: shelves.cards, recent: recentlyUpdated(documents))
        var pages = courses.pages + shelves.pages
        if !dashboardAtHome {
            pages.append(page("", "home", title: site.config.title, description: site.config.title, crumbs: [], view: overview))
        }
        pages.append(page("library/", "library", title: labels["library"], description: labels["library"], crumbs: [home], view: overview))
        pages.append(
            page(
                "library/playbooks/", "playbooks", title: labels["playbooks"], description: labels["playbooks"], crumbs: [home, libraryLink],
                view: ListingPageView(title: labels["playbooks"], documents: [], groups: shelves.cards, tags: [])))
        pages += tagPages(tags)
        pages.append(
            page(
                "search/", "search", title: labels["search"], description: labels["search"], crumbs: [home],
                view: ListingPageView(title: labels["search"], documents: [], groups: [], tags: [])))
        var notFound = page("", "404", title: labels["notFoundTitle"], description: labels["notFoundTitle"], crumbs: [], view: overview)
        notFound.outputPath = "404.html"
        pages.append(notFound)
        return pages
    }

    private var home: LinkView { LinkView(title: labels["home"], url: site.url("")) }
    private var libraryLink: LinkView { LinkView(title: labels["library"], url: site.url("library/")) }
    private var playbooksLink: LinkView { LinkView(title: labels["playbooks"], url: site.url("library/playbooks/")) }

    /// Each course's page and its lessons' pages (with previous and next), and the course's card for the overview.
    private func coursePages(
        _ courses: [Course], _ rendered: (LibraryDocument) -> RenderedDocument, tags: TagIndex, only: Set<String>?
    ) -> (cards: [CollectionCardView], pages: [Page]) {
        var (cards, pages): ([CollectionCardView], [Page]) = ([], [])
        for course in courses {
            let lessons = course.lessons.map(rendered)
            let intro = course.intro.map(rendered)
            let (card, coursePage, courseLink) = collection(
                course.url, template: "course", title: intro?.title ?? Slug.humanized(course.id), intro: intro, documents: lessons,
                countNoun: "lessons", crumbs: [home, libraryLink], linksFirstDocument: true, only: only)
            cards += card.map { [$0] } ?? []
            pages += coursePage.map { [$0] } ?? []
            for (index, lesson) in lessons.enumerated() where only?.contains(lesson.path) ?? true {
                let previous = index > 0 ? lessons[index - 1] : nil
                let next = index + 1 < lessons.count ? lessons[index + 1] : nil
                pages.append(
                    documentPage(
                        lesson, template: "lesson", kind: labels["lesson"], parent: courseLink, crumbs: [home, libraryLink, courseLink],
                        previous: previous, next: next, position: labels.lessonPosition(index + 1, of: lessons.count), tags: tags))
            }
        }
        return (cards, pages)
    }

    /// Each playbook shelf's page and its playbooks' pages (by `order`, title, path), and the shelf's card.
    private func shelfPages(
        _ shelves: [PlaybookShelf], _ rendered: (LibraryDocument) -> RenderedDocument, tags: TagIndex, only: Set<String>?
    ) -> (cards: [CollectionCardView], pages: [Page]) {
        var (cards, pages): ([CollectionCardView], [Page]) = ([], [])
        for shelf in shelves {
            let playbooks = shelf.playbooks.map(rendered).sorted {
                ($0.document.order ?? Int.max, $0.title, $0.path) < ($1.document.order ?? Int.max, $1.title, $1.path)
            }
            let intro = shelf.intro.map(rendered)
            let (card, shelfPage, shelfLink) = collection(
                shelf.url, template: "shelf", title: intro?.title ?? regionName(shelf.region), intro: intro, documents: playbooks,
                countNoun: "playbookCount", crumbs: [home, libraryLink, playbooksLink], linksFirstDocument: false, only: only)
            cards += card.map { [$0] } ?? []
            pages += shelfPage.map { [$0] } ?? []
            for playbook in playbooks where only?.contains(playbook.path) ?? true {
                pages.append(
                    documentPage(
                        playbook, template: "playbook", kind: labels["playbook"], parent: shelfLink,
                        crumbs: [home, libraryLink, playbooksLink, shelfLink], previous: nil, next: nil, position: nil, tags: tags))
            }
        }
        return (cards, pages)
    }

    /// The tags page and one page per tag, listing its documents by title.
    private func tagPages(_ tags: TagIndex) -> [Page] {
        let tagLinks = tags.entries.map { TagLinkView(name: $0.name, url: site.url($0.url), count: $0.documents.count) }
        let tagsLink = LinkView(title: labels["tags"], url: site.url("tags/"))
        return [
            page(
                "tags/", "tags", title: labels["tags"], description: labels["tags"], crumbs: [home],
                view: ListingPageView(title: labels["tags"], documents: [], groups: [], tags: tagLinks))
        ]
            + tags.entries.map { entry in
                let listed = entry.documents.sorted { ($0.title, $0.path) < ($1.title, $1.path) }.map { summary($0, number: 0) }
                return page(
                    entry.url, "tag", title: "\(labels["documentsTagged"]): \(entry.name)", description: entry.name, crumbs: [home, tagsLink],
                    view: ListingPageView(title: entry.name, documents: listed, groups: [], tags: []))
            }
    }

    /// Region names until the team data names them: the shelf's own title, `global` as "All regions", short ids in capitals.
    func regionName(_ region: String) -> String {
        if region == PlaybookShelf.globalRegion { return labels["allRegions"] }
        return region.count <= 4 ? region.uppercased() : Slug.humanized(region)
    }

    private func page(_ url: String, _ template: String, title: String, description: String, crumbs: [LinkView], view: any TemplateView) -> Page {
        Page(
            outputPath: url + "index.html", template: template,
            meta: PageMeta(title: title, description: description, url: site.url(url), breadcrumbs: crumbs), view: view)
    }

    /// A course or a shelf: its card for the overview pages, its own page, and the link its documents point back to.
    /// With `only` (see `pages`), just the link unless its introduction is one of those documents.
    private func collection(
        _ url: String, template: String, title: String, intro: RenderedDocument?, documents: [RenderedDocument], countNoun: String,
        crumbs: [LinkView], linksFirstDocument: Bool, only: Set<String>?
    ) -> (CollectionCardView?, Page?, LinkView) {
        let link = LinkView(title: title, url: site.url(url))
        if let only, !(intro.map { only.contains($0.path) } ?? false) { return (nil, nil, link) }
        let summaries = documents.enumerated().map { summary($1, number: $0 + 1) }
        let card = CollectionCardView(
            title: title, url: link.url, summary: intro?.summary ?? "", count: labels.count(documents.count, countNoun), documents: summaries)
        let start = linksFirstDocument ? documents.first.map { LinkView(title: $0.title, url: site.url($0.document.url)) } : nil
        let view = CollectionPageView(title: title, html: intro?.markdown.html ?? "", toc: toc(intro), documents: summaries, start: start)
        var collectionPage = page(url, template, title: title, description: intro?.summary ?? title, crumbs: crumbs, view: view)
        collectionPage.source = intro?.path
        return (card, collectionPage, link)
    }

    private func documentPage(
        _ document: RenderedDocument, template: String, kind: String, parent: LinkView, crumbs: [LinkView],
        previous: RenderedDocument?, next: RenderedDocument?, position: String?, tags: TagIndex
    ) -> Page {
        let front = document.frontMatter
        let view = DocumentPageView(
            title: document.title, html: document.markdown.html, toc: toc(document),
            tags: front.tags.compactMap { tags.entry(for: $0) }.map { TagLinkView(name: $0.name, url: site.url($0.url), count: $0.documents.count) },
            updated: front.updated?.description, updatedText: front.updated.map(site.format.date), owner: front.owner, kindLabel: kind,
            parent: parent,
            previous: previous.map { LinkView(title: $0.title, url: site.url($0.document.url)) },
            next: next.map { LinkView(title: $0.title, url: site.url($0.document.url)) }, position: position, isDraft: front.draft,
            params: ParamsView(values: front.params))
        var documentPage = page(document.document.url, template, title: document.title, description: document.summary, crumbs: crumbs, view: view)
        documentPage.source = document.path
        return documentPage
    }

    private func summary(_ document: RenderedDocument, number: Int) -> DocumentSummaryView {
        let kind: String =
            switch document.document.kind {
            case .lesson: labels["lesson"]
            case .courseIntro: labels["course"]
            case .playbook: labels["playbook"]
            case .shelfIntro: labels["playbooks"]
            }
        return DocumentSummaryView(
            title: document.title, url: site.url(document.document.url), summary: document.summary,
            updated: document.frontMatter.updated?.description, updatedText: document.frontMatter.updated.map(site.format.date), kindLabel: kind,
            number: number)
    }

    private func toc(_ document: RenderedDocument?) -> [TocEntryView] {
        TocEntryView.entries(document?.markdown.headings ?? [])
    }
}

/// Documents grouped by tag; tags that differ only in case or spacing share one page.
struct TagIndex {
    struct Entry {
        var name: String
        var url: String
        var documents: [RenderedDocument]
    }

    let entries: [Entry]
    private let bySlug: [String: Int]

    init(_ documents: [RenderedDocument]) {
        var grouped: [String: Entry] = [:]
        for document in documents {
            for tag in Set(document.frontMatter.tags.map(\.trimmingWhitespace)) {
                let slug = Slug.tag(tag)
                // Mutate in place: copying the entry out and back would copy its document list on every append.
                grouped[slug, default: Entry(name: tag, url: "tags/\(slug)/", documents: [])].documents.append(document)
                grouped[slug, default: Entry(name: tag, url: "", documents: [])].name.keepSmaller(tag)
            }
        }
        entries = grouped.sorted { $0.key < $1.key }.map(\.value)
        bySlug = Dictionary(uniqueKeysWithValues: entries.enumerated().map { (Slug.tag($1.name), $0) })
    }

    func entry(for tag: String) -> Entry? { bySlug[Slug.tag(tag)].map { entries[$0] } }
}

extension String {
    /// Keeps the smaller of this and `other`, so a tag spelled two ways is always named the same way.
    fileprivate mutating func keepSmaller(_ other: String) { if other < self { self = other } }
}
