/// The checks that look across documents once they are rendered: what a single file cannot know about itself.
///
/// - a tag outside `fieldbook.json` `tags.allowed` (when that list exists): warning at the document's `tags`
/// - two documents with the same title: warning on the second, with a note at the first
/// - front matter `region` that is no region of the team (or, without team data, no playbook shelf): error
/// - front matter `kpis` naming a KPI that does not exist (built in, or in kpis.json): error
public struct PortalChecker: Sendable {
    public var allowedTags: [String]?
    /// Known region ids: the team's, else the playbook shelves'.
    public var regions: Set<String>
    /// Known KPI ids: built in plus kpis.json.
    public var kpis: Set<String>

    public init(allowedTags: [String]?, regions: Set<String>, kpis: Set<String>) {
        self.allowedTags = allowedTags
        self.regions = regions
        self.kpis = kpis
    }

    public func check(_ documents: [RenderedDocument]) -> [Diagnostic] {
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
        return diagnostics
    }
}
