import FieldbookModel

/// What scorecards look up in the library, worked out once for all of them: with 10,000 documents and 5,000 reps,
/// scanning every document for every rep was most of a build.
struct LessonLookup {
    let documents: [RenderedDocument]
    /// Courses with lessons, in library order, and their titles (the intro's title, else from the folder name).
    let courses: [Course]
    let courseTitles: [String]
    /// Positions in `documents` of the lessons whose front matter names each KPI, in order.
    let byKPI: [String: [Int]]
    /// Each document's `<course>/<slug>` (as training records name lessons); empty for other documents.
    let lessonIDs: [String]
    /// The position in `courses` of the course of each lesson, by `<course>/<slug>`.
    let courseOfLesson: [String: Int]
    /// Each region's playbook links (its shelf's and the global shelf's), and the global ones for any other region.
    private let playbooksByRegion: [String: [LinkView]]
    private let globalPlaybooks: [LinkView]

    init(library: Library, documents: [RenderedDocument], site: SiteView) {
        self.documents = documents
        let titles = Dictionary(documents.map { ($0.path, $0.title) }, uniquingKeysWith: { first, _ in first })
        courses = library.courses.filter { !$0.lessons.isEmpty }
        courseTitles = courses.map { course in course.intro.flatMap { titles[$0.source.path] } ?? Slug.humanized(course.id) }
        var byKPI: [String: [Int]] = [:]
        var lessonIDs: [String] = []
        for (index, document) in documents.enumerated() {
            guard case .lesson(let course) = document.document.kind else {
                lessonIDs.append("")
                continue
            }
            lessonIDs.append("\(course)/\(document.document.slug)")
            for kpi in Set(document.frontMatter.kpis) { byKPI[kpi, default: []].append(index) }
        }
        self.byKPI = byKPI
        self.lessonIDs = lessonIDs
        var courseOfLesson: [String: Int] = [:]
        for (index, course) in courses.enumerated() {
            for lesson in course.lessons { courseOfLesson["\(course.id)/\(lesson.slug)"] = index }
        }
        self.courseOfLesson = courseOfLesson
        func links(_ shelves: [PlaybookShelf]) -> [LinkView] {
            shelves.flatMap { shelf in shelf.playbooks.map { LinkView(title: titles[$0.source.path] ?? $0.fileTitle, url: site.url($0.url)) } }
        }
        globalPlaybooks = links(library.shelves.filter { $0.region == PlaybookShelf.globalRegion })
        var byRegion: [String: [LinkView]] = [:]
        for region in Set(library.shelves.map(\.region)) where region != PlaybookShelf.globalRegion {
            byRegion[region] = links(library.shelves.filter { $0.region == region || $0.region == PlaybookShelf.globalRegion })
        }
        playbooksByRegion = byRegion
    }

    /// The playbooks of a region's shelf and the global one, in shelf order.
    func playbooks(for region: String) -> [LinkView] { playbooksByRegion[region] ?? globalPlaybooks }
}
