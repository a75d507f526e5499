import FieldbookModel
import FieldbookTemplates

/// Where a team, region or manager page sits in time (the `period-nav` partial): the previous and next period of its
/// kind, and every month, quarter and year in the data as plain links, newest year first, so it works without
/// JavaScript.
package struct PeriodNavView: TemplateView {
    package var previous: LinkView?
    package var next: LinkView?
    /// The page of the entity's current period (`/`, `/regions/<id>/`), when this is a period page.
    package var latest: LinkView?
    /// The fiscal year under way, so far.
    package var yearToDate: PeriodLinkView?
    package var years: [PeriodYearView]

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "previous": .value(\.previous),
            "next": .value(\.next),
            "latest": .value(\.latest),
            "yearToDate": .value(\.yearToDate),
            "years": .value(\.years),
        ])
}

/// One fiscal year in the period picker: the year, its quarters and its months (those in the data).
package struct PeriodYearView: TemplateView {
    package var year: PeriodLinkView
    package var quarters: [PeriodLinkView]
    package var months: [PeriodLinkView]

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "year": .value(\.year),
            "quarters": .value(\.quarters),
            "months": .value(\.months),
        ])
}

/// A period in the picker; `current` marks the page's own (`aria-current`). On a scorecard, `period` (`2017-Q3`, as
/// the API names it) and `name` (`Q3 2017`) let its script switch to it in place.
package struct PeriodLinkView: TemplateView {
    package var title: String
    package var url: String
    package var current: Bool
    package var period: String?
    package var name: String?

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "title": .value(\.title),
            "url": .value(\.url),
            "current": .value(\.current),
            "period": .value(\.period),
            "name": .value(\.name),
        ])
}

/// What a scorecard's script needs to show another period's figures from the rep's API file, in the page's words
/// (the `period-switch` element).
package struct PeriodSwitchView: TemplateView {
    /// The rep's API file, and the period the page shows (`2026-Q4`).
    package var api: String
    package var current: String
    /// `en` or `zh-CN`, and the currency symbol, for writing figures as the build does.
    package var locale: String
    package var symbol: String

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "api": .value(\.api),
            "current": .value(\.current),
            "locale": .value(\.locale),
            "symbol": .value(\.symbol),
        ])
}
