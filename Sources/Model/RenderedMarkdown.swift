/// A heading of a rendered document, with the id its anchor got.
package struct Heading: Sendable, Equatable {
    package var level: Int
    package var text: String
    package var id: String

    package init(level: Int, text: String, id: String) {
        self.level = level
        self.text = text
        self.id = id
    }
}

/// A link or image destination as written in Markdown, with its position in the Markdown body.
public struct MarkdownLink: Sendable, Equatable {
    public var destination: String
    package var line: Int
    package var column: Int
    package var isImage: Bool

    package init(destination: String, line: Int, column: Int, isImage: Bool) {
        self.destination = destination
        self.line = line
        self.column = column
        self.isImage = isImage
    }
}

/// What the Markdown stage gives the rest of the pipeline: plain Swift values, no C pointers.
public struct RenderedMarkdown: Sendable, Equatable {
    /// The document's HTML, headings carrying ids and links already rewritten.
    package var html: String
    /// Text of the first level-1 heading. When it opens the document it is taken out of `html` (and `headings`),
    /// because pages print the title themselves; further down it stays where it is.
    package var firstTitle: String?
    /// Every heading in document order (a title taken out of the body excluded).
    package var headings: [Heading]
    /// Every link and image destination, as written, before rewriting.
    package var links: [MarkdownLink]
    /// Plain text of the body, for search and descriptions.
    package var plainText: String

    package init(html: String, firstTitle: String? = nil, headings: [Heading], links: [MarkdownLink], plainText: String) {
        self.html = html
        self.firstTitle = firstTitle
        self.headings = headings
        self.links = links
        self.plainText = plainText
    }
}
