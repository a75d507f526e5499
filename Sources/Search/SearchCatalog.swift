import FieldbookModel

/// What enters the search index: every published document, and (with public scorecards) every rep and region.
/// Drafts are never published, so never indexed; private scorecards are left out.
package enum SearchCatalog {
    package static func entries(documents: [RenderedDocument], team: Team?, includePeople: Bool) -> [SearchEntry] {
        let entries = documents.map { document in
            let kind: SearchEntry.Kind =
                switch document.document.kind {
                case .lesson: .lesson
                case .playbook, .shelfIntro: .playbook
                case .courseIntro: .course
                }
            return SearchEntry(
                kind: kind, url: document.document.url, title: document.title, headings: document.markdown.headings.map(\.text),
                tags: document.frontMatter.tags, body: document.markdown.plainText, summary: document.summary)
        }
        guard includePeople, let team else { return entries }
        return entries + people(team)
    }

    /// Reps and regions, each with the facts a reader might search for.
    package static func people(_ team: Team) -> [SearchEntry] {
        var entries: [SearchEntry] = []
        let managers = Dictionary(uniqueKeysWithValues: team.managers.map { ($0.id, $0.name) })
        let regions = Dictionary(uniqueKeysWithValues: team.regions.map { ($0.id, $0.name) })
        for rep in team.reps {
            let facts = [regions[rep.region], team.manager(of: rep).flatMap { managers[$0] }, rep.title].compactMap { $0 }
            entries.append(
                SearchEntry(
                    kind: .rep, url: "reps/\(rep.id)/", title: rep.name, body: facts.joined(separator: " "), summary: facts.joined(separator: " · ")))
        }
        for region in team.regions {
            let manager = region.manager.flatMap { managers[$0] }
            entries.append(SearchEntry(kind: .region, url: "regions/\(region.id)/", title: region.name, body: manager ?? "", summary: manager ?? ""))
        }
        return entries
    }
}
