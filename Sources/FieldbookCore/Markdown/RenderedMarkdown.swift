/// A heading of a rendered document, with the id its anchor got.
public struct Heading: Sendable, Equatable {
    public var level: Int
    public var text: String
    public var id: String
}

/// A link or image destination as written in Markdown, with its position in the Markdown body.
public struct MarkdownLink: Sendable, Equatable {
    public var destination: String
    public var line: Int
    public var column: Int
    public var isImage: Bool
}

/// What the Markdown stage gives the rest of the pipeline: plain Swift values, no C pointers.
public struct RenderedMarkdown: Sendable, Equatable {
    /// The document's HTML, headings carrying ids and links already rewritten.
    public var html: String
    /// Text of a level-1 heading that opened the document; it was removed from `html` because pages print the title themselves.
    public var leadingTitle: String?
    /// Every heading in document order (the leading title excluded).
    public var headings: [Heading]
    /// Every link and image destination, as written, before rewriting.
    public var links: [MarkdownLink]
    /// Plain text of the body, for search and descriptions.
    public var plainText: String
}
