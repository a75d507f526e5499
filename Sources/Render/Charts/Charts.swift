import FieldbookModel

/// The words charts need, in the portal's language.
package struct ChartWords: Sendable {
    package var period: String
    package var actual: String
    package var target: String
    package var noData: String
    package var partial: String

    package static let english = ChartWords(period: "Period", actual: "Actual", target: "Target", noData: "no data", partial: "so far")
    package static let chinese = ChartWords(period: "期间", actual: "实际", target: "目标", noData: "无数据", partial: "截至目前")
}

/// Builds the four kinds of chart the portal draws.
package struct ChartBuilder: Sendable {
    package var words: ChartWords

    package init(words: ChartWords) {
        self.words = words
    }

    /// A trend over periods with an optional dashed target line; the last point is hollow when its period is partial.
    package func line(id: String, title: String, points: [ChartPoint], lastIsPartial: Bool, format: @escaping (Double) -> String) -> Chart {
        let frame = ChartFrame(id: id, title: title, width: 640, height: 240, format: format)
        let (left, right, top, bottom) = (64.0, 600.0, 12.0, 212.0)  // room on the right to centre the last month under its point
        let values = points.flatMap { [$0.value, $0.target].compactMap { $0 } }
        var body = ""
        var labels: [ChartLabel] = []
        var description = frame.describe(points, noData: words.noData, targetWord: words.target.lowercased())
        if values.isEmpty {
            labels.append(ChartLabel(x: 320, y: 120, text: words.noData, anchor: .middle, className: "chart-empty"))
        } else {
            let y = LinearScale(covering: values, includeZero: values.allSatisfy { $0 >= 0 }, range: (bottom, top))
            let step = points.count > 1 ? (right - left) / Double(points.count - 1) : 0
            func x(_ index: Int) -> Double { points.count > 1 ? left + Double(index) * step : (left + right) / 2 }
            for tick in y.ticks {
                body += "<line class=\"chart-grid\" x1=\"\(n(left))\" x2=\"\(n(right))\" y1=\"\(n(y(tick)))\" y2=\"\(n(y(tick)))\"/>"
                labels.append(ChartLabel(x: left - 8, y: y(tick), text: format(tick), anchor: .end))
            }
            // At most eight labels along the axis, evenly spaced back from the last one; on narrow screens every other one.
            let labelEvery = max(1, (points.count + 7) / 8)
            let labelled = points.indices.filter { (points.count - 1 - $0) % labelEvery == 0 }
            for (position, index) in labelled.enumerated() {
                labels.append(
                    ChartLabel(x: x(index), y: bottom + 6, text: points[index].label, anchor: .below, minor: (labelled.count - 1 - position) % 2 == 1)
                )
            }
            body += path(points.map(\.target), x: x, y: y, className: "chart-target")
            body += path(points.map(\.value), x: x, y: y, className: "chart-line")
            for (index, point) in points.enumerated() {
                guard let value = point.value else { continue }
                let partial = lastIsPartial && index == points.count - 1
                body +=
                    "<circle class=\"chart-dot\(partial ? " chart-partial" : "")\" cx=\"\(n(x(index)))\" cy=\"\(n(y(value)))\" r=\"\(partial ? 5 : 3)\"/>"
            }
            if lastIsPartial, let last = points.last, last.value != nil { description += " \(last.label): \(words.partial)." }
        }
        return Chart(
            svg: frame.svg(description: description, body: body, className: "chart-line-chart", labels: labels),
            table: frame.table(points, headers: (words.period, words.actual, words.target)))
    }

    /// Horizontal bars from zero, each with an optional target tick; values may be negative. A point without a value
    /// says `missing` in words where its bar would be ("no target"), and has no tick.
    /// `columns` names the data table's first two columns when they are not a period and its actual.
    package func bars(
        id: String, title: String, points: [ChartPoint], missing: String? = nil, columns: (label: String, value: String)? = nil,
        format: @escaping (Double) -> String
    ) -> Chart {
        let rowHeight = 30.0
        let height = max(40, Double(points.count) * rowHeight + 8)
        let frame = ChartFrame(id: id, title: title, width: 640, height: height, format: format)
        let (left, right) = (150.0, 560.0)
        let values = points.flatMap { [$0.value, $0.target].compactMap { $0 } }
        var body = ""
        var labels: [ChartLabel] = []
        if values.isEmpty && missing == nil {
            labels.append(ChartLabel(x: 320, y: 20, text: words.noData, anchor: .middle, className: "chart-empty"))
        } else {
            let x = LinearScale(covering: values.isEmpty ? [0] : values, includeZero: true, range: (left, right))
            for (index, point) in points.enumerated() {
                let top = 4 + Double(index) * rowHeight
                labels.append(ChartLabel(x: left - 8, y: top + 13, text: point.label, anchor: .end, className: "chart-axis chart-category"))
                guard let value = point.value else {
                    if let missing { labels.append(ChartLabel(x: left, y: top + 13, text: missing, anchor: .start, className: "chart-empty")) }
                    continue
                }
                let start = min(x(0), x(value))
                body += "<rect class=\"chart-bar\" x=\"\(n(start))\" y=\"\(n(top + 4))\" width=\"\(n(abs(x(value) - x(0))))\" height=\"18\"/>"
                // The value follows its bar, or the target's mark when that is just past the bar (not "91|7%").
                let end = max(x(value), x(0))
                let mark = point.target.map { x($0) }.flatMap { $0 >= end && $0 - end < 60 ? $0 : nil }
                labels.append(ChartLabel(x: (mark ?? end) + 6, y: top + 13, text: format(value), anchor: .start, className: "chart-value"))
                if let target = point.target {
                    body += "<line class=\"chart-target-tick\" x1=\"\(n(x(target)))\" x2=\"\(n(x(target)))\" y1=\"\(n(top))\" y2=\"\(n(top + 26))\"/>"
                }
            }
        }
        let description = frame.describe(points, noData: missing ?? words.noData, targetWord: words.target.lowercased())
        return Chart(
            svg: frame.svg(description: description, body: body, className: "chart-bar-chart", labels: labels),
            table: frame.table(points, headers: (columns?.label ?? words.period, columns?.value ?? words.actual, words.target), missing: missing))
    }

    /// One actual against its target: a bar on a track, the target as a vertical mark. With a `maximum` the track is
    /// exactly 0 to it (a course's lessons: the bar fills when every lesson is done); without, it runs a fifth past
    /// the target.
    package func bullet(
        id: String, title: String, actual: Double?, target: Double?, maximum: Double? = nil, format: @escaping (Double) -> String
    ) -> Chart {
        let frame = ChartFrame(id: id, title: title, width: 240, height: 24, format: format)
        let point = ChartPoint(title, actual, target: target)
        var body = "<rect class=\"chart-track\" x=\"0\" y=\"6\" width=\"240\" height=\"12\" rx=\"2\"/>"
        let values = [actual, target].compactMap { $0 }
        if !values.isEmpty {
            let x =
                maximum.map { LinearScale(domain: (0, $0), range: (0, 240)) }
                ?? LinearScale(covering: values.map { max($0, 0) } + [(target ?? 0) * 1.2], includeZero: true, range: (0, 240), tickCount: 2)
            if let actual { body += "<rect class=\"chart-bar\" x=\"0\" y=\"8\" width=\"\(n(min(x(max(actual, 0)), 240)))\" height=\"8\"/>" }
            if let target { body += "<line class=\"chart-target-tick\" x1=\"\(n(x(target)))\" x2=\"\(n(x(target)))\" y1=\"2\" y2=\"22\"/>" }
        }
        let description = frame.describe([point], noData: words.noData, targetWord: words.target.lowercased())
        return Chart(svg: frame.svg(description: description, body: body, className: "chart-bullet"), table: "")
    }

    /// A small trend line without axes; gaps stay gaps, the last point is marked.
    package func sparkline(id: String, title: String, points: [ChartPoint], format: @escaping (Double) -> String) -> Chart {
        let frame = ChartFrame(id: id, title: title, width: 120, height: 28, format: format)
        let values = points.compactMap(\.value)
        var body = ""
        if !values.isEmpty {
            let y = LinearScale(covering: values, includeZero: false, range: (24, 4), tickCount: 2)
            func x(_ index: Int) -> Double { points.count > 1 ? 2 + Double(index) * 116 / Double(points.count - 1) : 60 }
            body += path(points.map(\.value), x: x, y: y, className: "chart-line")
            if let last = points.indices.last(where: { points[$0].value != nil }), let value = points[last].value {
                body += "<circle class=\"chart-dot\" cx=\"\(n(x(last)))\" cy=\"\(n(y(value)))\" r=\"2.5\"/>"
            }
        }
        let description = frame.describe(points, noData: words.noData, targetWord: words.target.lowercased())
        return Chart(svg: frame.svg(description: description, body: body, className: "chart-sparkline"), table: "")
    }

    /// A polyline through the known values; a missing value breaks it into separate segments.
    private func path(_ values: [Double?], x: (Int) -> Double, y: LinearScale, className: String) -> String {
        var segments: [[String]] = [[]]
        for (index, value) in values.enumerated() {
            if let value {
                segments[segments.count - 1].append("\(n(x(index))),\(n(y(value)))")
            } else if !segments[segments.count - 1].isEmpty {
                segments.append([])
            }
        }
        return segments.filter { $0.count > 1 }.map { "<polyline class=\"\(className)\" points=\"\($0.joined(separator: " "))\"/>" }.joined()
    }
}
