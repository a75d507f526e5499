import FieldbookModel

/// Whether the data behind the figures is current: the as-of date is data, never the clock, so an old export can sit
/// behind pages that say "as of" a recent day.
package enum DataFreshness {
    /// A warning when `asOf` is set in fieldbook.json and the newest deal date is more than `staleAfterDays` before
    /// it: the export behind the figures is probably old, though the pages would say "as of" a recent day.
    static package func staleDeals(_ deals: [Deal], config: SiteConfig) -> [Diagnostic] {
        guard let asOf = config.asOf, !deals.isEmpty else { return [] }
        var newest: Day?
        for deal in deals {
            for day in [deal.created, deal.closed] {
                if let day, day <= asOf, newest.map({ day > $0 }) ?? true { newest = day }
            }
        }
        let days = newest.map { asOf.ordinal - $0.ordinal }
        guard let days, let newest, days > config.dashboard.staleAfterDays else { return [] }
        return [
            .warning(
                SourceLocation(path: "\(PortalSource.dataFolder)/deals.json"),
                "the newest deal is from \(newest), \(days) days before the as-of date \(asOf) in fieldbook.json: is the export current? "
                    + "(dashboard.staleAfterDays is \(config.dashboard.staleAfterDays))")
        ]
    }
}
