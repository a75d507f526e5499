import CCmarkGFM
import FieldbookModel
import Foundation
import Synchronization

/// Turns Markdown into HTML through cmark-gfm. This is the only file that talks to the C library: it frees what it
/// allocates, and hands back plain Swift values.
///
/// cmark-gfm is not thread-safe with extensions attached: `cmark_parser_finish` edits a process-wide table, and
/// without a lock documents rendered on several threads silently lose autolinks or strikethrough. The lock covers
/// only that call, so the rest of parsing and all rendering stay parallel.
public struct MarkdownRenderer: Sendable {
    package var unsafeHTML: Bool
    /// Accessible names of task-list boxes, in the portal's language.
    package var taskWords: (done: String, open: String)

    public init(unsafeHTML: Bool = false, taskWords: (done: String, open: String) = ("Done", "To do")) {
        self.unsafeHTML = unsafeHTML
        self.taskWords = taskWords
    }

    /// The version of the cmark-gfm library loaded at run time (a system package that can change under the same
    /// fieldbook binary), for the build cache's keys.
    package static var libraryVersion: String { String(cString: cmark_version_string()) }

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

        var walker = TreeWalker()
        walker.walk(document, rewrite: rewrite)
        let extensions = cmark_parser_get_syntax_extensions(parser)
        var html = finished(cmark_render_html(document, options, extensions), headings: walker.headings)
        if html == nil {
            // Raw HTML of the author's own held a bare `<hN>` tag: give the heading nodes themselves their ids instead.
            walker.markHeadings(options: options, extensions: extensions)
            html = finished(cmark_render_html(document, options, extensions), headings: nil)
        }
        return RenderedMarkdown(
            html: html ?? "", firstTitle: walker.firstTitle, headings: walker.headings, links: walker.links,
            plainText: trimmed(String(decoding: walker.plainText, as: UTF8.self)))
    }
}

extension MarkdownRenderer {
    /// The HTML cmark-gfm rendered (taking ownership of it), in one pass over its bytes:
    ///
    /// - Headings get their ids: cmark prints each heading as a bare `<hN>`, in document order, so the n-th such tag
    ///   is the n-th heading. Raw HTML is the only other way to get a bare `<hN>` into the output; then there are
    ///   more tags than headings, and this returns nil for the caller to mark the heading nodes instead (and call
    ///   again with `headings` nil, which leaves heading tags alone).
    /// - Task-list boxes become symbols with an accessible name: cmark-gfm writes disabled checkboxes without a
    ///   label, which screen readers announce as an unnamed control (found by axe-core in the browser tests).
    func finished(_ pointer: UnsafeMutablePointer<CChar>?, headings: [Heading]?) -> String? {
        guard let pointer else { return "" }
        defer { free(pointer) }
        let utf8 = UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer))
        let box = Array("<input type=\"checkbox\" ".utf8)
        let checked = Array("checked=\"\" disabled=\"\" />".utf8)
        let unchecked = Array("disabled=\"\" />".utf8)
        let done = Array("<span class=\"task task-done\" role=\"img\" aria-label=\"\(escapeAttribute(taskWords.done))\">☑</span>".utf8)
        let open = Array("<span class=\"task\" role=\"img\" aria-label=\"\(escapeAttribute(taskWords.open))\">☐</span>".utf8)
        func matches(_ pattern: [UInt8], at offset: Int) -> Bool {
            offset + pattern.count <= utf8.count && pattern.indices.allSatisfy { utf8[offset + $0] == pattern[$0] }
        }
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count + (headings?.count ?? 0) * 48 + 256)
        var heading = 0
        var copied = 0
        var index = 0
        while index < utf8.count {
            guard utf8[index] == UInt8(ascii: "<"), index + 3 < utf8.count else {
                index += 1
                continue
            }
            let next = utf8[index + 1]
            if let headings, next == UInt8(ascii: "h"), (0x31...0x36).contains(utf8[index + 2]), utf8[index + 3] == UInt8(ascii: ">") {
                guard heading < headings.count, headings[heading].level == Int(utf8[index + 2] - 0x30) else { return nil }
                output.append(contentsOf: utf8[copied..<index + 3])
                output.append(contentsOf: " id=\"\(escapeAttribute(headings[heading].id))\">".utf8)
                heading += 1
                index += 4
                copied = index
            } else if next == UInt8(ascii: "i"), matches(box, at: index) {
                let rest = index + box.count
                let found: (replacement: [UInt8], length: Int)? =
                    matches(checked, at: rest)
                    ? (done, box.count + checked.count) : matches(unchecked, at: rest) ? (open, box.count + unchecked.count) : nil
                guard let (replacement, length) = found else {
                    index += 1
                    continue
                }
                output.append(contentsOf: utf8[copied..<index])
                output.append(contentsOf: replacement)
                index += length
                copied = index
            } else {
                index += 1
            }
        }
        guard heading == headings?.count ?? 0 else { return nil }
        output.append(contentsOf: utf8[copied...])
        return String(decoding: output, as: UTF8.self)
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

/// Without leading and trailing spaces and tabs (Foundation's `.whitespaces`), as bytes: Foundation is asked only
/// when other Unicode spaces may be at an end.
private func trimmedSpaces(_ bytes: [UInt8]) -> String {
    var start = 0
    var end = bytes.count
    while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
    while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
    let text = String(decoding: bytes[start..<end], as: UTF8.self)
    guard start < end, bytes[start] >= 0x80 || bytes[end - 1] >= 0x80 else { return text }
    return text.trimmingCharacters(in: .whitespaces)
}

/// Takes ownership of a string cmark allocated.
private func takeString(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
    guard let pointer else { return "" }
    defer { free(pointer) }
    return String(cString: pointer)
}

/// One pass over the tree: collects headings (with their ids), links and the plain text, rewrites and neutralises URLs.
private struct TreeWalker {
    var slugger = HeadingSlugger()
    var headings: [Heading] = []
    var links: [MarkdownLink] = []
    var firstTitle: String?
    var plainText: [UInt8] = []
    private var headingNodes: [OpaquePointer] = []
    /// The text of the heading the walk is in.
    private var headingText: [UInt8]?

    mutating func walk(_ document: OpaquePointer, rewrite: (MarkdownLink) -> String) {
        if let first = cmark_node_first_child(document), cmark_node_get_type(first) == CMARK_NODE_HEADING,
            cmark_node_get_heading_level(first) == 1
        {
            firstTitle = Self.text(of: first)
            cmark_node_unlink(first)
            cmark_node_free(first)
        }
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_EXIT {
                if type == CMARK_NODE_HEADING { finishHeading(node) }
                continue
            }
            if type == CMARK_NODE_HEADING {
                headingText = []
                plainText.append(0x0A)
            } else if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                visitLink(node, isImage: type == CMARK_NODE_IMAGE, rewrite: rewrite)
            } else if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK {
                if let literal = cmark_node_get_literal(node) {
                    let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
                    plainText.append(contentsOf: bytes)
                    if type != CMARK_NODE_CODE_BLOCK { headingText?.append(contentsOf: bytes) }
                }
                if type == CMARK_NODE_CODE_BLOCK { plainText.append(0x0A) }
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                plainText.append(0x20)
                headingText?.append(0x20)
            } else if type.rawValue & 0xC000 == 0x8000 {  // any block, table cells included: keep words apart
                plainText.append(0x0A)
            }
        }
    }

    private mutating func finishHeading(_ node: OpaquePointer) {
        let text = trimmedSpaces(headingText ?? [])
        headingText = nil
        let level = Int(cmark_node_get_heading_level(node))
        if firstTitle == nil, level == 1 { firstTitle = text }
        headings.append(Heading(level: level, text: text, id: slugger.id(for: text)))
        headingNodes.append(node)
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

    /// Swaps every heading for a custom block that prints the same heading with its `id` attribute: the way to give
    /// ids when the HTML cannot be trusted to hold only cmark's own heading tags.
    func markHeadings(options: Int32, extensions: UnsafeMutablePointer<cmark_llist>?) {
        for (node, heading) in zip(headingNodes, headings) {
            var inner = takeString(cmark_render_html(node, options, extensions))
            // cmark prints exactly "<hN>" + content + "</hN>\n" for a heading node.
            inner = String(inner.dropFirst(4).dropLast(6))
            guard let replacement = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            let level = heading.level
            cmark_node_set_on_enter(replacement, "<h\(level) id=\"\(escapeAttribute(heading.id))\">\(inner)</h\(level)>")
            cmark_node_set_on_exit(replacement, "")
            cmark_node_replace(node, replacement)
            cmark_node_free(node)
        }
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
