import Testing

@testable import FieldbookAnalyze
@testable import FieldbookModel
@testable import FieldbookRender

@Suite struct ChartBuilderTests {
    let builder = ChartBuilder(words: .english)
    let money = FigureFormatter(locale: .english, currency: "USD")

    @Test func lineChartStatesItsNumbersAndMarksThePartialPeriod() {
        let chart = builder.line(
            id: "revenue", title: "Revenue",
            points: [ChartPoint("Sep", 1000, target: 900), ChartPoint("Oct", nil, target: 900), ChartPoint("Nov", 400, target: 900)],
            lastIsPartial: true, format: { money.money($0) })
        #expect(
            chart.svg.hasPrefix(
                "<div class=\"chart-box chart-line-chart-box\"><svg class=\"chart chart-line-chart\" viewBox=\"0 0 640 240\" role=\"img\" "
                    + "aria-labelledby=\"revenue-title revenue-desc\""))
        // Its words are HTML over the SVG, placed in percent of its box (x 64 of 640 is 10%; the axis is 6 below y 212).
        #expect(!chart.svg.contains("<text"))
        #expect(chart.svg.contains("<div class=\"chart-labels\" aria-hidden=\"true\">"))
        #expect(chart.svg.contains("<span class=\"chart-label chart-axis chart-below\" style=\"left:10%;top:90.83%\">Sep</span>"))
        #expect(chart.svg.contains("<span class=\"chart-label chart-axis chart-end\" style=\"left:8.75%;top:88.33%\">$0</span>"))
        #expect(chart.svg.contains("<title id=\"revenue-title\">Revenue</title>"))
        #expect(
            chart.svg.contains(
                "<desc id=\"revenue-desc\">Revenue: Sep $1,000 (target $900), Oct no data (target $900), Nov $400 (target $900). Nov: so far.</desc>")
        )
        #expect(chart.svg.contains("class=\"chart-dot chart-partial\""))
        // The gap in October splits the actual line: no polyline of the actuals has more than one point around it.
        #expect(!chart.svg.contains("<polyline class=\"chart-line\""))
        #expect(chart.svg.components(separatedBy: "<polyline class=\"chart-target\"").count == 2)
        #expect(chart.table.contains("<tr><th scope=\"row\">Oct</th><td>–</td><td>$900</td></tr>"))
    }

    @Test func emptyAndAllNullSeriesSayNoData() {
        for points in [[], [ChartPoint("Jan", nil), ChartPoint("Feb", nil)]] {
            let chart = builder.line(id: "x", title: "Calls", points: points, lastIsPartial: false, format: { String($0) })
            #expect(chart.svg.contains("chart-empty chart-middle\" style=\"left:50%;top:50%\">no data</span>"))
            #expect(chart.svg.contains("<desc id=\"x-desc\">Calls: no data.</desc>"))
            #expect(!chart.svg.contains("polyline"))
        }
    }

    @Test func singlePointIsCentred() {
        let chart = builder.line(id: "x", title: "Revenue", points: [ChartPoint("Nov", 5)], lastIsPartial: false, format: { String($0) })
        #expect(chart.svg.contains("<circle class=\"chart-dot\" cx=\"332\""))
    }

    @Test func barsGrowFromZeroBothWaysWithTargetTicks() {
        let chart = builder.bars(
            id: "att", title: "Attainment", points: [ChartPoint("EMEA", 1.2, target: 1), ChartPoint("APAC", -0.1, target: 1), ChartPoint("NA", nil)],
            format: { money.percent($0) })
        #expect(chart.svg.components(separatedBy: "<rect class=\"chart-bar\"").count == 3)
        #expect(chart.svg.components(separatedBy: "chart-target-tick").count == 3)
        #expect(chart.svg.contains(">120.0%</span>"))
        #expect(chart.svg.contains(">-10.0%</span>"))
        #expect(chart.svg.contains("Attainment: EMEA 120.0% (target 100.0%), APAC -10.0% (target 100.0%), NA no data."))
    }

    /// A region without a target says so in words, in the chart and its table, and gets no 100% mark.
    @Test func barsSayWhatIsMissingInWords() {
        let chart = builder.bars(
            id: "att", title: "Attainment", points: [ChartPoint("East", 0.9, target: 1), ChartPoint("West", nil)], missing: "no target",
            format: { money.percent($0) })
        #expect(chart.svg.components(separatedBy: "chart-target-tick").count == 2)
        // Row 2 of a 68-high chart: its middle at 4 + 30 + 13 = 47, 69.12%; the word starts at the zero line, 150 of 640.
        #expect(chart.svg.contains("chart-empty chart-start\" style=\"left:23.44%;top:69.12%\">no target</span>"))
        #expect(chart.svg.contains("Attainment: East 90.0% (target 100.0%), West no target."))
        #expect(chart.table.contains("<tr><th scope=\"row\">West</th><td>no target</td><td>–</td></tr>"))
    }

    /// A value just short of its target is written after the target's mark, not through it.
    @Test func aValueNearItsTargetIsWrittenPastTheMark() {
        let chart = builder.bars(id: "att", title: "Attainment", points: [ChartPoint("East", 0.95, target: 1)], format: { money.percent($0) })
        // The scale runs 0 to 1 over 150 to 560: the bar ends at 539.5, the mark at 560, the value at 566 (88.44%).
        #expect(chart.svg.contains("chart-value chart-start\" style=\"left:88.44%;top:"))
    }

    /// A course's bar is scaled to the course: all of its lessons fill the track.
    @Test func bulletWithAMaximumFillsItsTrack() {
        let done = builder.bullet(id: "c", title: "Onboarding", actual: 7, target: 7, maximum: 7, format: { String(Int($0)) })
        #expect(done.svg.contains("<rect class=\"chart-bar\" x=\"0\" y=\"8\" width=\"240\" height=\"8\"/>"))
        let half = builder.bullet(id: "c", title: "Onboarding", actual: 1, target: 2, maximum: 2, format: { String(Int($0)) })
        #expect(half.svg.contains("width=\"120\" height=\"8\""))
        #expect(half.svg.contains("x1=\"240\" x2=\"240\""))
    }

    @Test func bulletAndSparkline() {
        let bullet = builder.bullet(id: "b", title: "Revenue", actual: 80, target: 100, format: { String(Int($0)) })
        #expect(bullet.svg.contains("<desc id=\"b-desc\">Revenue: Revenue 80 (target 100).</desc>"))
        #expect(bullet.svg.contains("chart-target-tick"))
        let spark = builder.sparkline(
            id: "s", title: "Trend", points: [ChartPoint("a", 1), ChartPoint("b", nil), ChartPoint("c", 3), ChartPoint("d", 2)],
            format: { String(Int($0)) })
        // The gap after "a" leaves it a lone point; "c" to "d" is the line.
        #expect(spark.svg.contains("<polyline class=\"chart-line\" points=\"79.33,4 118,14\"/>"))
        #expect(spark.svg.contains("<circle class=\"chart-dot\" cx=\"118\""))
    }

    @Test func labelsAreEscaped() {
        let chart = builder.bars(id: "x\"", title: "<b>", points: [ChartPoint("<script>", 1)], format: { String($0) })
        #expect(!chart.svg.contains("<script>"))
        #expect(!chart.svg.contains("<b>"))
        #expect(!chart.table.contains("<script>"))
    }
}
