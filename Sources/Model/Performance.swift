/// A sales region, such as EMEA.
package struct Region: Sendable, Equatable {
    package var id: String
    package var name: String
    /// Manager id.
    package var manager: String?
    package var timezone: String?

    package init(id: String, name: String, manager: String? = nil, timezone: String? = nil) {
        self.id = id
        self.name = name
        self.manager = manager
        self.timezone = timezone
    }
}

/// A sales manager, leading reps in one region or several.
package struct Manager: Sendable, Equatable {
    package var id: String
    package var name: String
    package var region: String?

    package init(id: String, name: String, region: String? = nil) {
        self.id = id
        self.name = name
        self.region = region
    }
}

/// A sales representative.
package struct Rep: Sendable, Equatable {
    package var id: String
    package var name: String
    package var region: String
    /// Manager id; when absent, the region's manager leads the rep.
    package var manager: String?
    package var title: String?
    package var started: Day?
    package var email: String?

    package init(id: String, name: String, region: String, manager: String? = nil, title: String? = nil, started: Day? = nil, email: String? = nil) {
        self.id = id
        self.name = name
        self.region = region
        self.manager = manager
        self.title = title
        self.started = started
        self.email = email
    }
    /// A rep's share when a region's or the team's target is split among reps without targets of their own
    /// (`weight` in team.json, default 1): 2 takes twice the share of 1.
    package var weight = 1.0
}

/// Who is who: `content/data/team.json`.
package struct Team: Sendable, Equatable {
    package var regions: [Region]
    package var managers: [Manager]
    package var reps: [Rep]

    package init(regions: [Region], managers: [Manager], reps: [Rep]) {
        self.regions = regions
        self.managers = managers
        self.reps = reps
    }

    /// The manager who leads a rep: the rep's own, else the region's.
    package func manager(of rep: Rep) -> String? {
        rep.manager ?? regions.first { $0.id == rep.region }?.manager
    }
}

/// Money as whole cents, so sums are exact however many deals there are.
package typealias Cents = Int64

/// One opportunity from `content/data/deals.json`.
///
/// Stage `won` or `lost` closes a deal on its `closed` date; any other stage is an open deal. A deal dated after the
/// as-of date does not exist yet; one closed after it is still open.
package struct Deal: Sendable, Equatable {
    package var id: String
    package var rep: String
    package var account: String?
    package var product: String?
    package var stage: String
    package var amount: Cents?
    package var created: Day?
    package var closed: Day?
    package var expectedClose: Day?
    /// 0...1; when absent, the stage's probability from `fieldbook.json` `pipeline.stages`.
    package var probability: Double?

    package init(
        id: String, rep: String, account: String? = nil, product: String? = nil, stage: String, amount: Cents? = nil, created: Day? = nil,
        closed: Day? = nil, expectedClose: Day? = nil, probability: Double? = nil
    ) {
        self.id = id
        self.rep = rep
        self.account = account
        self.product = product
        self.stage = stage
        self.amount = amount
        self.created = created
        self.closed = closed
        self.expectedClose = expectedClose
        self.probability = probability
    }

    /// True for a deal seen as it stood on an as-of date before it closed (`as(of:)`): open, at a stage unknown then.
    package var closedLater = false
    /// The amount is an estimate: the product's list price, given at import to an open deal the CRM left unvalued
    /// (`"amount_estimated": true` in deals.json). Pipeline cards say how many such deals they include.
    package var amountEstimated = false

    package var isWon: Bool { stage == "won" }
    package var isLost: Bool { stage == "lost" }
}

/// Who a target is for.
package enum TargetScope: Hashable, Sendable {
    case rep(String)
    case region(String)
    case team
}

/// One row of `content/data/targets.json`: a scope, a period and a value per KPI.
package struct TargetRecord: Sendable, Equatable {
    package var scope: TargetScope
    package var period: Period
    package var values: [String: Double]

    package init(scope: TargetScope, period: Period, values: [String: Double]) {
        self.scope = scope
        self.period = period
        self.values = values
    }
}

/// One row of `content/data/metrics.json`: a rep's figures for one month that do not come from deals.
package struct MetricRecord: Sendable, Equatable {
    package var rep: String
    package var month: Int
    package var values: [String: Double]

    package init(rep: String, month: Int, values: [String: Double]) {
        self.rep = rep
        self.month = month
        self.values = values
    }
}

/// A KPI: the built-in ones come from deals; `content/data/kpis.json` describes the metrics of `metrics.json`.
package struct KPIDefinition: Sendable, Equatable {
    package enum Unit: String, Sendable, CaseIterable { case count, currency, percent, score, days }
    package enum Better: String, Sendable, CaseIterable { case higher, lower }
    /// How monthly records combine into a quarter or year.
    package enum Aggregate: String, Sendable, CaseIterable { case sum, mean, last }

    package var id: String
    package var label: String
    package var unit: Unit
    package var better: Better
    package var aggregate: Aggregate

    package init(id: String, label: String, unit: Unit, better: Better, aggregate: Aggregate) {
        self.id = id
        self.label = label
        self.unit = unit
        self.better = better
        self.aggregate = aggregate
    }
}

/// One completed lesson from `content/data/training.json`.
package struct TrainingRecord: Sendable, Equatable {
    package var rep: String
    /// `<course>/<lesson>`.
    package var lesson: String
    package var completed: Day
    package var score: Double?
    /// Where the record is, for reporting a lesson that does not exist once the library is known.
    package var location: SourceLocation

    package init(rep: String, lesson: String, completed: Day, score: Double? = nil, location: SourceLocation) {
        self.rep = rep
        self.lesson = lesson
        self.completed = completed
        self.score = score
        self.location = location
    }
}

/// Everything in `content/data/`, checked: every reference resolves, every id is unique.
public struct PerformanceData: Sendable, Equatable {
    package var team: Team
    package var deals: [Deal]
    package var targets: [TargetRecord]
    package var metrics: [MetricRecord]
    /// Metric definitions from `kpis.json` (the built-in KPIs are in `KPI.builtIn`).
    package var metricDefinitions: [KPIDefinition]
    package var training: [TrainingRecord]
    /// Deal tallies from a warehouse (`rollups.json`), in place of `deals`: a portal has one or the other.
    package var rollups: Rollups?
    /// With rollups, the warehouse's extract of the largest deals behind each list (`extract.json`, from
    /// `sql/extracts.sql`): what the lists show, never what a figure counts.
    package var extract: [Deal] = []

    package init(
        team: Team, deals: [Deal], targets: [TargetRecord], metrics: [MetricRecord], metricDefinitions: [KPIDefinition], training: [TrainingRecord]
    ) {
        self.team = team
        self.deals = deals
        self.targets = targets
        self.metrics = metrics
        self.metricDefinitions = metricDefinitions
        self.training = training
    }
}
