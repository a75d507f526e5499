import FieldbookModel

/// The checks that look across documents once they are rendered: what a single file cannot know about itself.
///
/// - a tag outside `fieldbook.json` `tags.allowed` (when that list exists): warning at the document's `tags`
/// - two documents with the same title: warning on the second, with a note at the first
/// - front matter `region` that is no region of the team (or, without team data, no playbook shelf): error
/// - front matter `kpis` naming a KPI that does not exist (built in, or in kpis.json): error
/// - a front-matter key that is none of Fieldbook's: one warning per key for the portal
package struct PortalChecker: Sendable {
    package var allowedTags: [String]?
    /// Known region ids: the team's, else the playbook shelves'.
    package var regions: Set<String>
    /// Known KPI ids: built in plus kpis.json.
    package var kpis: Set<String>

    package init(allowedTags: [String]?, regions: Set<String>, kpis: Set<String>) {
        self.allowedTags = allowedTags
        self.regions = regions
        self.kpis = kpis
    }

    package func check(_ documents: [RenderedDocument]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var titles: [String: String] = [:]
        let allowed = allowedTags.map { Set($0.map(Slug.tag)) }
        for document in documents {
            let front = document.frontMatter
            let path = document.path
            if let allowed {
                for tag in front.tags where !allowed.contains(Slug.tag(tag)) {
                    diagnostics.append(.warning(front.location(of: "tags", in: path), "tag \"\(tag)\" is not in fieldbook.json tags.allowed"))
                }
            }
            let key = document.title.lowercased()
            if let first = titles[key] {
                diagnostics.append(
                    .warning(
                        front.location(of: "title", in: path), "another document has the title \"\(document.title)\"",
                        notes: [.init(SourceLocation(path: first), "the other document")]))
            } else {
                titles[key] = path
            }
            if let region = front.region, !regions.contains(region) {
                diagnostics.append(
                    .error(
                        front.location(of: "region", in: path), "unknown region \"\(region)\" (known: \(regions.sorted().joined(separator: ", ")))"))
            }
            for kpi in front.kpis where !kpis.contains(kpi) {
                diagnostics.append(.error(front.location(of: "kpis", in: path), "unknown KPI \"\(kpi)\""))
            }
        }
        return diagnostics + unknownKeys(documents)
    }

    /// Front-matter keys that are none of Fieldbook's: one warning per key for the whole portal, at its first
    /// document, with how many documents have it and the first few to look at (5,000 documents with a `topic` key
    /// are one finding, not 5,000). A near miss of a known key (`titel`) is named as the likely typo.
    func unknownKeys(_ documents: [RenderedDocument]) -> [Diagnostic] {
        var found: [String: [RenderedDocument]] = [:]
        for document in documents.sorted(by: { $0.path < $1.path }) {
            for key in document.frontMatter.unknownKeys { found[key, default: []].append(document) }
        }
        return found.sorted { ($0.value[0].path, $0.key) < ($1.value[0].path, $1.key) }.map { key, documents in
            let first = documents[0]
            let shown = documents.prefix(3).map(\.path).joined(separator: ", ")
            let spread =
                documents.count == 1
                ? "" : " (\(documents.count) documents: \(shown)\(documents.count > 3 ? " and \(documents.count - 3) more" : ""))"
            let hint =
                Suggestion.closest(to: key, in: FrontMatter.knownKeys + FrontMatter.aliases.keys.sorted()).map { "did you mean \"\($0)\"?" }
                ?? "templates read it as {{params.\(key)}}; custom keys belong in \"params\": {\"\(key)\": …}"
            return .warning(
                first.frontMatter.location(of: key, in: first.path), "front matter key \"\(key)\" is not one of Fieldbook's\(spread); \(hint)")
        }
    }
}
