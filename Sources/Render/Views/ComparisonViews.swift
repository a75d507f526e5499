import FieldbookModel
import FieldbookTemplates

/// A rep's KPI beside the median of their region's reps and of the team's (the scorecard's comparison table).
package struct ComparisonRowView: TemplateView {
    package var label: String
    package var value: String
    package var region: String
    package var team: String

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "label": .value(\.label),
            "value": .value(\.value),
            "region": .value(\.region),
            "team": .value(\.team),
        ])
}

/// How a group's reps spread over revenue attainment bands (`PeerComparison.distribution`), as a bar chart; the note
/// says how many reps have no revenue target and are left out.
package struct DistributionView: TemplateView {
    package var chart: Chart
    package var note: String?

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "chart": .value(\.chart),
            "note": .value(\.note),
        ])
}

/// A region in the team page's side-by-side table.
package struct RegionRowView: TemplateView {
    package var name: String
    package var url: String
    package var reps: String
    package var revenue: String
    package var target: String
    package var attainment: String
    package var status: String?
    package var statusClass: String
    package var winRate: String
    package var dealsWon: String
    package var pipeline: String

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "name": .value(\.name),
            "url": .value(\.url),
            "reps": .value(\.reps),
            "revenue": .value(\.revenue),
            "target": .value(\.target),
            "attainment": .value(\.attainment),
            "status": .value(\.status),
            "statusClass": .value(\.statusClass),
            "winRate": .value(\.winRate),
            "dealsWon": .value(\.dealsWon),
            "pipeline": .value(\.pipeline),
        ])
}

/// One KPI to work on (`Coaching`): what it is, the numbers that say why, and the open lessons tied to it.
package struct FocusView: TemplateView {
    package var label: String
    package var why: String
    package var lessons: [LinkView]

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "label": .value(\.label),
            "why": .value(\.why),
            "lessons": .value(\.lessons),
            "hasLessons": .value { !$0.lessons.isEmpty },
        ])
}

/// A record on the team dashboard: the largest deal of the quarter, the most improved rep.
package struct RecordView: TemplateView {
    package var title: String
    package var value: String
    package var name: String
    package var url: String?

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "title": .value(\.title),
            "value": .value(\.value),
            "name": .value(\.name),
            "url": .value(\.url),
        ])
}
