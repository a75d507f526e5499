/// What a Markdown file is, decided by the folder it lives in.
package enum DocumentKind: Hashable, Sendable {
    /// `content/training/<course>/index.md`: the course's introduction.
    case courseIntro(course: String)
    /// Any other Markdown file in `content/training/<course>/`.
    case lesson(course: String)
    /// `content/playbooks/<region>/index.md`: the introduction to a region's shelf.
    case shelfIntro(region: String)
    /// Any other Markdown file in `content/playbooks/<region>/`; region `global` serves every region.
    case playbook(region: String)
}

/// A document placed in the library: where it came from, what it is, and the URL it gets.
package struct LibraryDocument: Sendable, Equatable {
    package var source: SourceDocument
    package var kind: DocumentKind
    /// File name without extension and numeric prefix: `01-first-call.md` is `first-call`.
    package var slug: String
    /// Site path without a leading slash, ending in `/`, e.g. `library/training/onboarding/first-call/`.
    package var url: String
    /// Ordering key within its course or shelf.
    package var order: Int?
    /// Title to fall back on when neither front matter nor a `# heading` gives one.
    package var fileTitle: String
}

/// A course: an optional introduction and its lessons in teaching order.
package struct Course: Sendable, Equatable {
    package var id: String
    package var url: String
    package var intro: LibraryDocument?
    package var lessons: [LibraryDocument]
}

/// The playbooks of one region (or `global`, for all regions).
package struct PlaybookShelf: Sendable, Equatable {
    package static let globalRegion = "global"
    package var region: String
    package var url: String
    package var intro: LibraryDocument?
    package var playbooks: [LibraryDocument]
}

/// Every document of the portal, arranged as courses and shelves; the seam the dashboards will attach to.
package struct Library: Sendable, Equatable {
    package var courses: [Course]
    /// Shelves sorted with `global` first, then by region id.
    package var shelves: [PlaybookShelf]

    /// Every document in a stable order: courses (intro, then lessons), then shelves.
    package var documents: [LibraryDocument] {
        courses.flatMap { course in (course.intro.map { [$0] } ?? []) + course.lessons }
            + shelves.flatMap { shelf in (shelf.intro.map { [$0] } ?? []) + shelf.playbooks }
    }

    /// The same library without the documents' Markdown, once it has become HTML: on a large portal that text is
    /// tens of megabytes nothing later reads.
    package func withoutMarkdown() -> Library { mapDocuments { $0.withoutMarkdown() } }

    /// The same library with the text of the documents at these paths (read again: an earlier build had parsed them).
    package func withText(_ texts: [String: String]) -> Library {
        mapDocuments { document in
            guard let text = texts[document.source.path] else { return document }
            var document = document
            (document.source.markdown, document.source.hasText) = (text, true)
            return document
        }
    }

    private func mapDocuments(_ transform: (LibraryDocument) -> LibraryDocument) -> Library {
        var library = self
        for index in library.courses.indices {
            library.courses[index].intro = library.courses[index].intro.map(transform)
            library.courses[index].lessons = library.courses[index].lessons.map(transform)
        }
        for index in library.shelves.indices {
            library.shelves[index].intro = library.shelves[index].intro.map(transform)
            library.shelves[index].playbooks = library.shelves[index].playbooks.map(transform)
        }
        return library
    }
}

extension LibraryDocument {
    /// This document without its Markdown text (see `Library.withoutMarkdown`).
    package func withoutMarkdown() -> LibraryDocument {
        var document = self
        document.source = source.withoutText()
        return document
    }
}
