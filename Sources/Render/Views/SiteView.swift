import FieldbookModel
import FieldbookTemplates
import Foundation

/// Site-wide fields every template can read: title, base URL, language, navigation and labels.
package struct SiteView: TemplateView {
    package let config: SiteConfig
    package let labels: Labels
    /// Links in the header, in order.
    package let navigation: [LinkView]

    /// `hasReps`: the portal has performance data and public scorecards, so the reps table is in the navigation.
    package init(config: SiteConfig, hasReps: Bool = false) {
        self.config = config
        self.labels = Labels(config.locale)
        self.navigation =
            [LinkView(title: labels["home"], url: config.baseURL)]
            + (hasReps ? [LinkView(title: labels["reps"], url: config.baseURL + "reps/")] : []) + [
                LinkView(title: labels["library"], url: config.baseURL + "library/"),
                LinkView(title: labels["playbooks"], url: config.baseURL + "library/playbooks/"),
                LinkView(title: labels["tags"], url: config.baseURL + "tags/"),
            ]
        self.searchKinds = Self.searchKinds(labels)
        self.labelsValue = labels.templateValue
    }

    /// `labels`, boxed once for every `{{labels.…}}` of every page.
    private let labelsValue: TemplateValue

    /// Result group names for the search script, in display order, as JSON.
    let searchKinds: String

    private static func searchKinds(_ labels: Labels) -> String {
        let kinds: [(String, String)] = [
            ("lesson", "kindLessons"), ("playbook", "kindPlaybooks"), ("course", "kindCourses"), ("rep", "kindReps"), ("region", "kindRegions"),
        ]
        return JSONOutput.object(kinds.map { ($0.0, .string(labels[$0.1])) }).rendered(indentedLevels: 0).trimmingCharacters(in: .newlines)
    }

    /// Numbers, money and dates as the portal's language writes them.
    package var format: FigureFormatter { FigureFormatter(locale: config.locale, currency: config.currency) }

    /// A site path (`library/`) as a URL under the base URL.
    package func url(_ path: String) -> String { config.baseURL + path }

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "siteTitle": .value(\.config.title),
            "baseURL": .value(\.config.baseURL),
            "lang": .value(\.config.locale.rawValue),
            "assetsURL": .value { $0.config.baseURL + "assets/" },
            "navigation": .value(\.navigation),
            "labels": .prepared(Labels.templateShape, \.labelsValue),
            "searchKinds": .value(\.searchKinds),
        ])
}

/// A titled link, the building block of lists and navigation.
package struct LinkView: TemplateView, Equatable {
    package var title: String
    package var url: String

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "title": .value(\.title),
            "url": .value(\.url),
        ])
}
