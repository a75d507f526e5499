import FieldbookModel
import FieldbookTemplates

/// A number as a page shows it: the value, for ranking, risk and sorting, and its text, for reading. Numbers stay
/// numbers until the template; nothing parses a figure back from its text.
package struct Figure: TemplateView, Equatable {
    package var value: Double?
    /// The value formatted for the portal's locale: "$1.2M", "91.7%", "–" when there is none.
    package var text: String
    /// Decimals of the sort key a table's script sorts by (the text may be rounded or abbreviated).
    package var sortDecimals: Int

    package init(_ value: Double?, text: String, sortDecimals: Int = 6) {
        self.value = value
        self.text = text
        self.sortDecimals = sortDecimals
    }

    /// The value in plain JSON number form, for sorting in the browser and a table's CSV; empty when there is none
    /// (a table's script sorts it below every figure, and its CSV leaves the field empty).
    package var sortKey: String { value.map { JSONOutput.format($0, decimals: sortDecimals) } ?? "" }

    /// In a template: `text` to read, `value` for a cell's `data-value`.
    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "text": .value(\.text),
            "value": .value(\.sortKey),
        ])
}

extension Status {
    /// The class that colours a status: `status-on-track`, `status-at-risk`, `status-behind`, `status-none`.
    package static func cssClass(_ status: Status?) -> String { "status-\(status?.rawValue ?? "none")" }
}
