import FieldbookModel
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
    }

    /// Result group names for the search script, in display order, as JSON.
    var searchKinds: String {
        let kinds: [(String, String)] = [
            ("lesson", "kindLessons"), ("playbook", "kindPlaybooks"), ("course", "kindCourses"), ("rep", "kindReps"), ("region", "kindRegions"),
        ]
        return JSONOutput.object(kinds.map { ($0.0, .string(labels[$0.1])) }).rendered(indentedLevels: 0).trimmingCharacters(in: .newlines)
    }

    /// What templates can read, for the build cache's fingerprints: keep in step with `field(_:)`. (`labels` and
    /// `searchKinds` follow from the locale; the rest of the configuration is not visible to templates.)
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(config.title)
        try container.encode(config.baseURL)
        try container.encode(config.locale.rawValue)
        try container.encode(navigation)
    }

    /// A site path (`library/`) as a URL under the base URL.
    package func url(_ path: String) -> String { config.baseURL + path }

    package func field(_ name: String) -> Any? {
        switch name {
        case "siteTitle": config.title
        case "baseURL": config.baseURL
        case "lang": config.locale.rawValue
        case "assetsURL": config.baseURL + "assets/"
        case "navigation": navigation
        case "labels": labels
        case "searchKinds": searchKinds
        default: nil
        }
    }
}

/// A titled link, the building block of lists and navigation.
package struct LinkView: TemplateView, Equatable {
    package var title: String
    package var url: String

    package func field(_ name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        default: nil
        }
    }
}
