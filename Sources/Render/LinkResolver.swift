import FieldbookModel
import Foundation

/// Rewrites links written in Markdown to the URLs pages are published at, and says what is wrong with a broken one.
///
/// `other.md#anchor`, `../playbooks/emea/pricing.md` and `map.png` are resolved against the linking file; `.md`
/// targets become the target document's page URL and other files their copy in the output; `/path` gets the base
/// URL; external URLs and `mailto:` pass unchanged. Anchors into other documents are checked once every document
/// has its heading ids (`Resolution.anchor`).
package struct LinkResolver: Sendable {
    package let baseURL: String
    /// Published documents: source path to site path.
    package let documentURLs: [String: String]
    /// Documents left out because they are drafts.
    package let draftPaths: Set<String>
    /// Every Markdown file read, published or not.
    package let sourcePaths: Set<String>
    /// Non-Markdown files under `content/`.
    package let contentFiles: Set<String>

    package init(baseURL: String, documentURLs: [String: String], draftPaths: Set<String>, sourcePaths: Set<String>, contentFiles: Set<String>) {
        self.baseURL = baseURL
        self.documentURLs = documentURLs
        self.draftPaths = draftPaths
        self.sourcePaths = sourcePaths
        self.contentFiles = contentFiles
    }

    /// What became of one link.
    package struct Resolution: Sendable, Equatable {
        package var url: String
        package var problem: Diagnostic?
        /// A `#fragment` to look for among the headings of the document at `path` (the linking document itself for `#x`).
        package var anchor: (path: String, fragment: String)?
        /// The published document linked to, by source path.
        package var document: String?

        package static func == (a: Resolution, b: Resolution) -> Bool {
            a.url == b.url && a.problem == b.problem && a.anchor?.path == b.anchor?.path && a.anchor?.fragment == b.anchor?.fragment
                && a.document == b.document
        }
    }

    /// Where a non-Markdown content file is published: `content/training/x/map.png` is `library/training/x/map.png`.
    package static func outputPath(ofContentFile path: String) -> String { "library/" + path.dropFirst("content/".count) }

    package func resolve(_ link: MarkdownLink, from source: String) -> Resolution {
        let destination = link.destination
        let location = SourceLocation(path: source, line: max(1, link.line), column: max(1, link.column))
        if destination.isEmpty || Self.hasScheme(destination) || destination.hasPrefix("//") {
            return Resolution(url: destination)
        }
        if destination.hasPrefix("#") {
            return Resolution(url: destination, anchor: (source, Self.decoded(String(destination.dropFirst()))))
        }
        if destination.hasPrefix("/") {
            return Resolution(url: baseURL + destination.dropFirst())
        }
        var pathPart = Substring(destination)
        var fragment: String?
        if let hash = pathPart.firstIndex(of: "#") {
            fragment = String(pathPart[pathPart.index(after: hash)...])
            pathPart = pathPart[..<hash]
        }
        if let question = pathPart.firstIndex(of: "?") { pathPart = pathPart[..<question] }
        guard let target = Self.join(directory(of: source), Self.decoded(String(pathPart))) else {
            return Resolution(url: "", problem: .error(location, "link \"\(destination)\" points outside the portal"))
        }
        let suffix = fragment.map { "#" + $0 } ?? ""
        if let url = documentURLs[target] {
            return Resolution(url: baseURL + url + suffix, anchor: fragment.map { (target, Self.decoded($0)) }, document: target)
        }
        if draftPaths.contains(target) {
            return Resolution(url: "", problem: .warning(location, "link to \(target), a draft that is not published"))
        }
        if contentFiles.contains(target) {
            return Resolution(url: baseURL + Self.outputPath(ofContentFile: target) + suffix)
        }
        if sourcePaths.contains(target) {
            return Resolution(url: destination, problem: .error(location, "broken link: \(target) is not published (it is not in a course or shelf)"))
        }
        return Resolution(url: destination, problem: .error(location, "broken link: \(target) does not exist"))
    }

    private func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// `scheme:` as RFC 3986 defines it, so `mailto:`, `tel:` and `https:` pass while `map.png` does not.
    static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":"), let first = url.first, first.isASCII, first.isLetter else { return false }
        return url[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }

    static func decoded(_ text: String) -> String { text.contains("%") ? text.removingPercentEncoding ?? text : text }

    /// Joins a relative path onto a folder of the portal, resolving `.` and `..`; nil when it climbs out of the portal.
    static func join(_ directory: String, _ relative: String) -> String? {
        var parts = directory.split(separator: "/").map(String.init)
        for part in relative.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if parts.isEmpty { return nil }
                parts.removeLast()
            } else {
                parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }
}
