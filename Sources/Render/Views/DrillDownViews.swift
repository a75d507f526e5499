import FieldbookModel
import FieldbookTemplates

/// The page behind a team's, region's, manager's or rep's figures for one period (`…/deals/`): the deals each card
/// counts (`DealLists`), and for a group its regions or reps with the figure of every card no list stands behind.
package struct DealsPageView: TemplateView {
    package var header: PerformanceHeaderView
    /// The page whose figures these are.
    package var back: LinkView
    package var lists: [DealListView]
    /// "By region" on the team's pages, "By rep" on a region's or manager's; absent on a rep's.
    package var membersTitle: String?
    /// The names of the cards whose figure leads to the members' (`PerformancePlanner.memberKPIs`); none, no table.
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
    /// "The 50 largest of 412 deals are listed." when the list is cut.
    package var note: String?
    /// The heading of the date column: closed, created, or expected close.
    package var dateLabel: String
    package var rows: [DealListRowView]
    /// False on a scorecard, where every deal is the rep's own: the rep column would repeat one name on every row.
    package var showRep = true

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "showRep": .value(\.showRep),
            "id": .value(\.id),
            "title": .value(\.title),
            "summary": .value(\.summary),
            "note": .value(\.note),
            "dateLabel": .value(\.dateLabel),
            "rows": .value(\.rows),
            "hasRows": .value { !$0.rows.isEmpty },
        ])
}

/// A deal in a drill-down list; the amount's value and `dateValue` are what a CSV download takes.
package struct DealListRowView: TemplateView {
    package var id: String
    package var rep: String
    package var repURL: String?
    package var account: String
    package var product: String
    package var stage: String
    package var amount: Figure
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
            "amount": .value(\.amount.text),
            "amountValue": .value(\.amount.sortKey),
            "date": .value(\.date),
            "dateValue": .value(\.dateValue),
        ])
}

/// A region or rep behind a group's figures: its figure for every card KPI, in the cards' order.
package struct MemberRowView: TemplateView {
    package var name: String
    package var url: String?
    package var cells: [Figure]

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "name": .value(\.name),
            "url": .value(\.url),
            "cells": .value(\.cells),
        ])
}
