/// The JSON object that may open a Markdown file. Every key is optional.
package struct FrontMatter: Sendable, Equatable {
    package var title: String?
    package var description: String?
    package var tags: [String] = []
    /// Who keeps the document current (a manager's name or id).
    package var owner: String?
    package var updated: Day?
    /// Drafts are left out of the portal unless the build is run with `--drafts`.
    package var draft = false
    /// Position of a lesson in its course; lessons without one follow, by file name.
    package var order: Int?
    /// Ids of the KPIs this document helps with; scorecards recommend it to reps behind on them.
    package var kpis: [String] = []
    package var region: String?
    /// Custom values for templates (`{{params.topic}}`), by key: the `params` object's members, and any other
    /// top-level key with a text, number or true/false value (also named in `unknownKeys`).
    package var params: [Param] = []
    /// Top-level keys that are none of Fieldbook's, in file order: reported once per key across the portal.
    package var unknownKeys: [String] = []
    /// Where each key was written, for diagnostics about its value.
    package var locations: [String: SourceLocation] = [:]

    /// One custom value, as text; true and false stay booleans, so `{{#params.featured}}` skips a false one.
    package struct Param: Sendable, Equatable {
        package var key: String
        package var value: String
        package var flag: Bool? = nil

        package init(key: String, value: String, flag: Bool? = nil) {
            self.key = key
            self.value = value
            self.flag = flag
        }
    }

    package init() {}

    /// Where `key` was written, else the top of the file.
    package func location(of key: String, in path: String) -> SourceLocation { locations[key] ?? SourceLocation(path: path) }

    /// The keys above, for the unknown-key warning.
    package static let knownKeys = ["title", "description", "tags", "owner", "updated", "draft", "order", "kpis", "region", "params"]
    /// Other tools' names for them, read as these: `date` (Hugo, Jekyll) → updated, `author` → owner, `weight` → order.
    package static let aliases = ["date": "updated", "author": "owner", "weight": "order"]
}

/// A Markdown file as read from `content/`: its front matter and its Markdown, with positions kept.
public struct SourceDocument: Sendable, Equatable {
    /// Path relative to the portal root, e.g. `content/training/onboarding/01-welcome.md`.
    package var path: String
    package var frontMatter: FrontMatter
    /// The Markdown with the front matter replaced by blank lines, so cmark's line numbers are the file's.
    public var markdown: String
    /// A fingerprint of the file as read (front matter and text): any change to the file changes it. Kept when the
    /// text is not (`hasText`).
    package var contents: Fingerprint
    /// Whether `markdown` holds the text: false for a document an earlier build parsed (`ParsedSources`) until its text
    /// is needed, and after the Markdown stage, which lets it go.
    package var hasText = true

    /// `contents` defaults to a fingerprint of the text and the front matter as a debugger prints them (for documents
    /// made in code; `DocumentParser` gives the file's own).
    package init(path: String, frontMatter: FrontMatter, markdown: String, contents: Fingerprint? = nil) {
        self.path = path
        self.frontMatter = frontMatter
        self.markdown = markdown
        self.contents = contents ?? Fingerprint(markdown + "\u{0}" + String(reflecting: frontMatter))
    }

    /// This document without its text (its fingerprint stays).
    package func withoutText() -> SourceDocument {
        var document = self
        document.markdown = ""
        document.hasText = false
        return document
    }

    /// The same document: path, front matter and text (`contents` only summarizes them).
    public static func == (a: SourceDocument, b: SourceDocument) -> Bool {
        (a.path, a.hasText, a.markdown) == (b.path, b.hasText, b.markdown) && a.frontMatter == b.frontMatter
    }
}
