/// A library document after its Markdown became HTML.
///
/// A class: planning hands each document to many pages (its own, its neighbours', its course's, its tags'), and a
/// reference is one count to copy where this value is some twenty.
public final class RenderedDocument: Sendable {
    public let document: LibraryDocument
    public let markdown: RenderedMarkdown
    /// Front matter `title`, else the first `# heading`, else the file name.
    public let title: String
    /// Front matter `description`, else the start of the text.
    public let summary: String
    /// Source paths of the published documents this one links to.
    public let linkedDocuments: Set<String>

    public init(document: LibraryDocument, markdown: RenderedMarkdown, title: String, summary: String, linkedDocuments: Set<String> = []) {
        self.document = document
        self.markdown = markdown
        self.title = title
        self.summary = summary
        self.linkedDocuments = linkedDocuments
    }

    public var frontMatter: FrontMatter { document.source.frontMatter }
    public var path: String { document.source.path }
}
