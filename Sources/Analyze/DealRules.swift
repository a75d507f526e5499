import FieldbookModel

/// The sales rules about one deal, each written once: every figure, list and page follows these.
extension Deal {
    /// The deal as it stood on `day`, the one as-of rule every figure and list follows: nil when it was created
    /// after `day` (it did not exist yet); when it was won or lost after `day`, still open then, with no close date
    /// and its stage on `day` unknown (`stage` "open", `closedLater`). Its amount is kept: it is the best estimate of
    /// its size there is.
    package func `as`(of day: Day) -> Deal? {
        if let created, created > day { return nil }
        guard isWon || isLost, let closed, closed > day else { return self }
        var open = self
        open.stage = "open"
        open.closed = nil
        open.closedLater = true
        return open
    }

    /// The deal as it stood on `day` when it was open then (created by then, or undated, and not won or lost by then).
    package func open(on day: Day) -> Deal? {
        guard let deal = self.as(of: day), !deal.isWon, !deal.isLost else { return nil }
        return deal
    }

    /// Whether the deal was open on `day` (see `open(on:)`).
    package func isOpen(on day: Day) -> Bool { open(on: day) != nil }

    /// The chance this open deal closes, the one probability rule: its own `probability`, else its stage's from
    /// `pipeline.stages`, else 0. A deal whose stage on the as-of date is unknown (`closedLater`) has only its own.
    package func probability(stages: [String: Double]) -> Double? {
        probability ?? (closedLater ? nil : stages[stage])
    }

    /// The deal's weight in the weighted pipeline: `probability(stages:)`, 0 when unknown.
    package func weight(stages: [String: Double]) -> Double { probability(stages: stages) ?? 0 }

    /// Days from `created` to `day`: how long an open deal has been open; nil without a `created` date.
    package func age(on day: Day) -> Int? { created.map { day.ordinal - $0.ordinal } }

    /// An open deal still open after its expected close (`expected_close` before `day`).
    package func isSlipping(on day: Day) -> Bool { expectedClose.map { $0 < day } ?? false }
}
