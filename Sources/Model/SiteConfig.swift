import Foundation

/// The portal's settings from `fieldbook.json`.
public struct SiteConfig: Sendable, Equatable {
    /// Languages the default theme's labels are translated into.
    package enum Locale: String, Sendable, CaseIterable {
        case english = "en"
        case simplifiedChinese = "zh-CN"
    }

    package var title: String
    /// Prefix of every internal URL, always ending in `/` (e.g. `/` or `/portal/` or `https://x.example/sales/`).
    package var baseURL: String
    package var locale: Locale
    /// ISO 4217 code used when figures are shown as money.
    package var currency: String
    /// Lets raw HTML in Markdown through; off by default because anyone with push rights writes content.
    package var unsafeHTML: Bool
    /// The date figures are as of; when nil, the latest date in the data (never the clock).
    package var asOf: Day?
    /// First month of the fiscal year (1 = calendar quarters and years).
    package var fiscalYearStartMonth: Int
    /// `pipeline.stages`: the probability an open deal in each stage closes, for deals without their own.
    package var stageProbabilities: [String: Double]
    package var dashboard = DashboardSettings()
    package var access = AccessSettings()
    /// Whether reps are listed, searched and linked: scorecards public and the portal not encrypted.
    package var listsReps: Bool { dashboard.scorecardsPublic && !access.encrypted }
    /// `targets.ramp`: the share of their targets a new rep carries in their first months, from the month of their
    /// `started` date (`[0.25, 0.5, 0.75]`: a quarter, a half, three quarters, then all). Empty: no ramp.
    package var ramp: [Double] = []
    /// `tags.allowed`: when set, the only tags documents may use (others are warnings).
    package var allowedTags: [String]?

    package init(
        title: String = "Sales Portal", baseURL: String = "/", locale: Locale = .english, currency: String = "USD", unsafeHTML: Bool = false,
        asOf: Day? = nil, fiscalYearStartMonth: Int = 1, stageProbabilities: [String: Double] = [:]
    ) {
        self.title = title
        self.baseURL = SiteConfig.normalizedBaseURL(baseURL)
        self.locale = locale
        self.currency = currency
        self.unsafeHTML = unsafeHTML
        self.asOf = asOf
        self.fiscalYearStartMonth = fiscalYearStartMonth
        self.stageProbabilities = stageProbabilities
    }

    package var fiscalCalendar: FiscalCalendar { FiscalCalendar(startMonth: fiscalYearStartMonth) }

    /// Ensures a single trailing slash so `baseURL + "library/"` is always a valid URL.
    package static func normalizedBaseURL(_ url: String) -> String {
        var url = url.trimmingCharacters(in: .whitespaces)
        if url.isEmpty { return "/" }
        while url.hasSuffix("/") { url.removeLast() }
        return url + "/"
    }
}
