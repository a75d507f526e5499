import Testing

@testable import FieldbookIncremental
@testable import FieldbookLoad
@testable import FieldbookModel
@testable import FieldbookRender

@Suite struct LibraryBuilderTests {
    private func document(_ path: String, order: Int? = nil, draft: Bool = false) -> SourceDocument {
        var front = FrontMatter()
        front.order = order
        front.draft = draft
        return SourceDocument(path: path, frontMatter: front, markdown: "")
    }

    @Test func ordersLessonsByFrontMatterThenNumericPrefixThenName() {
        let (library, diagnostics) = LibraryBuilder().build([
            document("content/training/sales/zeta.md"),
            document("content/training/sales/10-ten.md"),
            document("content/training/sales/2-two.md"),
            document("content/training/sales/alpha.md", order: 5),
            document("content/training/sales/index.md"),
            document("content/training/sales/skip.md", draft: true),
        ])
        #expect(diagnostics == [])
        let course = library.courses[0]
        #expect(course.intro?.url == "library/training/sales/")
        #expect(course.lessons.map(\.slug) == ["two", "alpha", "ten", "zeta"])
        #expect(
            course.lessons.map(\.url) == [
                "library/training/sales/two/", "library/training/sales/alpha/", "library/training/sales/ten/", "library/training/sales/zeta/",
            ])
    }

    @Test func draftsAreIncludedOnRequest() {
        let (library, _) = LibraryBuilder(includeDrafts: true).build([document("content/training/sales/skip.md", draft: true)])
        #expect(library.courses[0].lessons.map(\.slug) == ["skip"])
    }

    @Test func globalShelfComesFirst() {
        let (library, _) = LibraryBuilder().build([
            document("content/playbooks/emea/a.md"), document("content/playbooks/apac/b.md"), document("content/playbooks/global/c.md"),
        ])
        #expect(library.shelves.map(\.region) == ["global", "apac", "emea"])
    }

    @Test func reportsFilesThatCannotBePlaced() {
        let (_, diagnostics) = LibraryBuilder().build([
            document("content/notes.md"),
            document("content/training/Sales Team/a.md"),
            document("content/training/sales/01-intro.md"),
            document("content/training/sales/intro.md"),
            document("content/training/sales/Big Name.md"),
        ])
        #expect(
            diagnostics.map(\.description) == [
                "content/notes.md:1:1: warning: not part of the library: Markdown belongs in content/training/<course>/ or content/playbooks/<region>/",
                "content/training/Sales Team/a.md:1:1: error: folder name \"Sales Team\" is not a valid id: use lower-case letters, digits, '-' and '_'",
                "content/training/sales/intro.md:1:1: error: two documents would be published at /library/training/sales/intro/\ncontent/training/sales/01-intro.md:1:1: note: the other document",
                "content/training/sales/Big Name.md:1:1: error: file name \"Big Name.md\" cannot become a URL: use letters, digits, '-' and '_'",
            ])
    }

    @Test func chineseFileNamesAreFine() {
        let (library, diagnostics) = LibraryBuilder().build([document("content/playbooks/apac/客户拜访.md")])
        #expect(diagnostics == [])
        #expect(library.shelves[0].playbooks[0].url == "library/playbooks/apac/客户拜访/")
    }
}
