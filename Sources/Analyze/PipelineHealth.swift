import FieldbookModel

/// The health of a rep's or a group's pipeline on the as-of date, and how their deals closed in a period, product by
/// product. Every deal is taken as it stood on the as-of date (`Deal.as(of:)`).
///
/// - **Stages**: open deals by stage, in the order of their probability in `pipeline.stages` (stages it does not
///   list, and deals won or lost after the as-of date, whose stage then is unknown, come last): count, known amount,
///   how many have no amount.
/// - **Age**: days from `created` to the as-of date; the median over open deals with a `created` date.
/// - **Stale**: open longer than the typical won cycle (`typicalCycle`). **Slipping**: still open after its
///   `expected_close`.
/// - **Coverage**: open pipeline ÷ the revenue still to win in the period (its target minus revenue so far), and the
///   same for the weighted pipeline; absent without a target or with nothing left to win.
/// - **Products**: per product (deals without one together), deals won and lost in the period, win rate, mean cycle
///   of the won deals with a `created` date, revenue.
///
/// The data has no stage history (when each deal entered each stage), so conversion from a stage to won cannot be
/// measured; the stages show the probability `pipeline.stages` gives them.
package struct PipelineHealth: Sendable, Equatable {
    package struct Stage: Sendable, Equatable {
        /// The stage's name, or nil for deals whose stage on the as-of date is unknown (they closed after it).
        package var name: String?
        package var probability: Double?
        package var count = 0
        package var amount: Cents = 0
        package var unpriced = 0
    }

    package struct Product: Sendable, Equatable {
        /// Nil for deals without a product.
        package var name: String?
        package var won = 0
        package var lost = 0
        package var revenue: Cents = 0
        var cycleDays = 0
        var cycleCount = 0

        /// Won ÷ (won + lost); absent when nothing closed.
        package var winRate: Double? { won + lost > 0 ? Double(won) / Double(won + lost) : nil }
        /// Mean days from created to closed of the won deals with a `created` date.
        package var cycle: Double? { cycleCount > 0 ? Double(cycleDays) / Double(cycleCount) : nil }
    }

    package var stages: [Stage] = []
    package var open = 0
    package var pipeline: Cents = 0
    /// Amount × probability, in cents.
    package var weighted = 0.0
    package var medianAge: Double?
    package var stale = 0
    package var staleAmount: Cents = 0
    package var slipping = 0
    package var slippingAmount: Cents = 0
    /// The typical won cycle the stale deals are measured against.
    package var typicalCycle: Double?
    package var products: [Product] = []

    /// The health of `open` (deals open on `asOf`, as they stood then) and of `closed` (deals won or lost in the
    /// period shown), with `typicalCycle` from `typicalCycle(of:asOf:)` and the probabilities of `pipeline.stages`.
    package init(open: [Deal], closed: [Deal], asOf: Day, typicalCycle: Double?, stages probabilities: [String: Double]) {
        self.typicalCycle = typicalCycle
        var byStage: [String?: Stage] = [:]
        var ages: [Int] = []
        for deal in open {
            let name = deal.closedLater ? nil : deal.stage
            byStage[name, default: Stage(name: name, probability: name.flatMap { probabilities[$0] })].add(deal)
            self.open += 1
            pipeline += deal.amount ?? 0
            weighted += Double(deal.amount ?? 0) * deal.weight(stages: probabilities)
            if let age = deal.age(on: asOf) {
                ages.append(age)
                if let typicalCycle, Double(age) > typicalCycle {
                    stale += 1
                    staleAmount += deal.amount ?? 0
                }
            }
            if deal.isSlipping(on: asOf) {
                slipping += 1
                slippingAmount += deal.amount ?? 0
            }
        }
        stages = byStage.values.sorted { a, b in
            switch (a.probability, b.probability) {
            case (let x?, let y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return (a.name ?? "\u{10FFFF}") < (b.name ?? "\u{10FFFF}")
            }
        }
        medianAge = PeerComparison.median(ages.map(Double.init))
        var byProduct: [String?: Product] = [:]
        for deal in closed where deal.isWon || deal.isLost {
            byProduct[deal.product, default: Product(name: deal.product)].add(deal)
        }
        products = byProduct.values.sorted { ($0.revenue, $1.name ?? "") > ($1.revenue, $0.name ?? "") }
    }

    /// Open pipeline ÷ `remaining` (the revenue still to win), and weighted pipeline ÷ `remaining`; nil when there
    /// is nothing left to win or it is unknown.
    package func coverage(remaining: Double?) -> (pipeline: Double, weighted: Double)? {
        guard let remaining, remaining > 0 else { return nil }
        return (Double(pipeline) / 100 / remaining, weighted / 100 / remaining)
    }

    /// The typical won cycle: the median of days from created to closed over the team's deals won in the 365 days up
    /// to the as-of date (with a `created` date); nil when there are none.
    package static func typicalCycle(of deals: [Deal], asOf: Day) -> Double? {
        let end = asOf.ordinal
        return PeerComparison.median(
            deals.map { deal in
                guard deal.isWon, let closed = deal.closed?.ordinal, closed <= end, end - closed < 365, let created = deal.created else { return nil }
                return Double(closed - created.ordinal)
            })
    }
}

extension PipelineHealth.Stage {
    fileprivate mutating func add(_ deal: Deal) {
        count += 1
        if let amount = deal.amount { self.amount += amount } else { unpriced += 1 }
    }
}

extension PipelineHealth.Product {
    fileprivate mutating func add(_ deal: Deal) {
        guard deal.isWon else { return lost += 1 }
        won += 1
        revenue += deal.amount ?? 0
        if let closed = deal.closed, let created = deal.created {
            cycleDays += closed.ordinal - created.ordinal
            cycleCount += 1
        }
    }
}
