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
        let (left, right, top, bottom) = (64.0, 628.0, 12.0, 212.0)
        let values = points.flatMap { [$0.value, $0.target].compactMap { $0 } }
        var body = ""
        var description = frame.describe(points, noData: words.noData, targetWord: words.target.lowercased())
        if values.isEmpty {
            body = "<text class=\"chart-empty\" x=\"320\" y=\"120\" text-anchor=\"middle\">\(escapeHTML(words.noData))</text>"
        } else {
            let y = LinearScale(covering: values, includeZero: values.allSatisfy { $0 >= 0 }, range: (bottom, top))
            let step = points.count > 1 ? (right - left) / Double(points.count - 1) : 0
            func x(_ index: Int) -> Double { points.count > 1 ? left + Double(index) * step : (left + right) / 2 }
            for tick in y.ticks {
                body += "<line class=\"chart-grid\" x1=\"\(n(left))\" x2=\"\(n(right))\" y1=\"\(n(y(tick)))\" y2=\"\(n(y(tick)))\"/>"
                body +=
                    "<text class=\"chart-axis\" x=\"\(n(left - 8))\" y=\"\(n(y(tick) + 4))\" text-anchor=\"end\">\(escapeHTML(format(tick)))</text>"
            }
            let labelEvery = max(1, (points.count + 7) / 8)
            for (index, point) in points.enumerated() where index % labelEvery == 0 || index == points.count - 1 {
                body +=
                    "<text class=\"chart-axis\" x=\"\(n(x(index)))\" y=\"\(n(bottom + 20))\" text-anchor=\"middle\">\(escapeHTML(point.label))</text>"
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
            svg: frame.svg(description: description, body: body, className: "chart-line-chart"),
            table: frame.table(points, headers: (words.period, words.actual, words.target)))
    }

    /// Horizontal bars from zero, each with an optional target tick; values may be negative.
    package func bars(id: String, title: String, points: [ChartPoint], format: @escaping (Double) -> String) -> Chart {
        let rowHeight = 30.0
        let height = max(40, Double(points.count) * rowHeight + 8)
        let frame = ChartFrame(id: id, title: title, width: 640, height: height, format: format)
        let (left, right) = (150.0, 560.0)
        let values = points.flatMap { [$0.value, $0.target].compactMap { $0 } }
        var body = ""
        if values.isEmpty {
            body = "<text class=\"chart-empty\" x=\"320\" y=\"24\" text-anchor=\"middle\">\(escapeHTML(words.noData))</text>"
        } else {
            let x = LinearScale(covering: values, includeZero: true, range: (left, right))
            for (index, point) in points.enumerated() {
                let top = 4 + Double(index) * rowHeight
                body += "<text class=\"chart-axis\" x=\"\(n(left - 8))\" y=\"\(n(top + 17))\" text-anchor=\"end\">\(escapeHTML(point.label))</text>"
                if let value = point.value {
                    let start = min(x(0), x(value))
                    body += "<rect class=\"chart-bar\" x=\"\(n(start))\" y=\"\(n(top + 4))\" width=\"\(n(abs(x(value) - x(0))))\" height=\"18\"/>"
                    body += "<text class=\"chart-value\" x=\"\(n(max(x(value), x(0)) + 6))\" y=\"\(n(top + 17))\">\(escapeHTML(format(value)))</text>"
                }
                if let target = point.target {
                    body += "<line class=\"chart-target-tick\" x1=\"\(n(x(target)))\" x2=\"\(n(x(target)))\" y1=\"\(n(top))\" y2=\"\(n(top + 26))\"/>"
                }
            }
        }
        let description = frame.describe(points, noData: words.noData, targetWord: words.target.lowercased())
        return Chart(
            svg: frame.svg(description: description, body: body, className: "chart-bar-chart"),
            table: frame.table(points, headers: (words.period, words.actual, words.target)))
    }

    /// One actual against its target: a bar on a track, the target as a vertical mark.
    package func bullet(id: String, title: String, actual: Double?, target: Double?, format: @escaping (Double) -> String) -> Chart {
        let frame = ChartFrame(id: id, title: title, width: 240, height: 24, format: format)
        let point = ChartPoint(title, actual, target: target)
        var body = "<rect class=\"chart-track\" x=\"0\" y=\"6\" width=\"240\" height=\"12\" rx=\"2\"/>"
        let values = [actual, target].compactMap { $0 }
        if !values.isEmpty {
            let x = LinearScale(covering: values.map { max($0, 0) } + [(target ?? 0) * 1.2], includeZero: true, range: (0, 240), tickCount: 2)
            if let actual { body += "<rect class=\"chart-bar\" x=\"0\" y=\"8\" width=\"\(n(x(max(actual, 0))))\" height=\"8\"/>" }
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
