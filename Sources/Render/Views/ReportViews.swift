import FieldbookTemplates

/// A period's report at `/reports/<period>/`: what a manager pastes into the team's email or chat. The sections are
/// shown as lists, and written once more as plain text (`text`) to copy.
package struct ReportView: TemplateView {
    package var header: PerformanceHeaderView
    /// The team dashboard for the period.
    package var dashboard: LinkView
    package var sections: [ReportSectionView]
    package var text: String

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "dashboard": .value(\.dashboard),
            "sections": .value(\.sections),
            "text": .value(\.text),
        ],
        including: [TemplateField.lifting(PerformanceHeaderView.templateFields, from: \.header)])
}

/// One part of a report ("Key figures", "Who moved", …) and its lines.
package struct ReportSectionView: TemplateView {
    package var title: String
    package var lines: [ReportLineView]

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "title": .value(\.title),
            "lines": .value(\.lines),
        ])
}

/// A line of a report: who or what it is about (`lead`, linked when it has a page), then what it says.
package struct ReportLineView: TemplateView {
    package var lead: String?
    package var url: String?
    package var text: String

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "lead": .value(\.lead),
            "url": .value(\.url),
            "text": .value(\.text),
        ])
}
