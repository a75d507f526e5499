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
}
