/// Arranges source documents into courses and playbook shelves and gives each its URL.
///
/// `content/training/<course>/*.md` are lessons ordered by front matter `order`, else by a numeric file-name prefix
/// (`02-discovery.md`), with unnumbered lessons last by file name. `content/playbooks/<region>/*.md` are playbooks
/// ordered by title later, at render time. `index.md` in either kind of folder introduces it.
public struct LibraryBuilder {
    public var includeDrafts: Bool

    public init(includeDrafts: Bool = false) {
        self.includeDrafts = includeDrafts
    }

    public func build(_ documents: [SourceDocument]) -> (Library, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var courses: [String: Course] = [:]
        var shelves: [String: PlaybookShelf] = [:]
        var urls: [String: String] = [:]

        for source in documents where includeDrafts || !source.frontMatter.draft {
            let parts = source.path.split(separator: "/").map(String.init)
            guard parts.count == 4, parts[0] == "content", parts[1] == "training" || parts[1] == "playbooks" else {
                diagnostics.append(
                    .warning(
                        SourceLocation(path: source.path),
                        "not part of the library: Markdown belongs in content/training/<course>/ or content/playbooks/<region>/"))
                continue
            }
            let folder = parts[2]
            let fileName = String(parts[3].dropLast(".md".count))
            guard Slug.isValid(folder) else {
                diagnostics.append(
                    .error(
                        SourceLocation(path: source.path), "folder name \"\(folder)\" is not a valid id: use lower-case letters, digits, '-' and '_'")
                )
                continue
            }
            let (prefix, slug) = Slug.splitNumericPrefix(fileName)
            guard Slug.isValidPageName(slug) else {
                diagnostics.append(
                    .error(SourceLocation(path: source.path), "file name \"\(parts[3])\" cannot become a URL: use letters, digits, '-' and '_'"))
                continue
            }
            let isIndex = fileName == "index"
            let section = parts[1] == "training" ? "training" : "playbooks"
            let folderURL = "library/\(section)/\(folder)/"
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
                section == "training"
                ? (isIndex ? .courseIntro(course: folder) : .lesson(course: folder))
                : (isIndex ? .shelfIntro(region: folder) : .playbook(region: folder))
            let document = LibraryDocument(
                source: source, kind: kind, slug: isIndex ? folder : slug, url: url,
                order: source.frontMatter.order ?? prefix, fileTitle: Slug.humanized(isIndex ? folder : slug))
            switch kind {
            case .courseIntro(let course): courses[course, default: Course(id: course, url: folderURL, lessons: [])].intro = document
            case .lesson(let course): courses[course, default: Course(id: course, url: folderURL, lessons: [])].lessons.append(document)
            case .shelfIntro(let region): shelves[region, default: PlaybookShelf(region: region, url: folderURL, playbooks: [])].intro = document
            case .playbook(let region):
                shelves[region, default: PlaybookShelf(region: region, url: folderURL, playbooks: [])].playbooks.append(document)
            }
        }

        let orderedCourses = courses.values.sorted { ($0.intro?.order ?? Int.max, $0.id) < ($1.intro?.order ?? Int.max, $1.id) }.map { course in
            var course = course
            course.lessons.sort { ($0.order ?? Int.max, $0.source.path) < ($1.order ?? Int.max, $1.source.path) }
            return course
        }
        let orderedShelves = shelves.values.sorted { a, b in
            (a.region == PlaybookShelf.globalRegion ? 0 : 1, a.region) < (b.region == PlaybookShelf.globalRegion ? 0 : 1, b.region)
        }.map { shelf in
            var shelf = shelf
            shelf.playbooks.sort { ($0.order ?? Int.max, $0.source.path) < ($1.order ?? Int.max, $1.source.path) }
            return shelf
        }
        return (Library(courses: orderedCourses, shelves: orderedShelves), diagnostics)
    }
}
