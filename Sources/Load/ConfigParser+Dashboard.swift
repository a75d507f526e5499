import FieldbookModel

/// Reading the `dashboard` section of `fieldbook.json`, the largest: its period, cards, thresholds and staleness.
extension ConfigParser {
    /// The `dashboard` object's settings into `config`; its diagnostics, the thresholds' first, appended to `diagnostics`.
    static func readDashboard(_ nested: consuming JSONObjectReader, into config: inout SiteConfig, _ diagnostics: inout [Diagnostic]) {
        if let kind = nested.string("period") {
            if let parsed = Period.Kind(rawValue: kind) {
                config.dashboard.period = parsed
            } else {
                nested.report(key: "period", "'dashboard.period' must be \"month\", \"quarter\" or \"year\"")
            }
        }
        if nested.node("cards") != nil { config.dashboard.cards = nested.strings("cards") }
        if let thresholds = nested.object("thresholds") {
            readThresholds(nested.nested(thresholds, keyPrefix: "dashboard.thresholds."), thresholds, into: &config, &diagnostics)
        }
        if let days = nested.integer("staleAfterDays") {
            if days >= 0 {
                config.dashboard.staleAfterDays = days
            } else {
                nested.report(key: "staleAfterDays", "'dashboard.staleAfterDays' must not be negative")
            }
        }
        nested.warnUnknownKeys("period, cards, thresholds, staleAfterDays")
        diagnostics += nested.diagnostics
    }

    private static func readThresholds(
        _ limits: consuming JSONObjectReader, _ thresholds: JSONNode, into config: inout SiteConfig, _ diagnostics: inout [Diagnostic]
    ) {
        if let onTrack = limits.number("onTrack") { config.dashboard.thresholds.onTrack = onTrack }
        if let atRisk = limits.number("atRisk") { config.dashboard.thresholds.atRisk = atRisk }
        if config.dashboard.thresholds.atRisk > config.dashboard.thresholds.onTrack {
            limits.report(thresholds, "'dashboard.thresholds.atRisk' must not exceed 'onTrack'")
        }
        limits.warnUnknownKeys("onTrack, atRisk")
        diagnostics += limits.diagnostics
    }
}
