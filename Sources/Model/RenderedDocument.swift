/// A library document after its Markdown became HTML.
///
/// A class: planning hands each document to many pages (its own, its neighbours', its course's, its tags'), and a
/// reference is one count to copy where this value is some twenty.
package final class RenderedDocument: Sendable {
    package let document: LibraryDocument
    package let markdown: RenderedMarkdown
    /// Front matter `title`, else the first `# heading`, else the file name.
    package let title: String
    /// Front matter `description`, else the start of the text.
    package let summary: String
    /// Source paths of the published documents this one links to.
    package let linkedDocuments: Set<String>

    package init(document: LibraryDocument, markdown: RenderedMarkdown, title: String, summary: String, linkedDocuments: Set<String> = []) {
        self.document = document
        self.markdown = markdown
        self.title = title
        self.summary = summary
        self.linkedDocuments = linkedDocuments
    }

    package var frontMatter: FrontMatter { document.source.frontMatter }
    package var path: String { document.source.path }
}
