import FieldbookModel
import FieldbookTemplates

/// The page behind a team's, region's, manager's or rep's figures for one period (`…/deals/`): the deals each card
/// counts (`DealLists`), and for a group its regions or reps with every card's figure.
package struct DealsPageView: TemplateView {
    package var header: PerformanceHeaderView
    /// The page whose figures these are.
    package var back: LinkView
    package var lists: [DealListView]
    /// "By region" on the team's pages, "By rep" on a region's or manager's; absent on a rep's.
    package var membersTitle: String?
    package var columns: [String]
    package var members: [MemberRowView]

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "back": .value(\.back),
            "lists": .value(\.lists),
            "membersTitle": .value(\.membersTitle),
            "columns": .value(\.columns),
            "members": .value(\.members),
            "hasMembers": .value { !$0.members.isEmpty },
        ],
        including: [TemplateField.lifting(PerformanceHeaderView.templateFields, from: \.header)])
}

/// One list of deals behind a card: its anchor (`won`, `lost`, `created`, `open`), what it holds, and its rows.
package struct DealListView: TemplateView {
    package var id: String
    package var title: String
    /// "412 deals · $1.2M".
    package var summary: String
    /// "The 100 largest of 412 deals." when the list is cut.
    package var note: String?
    /// The heading of the date column: closed, created, or expected close.
    package var dateLabel: String
    package var rows: [DealListRowView]

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "id": .value(\.id),
            "title": .value(\.title),
            "summary": .value(\.summary),
            "note": .value(\.note),
            "dateLabel": .value(\.dateLabel),
            "rows": .value(\.rows),
            "hasRows": .value { !$0.rows.isEmpty },
        ])
}

/// A deal in a drill-down list; `amountValue` and `dateValue` are what a CSV download takes.
package struct DealListRowView: TemplateView {
    package var id: String
    package var rep: String
    package var repURL: String?
    package var account: String
    package var product: String
    package var stage: String
    package var amount: String
    package var amountValue: String
    package var date: String
    package var dateValue: String

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "id": .value(\.id),
            "rep": .value(\.rep),
            "repURL": .value(\.repURL),
            "account": .value(\.account),
            "product": .value(\.product),
            "stage": .value(\.stage),
            "amount": .value(\.amount),
            "amountValue": .value(\.amountValue),
            "date": .value(\.date),
            "dateValue": .value(\.dateValue),
        ])
}

/// A region or rep behind a group's figures: its figure for every card KPI, in the cards' order.
package struct MemberRowView: TemplateView {
    package var name: String
    package var url: String?
    package var cells: [CellView]

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "name": .value(\.name),
            "url": .value(\.url),
            "cells": .value(\.cells),
        ])
}

/// A figure as read (`text`) and as a number (`value`, for sorting and CSV; empty when absent).
package struct CellView: TemplateView {
    package var text: String
    package var value: String

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "text": .value(\.text),
            "value": .value(\.value),
        ])
}

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
