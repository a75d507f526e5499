import CCmarkGFM
import Foundation
import Synchronization

/// Turns Markdown into HTML through cmark-gfm. This is the only file that talks to the C library: it frees what it
/// allocates, and hands back plain Swift values.
///
/// cmark-gfm is not thread-safe with extensions attached: `cmark_parser_finish` edits a process-wide table, and
/// without a lock documents rendered on several threads silently lose autolinks or strikethrough. The lock covers
/// only that call, so the rest of parsing and all rendering stay parallel.
public struct MarkdownRenderer: Sendable {
    public var unsafeHTML: Bool
    /// Accessible names of task-list boxes, in the portal's language.
    public var taskWords: (done: String, open: String)

    public init(unsafeHTML: Bool = false, taskWords: (done: String, open: String) = ("Done", "To do")) {
        self.unsafeHTML = unsafeHTML
        self.taskWords = taskWords
    }

    /// The version of the cmark-gfm library loaded at run time (a system package that can change under the same
    /// fieldbook binary), for the build cache's keys.
    public static var libraryVersion: String { String(cString: cmark_version_string()) }

    /// Renders `markdown`; `rewrite` maps each link or image destination to the URL the page should use.
    public func render(_ markdown: String, rewrite: (MarkdownLink) -> String = { $0.destination }) -> RenderedMarkdown {
        CmarkSetup.ensureRegistered()
        var options = CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE | CMARK_OPT_VALIDATE_UTF8
        if unsafeHTML { options |= CMARK_OPT_UNSAFE }
        guard let parser = cmark_parser_new(options) else { fatalError("cmark-gfm could not allocate a parser") }
        defer { cmark_parser_free(parser) }
        for name in CmarkSetup.extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        markdown.utf8CString.withUnsafeBufferPointer { buffer in
            cmark_parser_feed(parser, buffer.baseAddress, buffer.count - 1)
        }
        // The tree crosses the lock as an address: a C pointer is not Sendable, but this one never leaves the thread.
        let address = CmarkSetup.finishLock.withLock { _ in Int(bitPattern: cmark_parser_finish(parser)) }
        guard let document = OpaquePointer(bitPattern: address) else { fatalError("cmark-gfm returned no document") }
        defer { cmark_node_free(document) }

        var walker = TreeWalker(options: options, extensions: cmark_parser_get_syntax_extensions(parser))
        walker.walk(document, rewrite: rewrite)
        let html = accessibleTasks(takeString(cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser))))
        return RenderedMarkdown(
            html: html, firstTitle: walker.firstTitle, headings: walker.headings, links: walker.links,
            plainText: trimmed(walker.plainText))
    }
}

extension MarkdownRenderer {
    /// Task-list boxes as symbols with an accessible name: cmark-gfm writes disabled checkboxes without a label,
    /// which screen readers announce as an unnamed control (found by axe-core in the browser tests).
    func accessibleTasks(_ html: String) -> String {
        let box = Array("<input type=\"checkbox\" ".utf8)
        let checked = Array("checked=\"\" disabled=\"\" />".utf8)
        let unchecked = Array("disabled=\"\" />".utf8)
        let done = "<span class=\"task task-done\" role=\"img\" aria-label=\"\(escapeAttribute(taskWords.done))\">☑</span>"
        let open = "<span class=\"task\" role=\"img\" aria-label=\"\(escapeAttribute(taskWords.open))\">☐</span>"
        var copy = html
        // Byte by byte: the standard library's `replacing` on a whole page cost more than rendering its Markdown.
        return copy.withUTF8 { utf8 -> String in
            func matches(_ pattern: [UInt8], at offset: Int) -> Bool {
                offset + pattern.count <= utf8.count && pattern.indices.allSatisfy { utf8[offset + $0] == pattern[$0] }
            }
            var output: [UInt8] = []
            var copied = 0
            var index = 0
            while index < utf8.count {
                guard utf8[index] == UInt8(ascii: "<"), matches(box, at: index) else {
                    index += 1
                    continue
                }
                let rest = index + box.count
                let found: (replacement: String, length: Int)? =
                    matches(checked, at: rest)
                    ? (done, box.count + checked.count)
                    : matches(unchecked, at: rest) ? (open, box.count + unchecked.count) : nil
                guard let (replacement, length) = found else {
                    index += 1
                    continue
                }
                if output.isEmpty { output.reserveCapacity(utf8.count + 256) }
                output.append(contentsOf: utf8[copied..<index])
                output.append(contentsOf: replacement.utf8)
                index += length
                copied = index
            }
            guard copied > 0 else { return html }
            output.append(contentsOf: utf8[copied...])
            return String(decoding: output, as: UTF8.self)
        }
    }
}

/// Process-wide cmark-gfm state: extensions are registered exactly once, and `cmark_parser_finish` is serialised.
private enum CmarkSetup {
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
    static let finishLock = Mutex(())
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()
    static func ensureRegistered() { _ = registered }
}

/// Without leading and trailing whitespace; by hand, because Foundation's trimming bridges a whole document's text.
private func trimmed(_ text: String) -> String {
    let bytes = text.utf8
    guard let first = bytes.firstIndex(where: { $0 > 0x20 }), let last = bytes.lastIndex(where: { $0 > 0x20 }) else { return "" }
    return String(text[first...last])
}

/// Takes ownership of a string cmark allocated.
private func takeString(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
    guard let pointer else { return "" }
    defer { free(pointer) }
    return String(cString: pointer)
}

/// One pass over the tree: collects headings and links, gives headings ids, rewrites and neutralises URLs.
private struct TreeWalker {
    let options: Int32
    let extensions: UnsafeMutablePointer<cmark_llist>?
    var slugger = HeadingSlugger()
    var headings: [Heading] = []
    var links: [MarkdownLink] = []
    var firstTitle: String?
    var plainText = ""

    init(options: Int32, extensions: UnsafeMutablePointer<cmark_llist>?) {
        self.options = options
        self.extensions = extensions
    }

    mutating func walk(_ document: OpaquePointer, rewrite: (MarkdownLink) -> String) {
        if let first = cmark_node_first_child(document), cmark_node_get_type(first) == CMARK_NODE_HEADING,
            cmark_node_get_heading_level(first) == 1
        {
            firstTitle = Self.text(of: first)
            cmark_node_unlink(first)
            cmark_node_free(first)
        }
        var headingNodes: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_HEADING {
                headingNodes.append(node)
                plainText += "\n"
            } else if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                visitLink(node, isImage: type == CMARK_NODE_IMAGE, rewrite: rewrite)
            } else if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK {
                plainText += Self.literal(node)
                plainText += type == CMARK_NODE_CODE_BLOCK ? "\n" : ""
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                plainText += " "
            } else if type.rawValue & 0xC000 == 0x8000 {  // any block, table cells included: keep words apart
                plainText += "\n"
            }
        }
        // Replace headings after the walk, so the iterator never sees a node it is standing on disappear.
        for node in headingNodes {
            if firstTitle == nil, cmark_node_get_heading_level(node) == 1 { firstTitle = Self.text(of: node) }
            giveId(to: node)
        }
    }

    private mutating func visitLink(_ node: OpaquePointer, isImage: Bool, rewrite: (MarkdownLink) -> String) {
        let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        let link = MarkdownLink(
            destination: destination, line: Int(cmark_node_get_start_line(node)),
            column: Int(cmark_node_get_start_column(node)), isImage: isImage)
        links.append(link)
        var url = rewrite(link)
        if !URLSafety.isSafe(url, isImage: isImage) { url = "" }
        if url != destination { cmark_node_set_url(node, url) }
    }

    /// Swaps a heading for a custom block that prints the same heading with an `id` attribute.
    private mutating func giveId(to node: OpaquePointer) {
        let level = Int(cmark_node_get_heading_level(node))
        let text = Self.text(of: node)
        let id = slugger.id(for: text)
        headings.append(Heading(level: level, text: text, id: id))
        var inner = takeString(cmark_render_html(node, options, extensions))
        // cmark prints exactly "<hN>" + content + "</hN>\n" for a heading node.
        inner = String(inner.dropFirst(4).dropLast(6))
        guard let replacement = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(replacement, "<h\(level) id=\"\(escapeAttribute(id))\">\(inner)</h\(level)>")
        cmark_node_set_on_exit(replacement, "")
        cmark_node_replace(node, replacement)
        cmark_node_free(node)
    }

    static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    /// The plain text of a node's inline content, as a heading's anchor and a table of contents need it.
    static func text(of node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE { text += literal(child) }
            if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK { text += " " }
        }
        return text.trimmingCharacters(in: .whitespaces)
    }
}
