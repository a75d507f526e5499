import FieldbookTestSupport
import Foundation
import Testing

@testable import FieldbookCore
@testable import FieldbookRender

/// Template rendering alone: the example portal's pages through the engine, one thread, `FIELDBOOK_BENCH_ROUNDS`
/// rounds (20). Run in release: `FIELDBOOK_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter
/// TemplateRenderingBenchmark`. From `e3a7df9` to `d6eca65` it also rendered every page through swift-mustache (same
/// view models, same bytes) and printed the ratio; BENCHMARKS.md has those runs.
@Suite struct TemplateRenderingBenchmark {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["FIELDBOOK_BENCH"] != nil))
    func examplePortalPages() throws {
        let (renderer, pages) = try #require(Pipeline.plannedPages(BuildOptions(portal: Repository.root.path)))
        let rounds = Int(ProcessInfo.processInfo.environment["FIELDBOOK_BENCH_ROUNDS"] ?? "") ?? 20
        var bytes = 0
        let time = ContinuousClock().measure {
            for _ in 0..<rounds {
                for page in pages { bytes &+= (try? renderer.renderPage(page).get().count) ?? 0 }
            }
        }
        #expect(bytes > 0)
        let milliseconds = (Double(time.components.seconds) * 1000 + Double(time.components.attoseconds) / 1e15) / Double(rounds)
        print(
            "template rendering, \(pages.count) pages of the example portal, \(rounds) rounds: "
                + "\(String(format: "%.2f", milliseconds)) ms/round, \(String(format: "%.1f", milliseconds * 1000 / Double(pages.count))) µs/page")
    }

    /// Rendering against fingerprinting (what an unchanged page costs a rebuild), per template, on the portal in
    /// `FIELDBOOK_BENCH_PORTAL` (the example portal without it).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["FIELDBOOK_BENCH"] != nil))
    func renderingAgainstFingerprinting() throws {
        let portal = ProcessInfo.processInfo.environment["FIELDBOOK_BENCH_PORTAL"] ?? Repository.root.path
        let (renderer, pages) = try #require(Pipeline.plannedPages(BuildOptions(portal: portal)))
        let shared = renderer.sharedKey
        var rows: [String: (pages: Int, render: Duration, fingerprint: Duration)] = [:]
        let clock = ContinuousClock()
        for page in pages {
            var row = rows[page.template] ?? (0, .zero, .zero)
            row.pages += 1
            row.render += clock.measure { _ = renderer.renderPage(page) }
            row.fingerprint += clock.measure { _ = renderer.inputs(of: page, shared: shared) }
            rows[page.template] = row
        }
        func microseconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12
        }
        for (template, row) in rows.sorted(by: { $0.value.fingerprint > $1.value.fingerprint }) {
            print(
                "\(template): \(row.pages) pages, rendering \(String(format: "%.1f", microseconds(row.render) / Double(row.pages))) µs/page "
                    + "(\(String(format: "%.0f", microseconds(row.render) / 1000)) ms), fingerprinting "
                    + "\(String(format: "%.1f", microseconds(row.fingerprint) / Double(row.pages))) µs/page (\(String(format: "%.0f", microseconds(row.fingerprint) / 1000)) ms)"
            )
        }
    }
}
