import Testing

@testable import FieldbookIncremental
@testable import FieldbookLoad
@testable import FieldbookModel
@testable import FieldbookRender

@Suite struct PagePlannerTests {
    /// The ten most recently updated documents are picked in one pass; the reference sorts them all. Few dates and
    /// titles, so ties on the date and on the title both decide.
    @Test func recentlyUpdatedIsTheFirstTenOfTheFullOrder() {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<50 {
            let count = round % 25
            let sources = (0..<count).compactMap { index -> SourceDocument? in
                let updated = Bool.random(using: &generator) ? #", "updated": "2024-05-0\#(Int.random(in: 1...3, using: &generator))""# : ""
                let title = ["Alpha", "Beta", "Gamma"].randomElement(using: &generator)!
                let text = #"{"title": "\#(title)"\#(updated)}"# + "\nText.\n"
                return DocumentParser.parse(Array(text.utf8), path: "content/playbooks/north/p\(index).md").0
            }
            let documents = LibraryBuilder().build(sources).0.documents.shuffled(using: &generator).map { document in
                RenderedDocument(
                    document: document, markdown: RenderedMarkdown(html: "", firstTitle: nil, headings: [], links: [], plainText: ""),
                    title: document.source.frontMatter.title!, summary: "")
            }
            let reference = documents.filter { $0.frontMatter.updated != nil }
                .sorted { ($0.frontMatter.updated!, $1.title, $1.path) > ($1.frontMatter.updated!, $0.title, $0.path) }
                .prefix(10).map(\.document.url)
            let planner = PagePlanner(site: SiteView(config: SiteConfig(title: "T")))
            #expect(planner.recentlyUpdated(documents).map(\.url) == reference.map { planner.site.url($0) })
        }
    }
}
