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
                "<svg class=\"chart chart-line-chart\" viewBox=\"0 0 640 240\" role=\"img\" aria-labelledby=\"revenue-title revenue-desc\""))
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
            #expect(chart.svg.contains(">no data</text>"))
            #expect(chart.svg.contains("<desc id=\"x-desc\">Calls: no data.</desc>"))
            #expect(!chart.svg.contains("polyline"))
        }
    }

    @Test func singlePointIsCentred() {
        let chart = builder.line(id: "x", title: "Revenue", points: [ChartPoint("Nov", 5)], lastIsPartial: false, format: { String($0) })
        #expect(chart.svg.contains("<circle class=\"chart-dot\" cx=\"346\""))
    }

    @Test func barsGrowFromZeroBothWaysWithTargetTicks() {
        let chart = builder.bars(
            id: "att", title: "Attainment", points: [ChartPoint("EMEA", 1.2, target: 1), ChartPoint("APAC", -0.1, target: 1), ChartPoint("NA", nil)],
            format: { money.percent($0) })
        #expect(chart.svg.components(separatedBy: "<rect class=\"chart-bar\"").count == 3)
        #expect(chart.svg.components(separatedBy: "chart-target-tick").count == 3)
        #expect(chart.svg.contains(">120.0%</text>"))
        #expect(chart.svg.contains(">-10.0%</text>"))
        #expect(chart.svg.contains("Attainment: EMEA 120.0% (target 100.0%), APAC -10.0% (target 100.0%), NA no data."))
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
