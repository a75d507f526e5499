import Foundation

/// The portal's settings from `fieldbook.json`.
public struct SiteConfig: Sendable, Equatable {
    /// Languages the default theme's labels are translated into.
    public enum Locale: String, Sendable, CaseIterable {
        case english = "en"
        case simplifiedChinese = "zh-CN"
    }

    public var title: String
    /// Prefix of every internal URL, always ending in `/` (e.g. `/` or `/portal/` or `https://x.example/sales/`).
    public var baseURL: String
    public var locale: Locale
    /// ISO 4217 code used when figures are shown as money.
    public var currency: String
    /// Lets raw HTML in Markdown through; off by default because anyone with push rights writes content.
    public var unsafeHTML: Bool
    /// The date figures are as of; when nil, the latest date in the data (never the clock).
    public var asOf: Day?
    /// First month of the fiscal year (1 = calendar quarters and years).
    public var fiscalYearStartMonth: Int
    /// `pipeline.stages`: the probability an open deal in each stage closes, for deals without their own.
    public var stageProbabilities: [String: Double]
    public var dashboard = DashboardSettings()
    /// `targets.ramp`: the share of their targets a new rep carries in their first months, from the month of their
    /// `started` date (`[0.25, 0.5, 0.75]`: a quarter, a half, three quarters, then all). Empty: no ramp.
    public var ramp: [Double] = []
    /// `tags.allowed`: when set, the only tags documents may use (others are warnings).
    public var allowedTags: [String]?

    public init(
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

    public var fiscalCalendar: FiscalCalendar { FiscalCalendar(startMonth: fiscalYearStartMonth) }

    /// Ensures a single trailing slash so `baseURL + "library/"` is always a valid URL.
    public static func normalizedBaseURL(_ url: String) -> String {
        var url = url.trimmingCharacters(in: .whitespaces)
        if url.isEmpty { return "/" }
        while url.hasSuffix("/") { url.removeLast() }
        return url + "/"
    }
}
