/// Arranges source documents into courses and playbook shelves and gives each its URL.
///
/// `content/training/<course>/*.md` are lessons ordered by front matter `order`, else by a numeric file-name prefix
/// (`02-discovery.md`), with unnumbered lessons last by file name. `content/playbooks/<region>/*.md` are playbooks
/// ordered by title later, at render time. `index.md` in either kind of folder introduces it.
package struct LibraryBuilder {
    package var includeDrafts: Bool

    package init(includeDrafts: Bool = false) {
        self.includeDrafts = includeDrafts
    }

    package func build(_ documents: [SourceDocument]) -> (Library, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var courses: [String: Course] = [:]
        var shelves: [String: PlaybookShelf] = [:]
        var urls: [String: String] = [:]

        for source in documents where includeDrafts || !source.frontMatter.draft {
            let place: Place
            switch Self.place(of: source) {
            case .success(let found): place = found
            case .failure(let problem):
                diagnostics.append(problem.diagnostic)
                continue
            }
            let (folder, slug, isIndex) = (place.folder, place.slug, place.isIndex)
            let folderURL = "library/\(place.section)/\(folder)/"
            let url = isIndex ? folderURL : folderURL + slug + "/"
            if let other = urls[url] {
                diagnostics.append(
                    .error(
                        SourceLocation(path: source.path), "two documents would be published at /\(url)",
                        notes: [.init(SourceLocation(path: other), "the other document")]))
                continue
            }
            urls[url] = source.path
            let kind: DocumentKind =
                place.section == "training"
                ? (isIndex ? .courseIntro(course: folder) : .lesson(course: folder))
                : (isIndex ? .shelfIntro(region: folder) : .playbook(region: folder))
            let document = LibraryDocument(
                source: source, kind: kind, slug: isIndex ? folder : slug, url: url,
                order: source.frontMatter.order ?? place.prefix, fileTitle: Slug.humanized(isIndex ? folder : slug))
            switch kind {
            case .courseIntro(let course): courses[course, default: Course(id: course, url: folderURL, lessons: [])].intro = document
            case .lesson(let course): courses[course, default: Course(id: course, url: folderURL, lessons: [])].lessons.append(document)
            case .shelfIntro(let region): shelves[region, default: PlaybookShelf(region: region, url: folderURL, playbooks: [])].intro = document
            case .playbook(let region):
                shelves[region, default: PlaybookShelf(region: region, url: folderURL, playbooks: [])].playbooks.append(document)
            }
        }
        return (Library(courses: Self.ordered(courses), shelves: Self.ordered(shelves)), diagnostics)
    }

    /// Where a document sits in the library, read from its path.
    private struct Place {
        /// `training` or `playbooks`.
        var section: String
        /// The course or region.
        var folder: String
        var slug: String
        /// The file-name prefix that orders a lesson without an `order`.
        var prefix: Int?
        var isIndex: Bool
    }

    /// Why a document has no place in the library.
    private struct Misplaced: Error { var diagnostic: Diagnostic }

    /// The place a path names, or why it names none: outside the two sections, or a folder or file name that cannot
    /// become a URL.
    private static func place(of source: SourceDocument) -> Result<Place, Misplaced> {
        let parts = source.path.split(separator: "/").map(String.init)
        guard parts.count == 4, parts[0] == "content", parts[1] == "training" || parts[1] == "playbooks" else {
            return .failure(
                Misplaced(
                    diagnostic: .warning(
                        SourceLocation(path: source.path),
                        "not part of the library: Markdown belongs in content/training/<course>/ or content/playbooks/<region>/")))
        }
        let folder = parts[2]
        let fileName = String(parts[3].dropLast(".md".count))
        guard Slug.isValid(folder) else {
            return .failure(
                Misplaced(
                    diagnostic: .error(
                        SourceLocation(path: source.path), "folder name \"\(folder)\" is not a valid id: use lower-case letters, digits, '-' and '_'")
                ))
        }
        let (prefix, slug) = Slug.splitNumericPrefix(fileName)
        guard Slug.isValidPageName(slug) else {
            return .failure(
                Misplaced(
                    diagnostic: .error(
                        SourceLocation(path: source.path), "file name \"\(parts[3])\" cannot become a URL: use letters, digits, '-' and '_'")))
        }
        let section = parts[1] == "training" ? "training" : "playbooks"
        return .success(Place(section: section, folder: folder, slug: slug, prefix: prefix, isIndex: fileName == "index"))
    }

    /// Courses by their introduction's `order`, then id; each course's lessons by `order`, then path.
    private static func ordered(_ courses: [String: Course]) -> [Course] {
        courses.values.sorted { ($0.intro?.order ?? Int.max, $0.id) < ($1.intro?.order ?? Int.max, $1.id) }.map { course in
            var course = course
            course.lessons.sort { ($0.order ?? Int.max, $0.source.path) < ($1.order ?? Int.max, $1.source.path) }
            return course
        }
    }

    /// The global shelf first, then the others by region; each shelf's playbooks by `order`, then path.
    private static func ordered(_ shelves: [String: PlaybookShelf]) -> [PlaybookShelf] {
        shelves.values.sorted { a, b in
            (a.region == PlaybookShelf.globalRegion ? 0 : 1, a.region) < (b.region == PlaybookShelf.globalRegion ? 0 : 1, b.region)
        }.map { shelf in
            var shelf = shelf
            shelf.playbooks.sort { ($0.order ?? Int.max, $0.source.path) < ($1.order ?? Int.max, $1.source.path) }
            return shelf
        }
    }
}
