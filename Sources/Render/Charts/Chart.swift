import FieldbookModel
import FieldbookTemplates

/// A chart drawn at build time: inline SVG that states its numbers in `<title>` and `<desc>`, and the same data as
/// an HTML table for screen readers and print. Colours come from CSS classes (theme variables), so dark mode and
/// print follow the theme, and status is never shown by colour alone.
package struct Chart: TemplateView, Equatable {
    package var svg: String
    package var table: String

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "svg": .value(\.svg),
            "table": .value(\.table),
        ])
}

/// One labelled value of a chart; nil values are gaps.
package struct ChartPoint: Sendable, Equatable {
    package var label: String
    package var value: Double?
    package var target: Double?

    package init(_ label: String, _ value: Double?, target: Double? = nil) {
        self.label = label
        self.value = value
        self.target = target
    }
}

/// The pieces every chart shares: an accessible SVG frame, number formatting and the data table.
struct ChartFrame {
    let id: String
    let title: String
    let width: Double
    let height: Double
    let format: (Double) -> String

    /// The chart: its SVG, and its words (`labels`) laid over it as HTML, so they keep their size however narrow the
    /// chart is drawn (SVG text shrinks with its chart: 12px in a 640-wide chart on a phone is 6px). The words are
    /// placed in percentages of the chart's box, which has the SVG's proportions; the SVG's title and description, and
    /// the data table, say everything they say to screen readers.
    func svg(description: String, body: String, className: String, labels: [ChartLabel] = []) -> String {
        let titleID = escapeAttribute(id + "-title")
        let descID = escapeAttribute(id + "-desc")
        let svg =
            "<svg class=\"chart \(className)\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-labelledby=\"\(titleID) \(descID)\" "
            + "preserveAspectRatio=\"xMidYMid meet\"><title id=\"\(titleID)\">\(escapeHTML(title))</title><desc id=\"\(descID)\">"
            + escapeHTML(description) + "</desc>" + body + "</svg>"
        guard !labels.isEmpty else { return svg }
        var html = "<div class=\"chart-box \(className)-box\">" + svg + "<div class=\"chart-labels\" aria-hidden=\"true\">"
        for label in labels {
            html +=
                "<span class=\"chart-label \(label.className) chart-\(label.anchor.rawValue)\(label.minor ? " chart-minor" : "")\" "
                + "style=\"left:\(n(label.x / width * 100))%;top:\(n(label.y / height * 100))%\">\(escapeHTML(label.text))</span>"
        }
        return html + "</div></div>"
    }

    /// The chart's data as a table: a row per point with its value and, when any point has one, its target.
    func table(_ points: [ChartPoint], headers: (label: String, value: String, target: String), missing: String? = nil) -> String {
        let withTargets = points.contains { $0.target != nil }
        // The wrapper, not the table, is hidden on screen: a table ignores the 1px width that hides it.
        var html =
            "<div class=\"chart-data\"><table><caption>\(escapeHTML(title))</caption><thead><tr><th scope=\"col\">\(escapeHTML(headers.label))</th>"
        html +=
            "<th scope=\"col\">\(escapeHTML(headers.value))</th>" + (withTargets ? "<th scope=\"col\">\(escapeHTML(headers.target))</th>" : "")
            + "</tr></thead><tbody>"
        for point in points {
            html += "<tr><th scope=\"row\">\(escapeHTML(point.label))</th><td>\(escapeHTML(point.value.map(format) ?? missing ?? "–"))</td>"
            if withTargets { html += "<td>\(escapeHTML(point.target.map(format) ?? "–"))</td>" }
            html += "</tr>"
        }
        return html + "</tbody></table></div>"
    }

    /// "Revenue: Jan 2026 $1.2M (target $1.0M), Feb 2026 no data."
    func describe(_ points: [ChartPoint], noData: String, targetWord: String) -> String {
        guard points.contains(where: { $0.value != nil }) else { return "\(title): \(noData)." }
        let parts = points.map { point -> String in
            var text = "\(point.label) " + (point.value.map(format) ?? noData)
            if let target = point.target { text += " (\(targetWord) \(format(target)))" }
            return text
        }
        return "\(title): " + parts.joined(separator: ", ") + "."
    }
}

/// A word or number drawn over a chart at `x`, `y` (in the SVG's units): `start` begins there, `end` ends there,
/// `middle` is centred on it (these three centred vertically on `y`); `below` is centred under it. A `minor` label is
/// left out on narrow screens (every other month of an axis).
struct ChartLabel {
    enum Anchor: String { case start, middle, end, below }

    var x: Double
    var y: Double
    var text: String
    var anchor: Anchor
    var className = "chart-axis"
    var minor = false
}

/// Numbers in SVG attributes: at most two decimals, no trailing zeros, no exponent.
func n(_ value: Double) -> String { JSONOutput.format(value, decimals: 2) }
