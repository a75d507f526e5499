import Foundation
import Testing

@testable import FieldbookAnalyze
@testable import FieldbookImport
@testable import FieldbookIncremental
@testable import FieldbookLoad
@testable import FieldbookModel
@testable import FieldbookRender

/// A guard against order-of-magnitude regressions, not a benchmark (those are `benchmarks/`, reported in
/// BENCHMARKS.md). Planning scorecards once scanned every document for every rep: 611 s for 5,000 reps beside 50,000
/// documents. Here four times the documents must not make planning the same reps' scorecards anywhere near four times
/// slower, whatever the machine's speed; linear work comes to well under twice.
@Suite(.serialized) struct PlannerScaleTests {
    /// `reps` reps with a deal each and a revenue target they are behind on, so every scorecard recommends lessons.
    static func data(reps: Int) -> PerformanceData? {
        let ids = (0..<reps).map { String(format: "r%04d", $0) }
        let files = [
            "team.json": """
            {"regions": [{"id": "north", "name": "North"}], "managers": [],
             "reps": [\(ids.map { "{\"id\": \"\($0)\", \"name\": \"\($0)\", \"region\": \"north\"}" }.joined(separator: ","))]}
            """,
            "deals.json": "["
                + ids.map { "{\"id\": \"d\($0)\", \"rep\": \"\($0)\", \"stage\": \"won\", \"amount\": 10, \"closed\": \"2024-04-02\"}" }
                .joined(separator: ",") + "]",
            "targets.json": "[" + ids.map { "{\"rep\": \"\($0)\", \"period\": \"2024-Q2\", \"revenue\": 100000}" }.joined(separator: ",") + "]",
        ]
        return DataLoader().load(files.mapValues { Array($0.utf8) }).0
    }

    /// `count` lessons in courses of ten, each naming the revenue KPI, and a playbook per ten lessons.
    static func documents(_ count: Int) -> (Library, [RenderedDocument]) {
        let sources = (0..<count).flatMap { index -> [SourceDocument] in
            let lesson = String(format: "content/training/c%04d/%02d-lesson-%d.md", index / 10, index % 10, index)
            let playbook = String(format: "content/playbooks/north/playbook-%d.md", index)
            return [(lesson, "{\"kpis\": [\"revenue\"]}\n# L\(index)\n"), (playbook, "# P\(index)\n")].prefix(index % 10 == 0 ? 2 : 1)
                .compactMap { DocumentParser.parse(Array($0.1.utf8), path: $0.0).0 }
        }
        let (library, _) = LibraryBuilder().build(sources)
        let rendered = library.documents.map { document in
            RenderedDocument(
                document: document, markdown: RenderedMarkdown(html: "", firstTitle: nil, headings: [], links: [], plainText: ""),
                title: document.fileTitle, summary: "")
        }
        return (library, rendered)
    }

    /// The fastest of three runs, in seconds.
    static func planningTime(reps data: PerformanceData, documents: (Library, [RenderedDocument])) -> Double {
        let board = KPICalculator(asOf: Day("2024-05-15")).compute(data)
        let planner = PerformancePlanner(site: SiteView(config: SiteConfig(title: "T"), hasReps: true), board: board, data: data)
        return (0..<3).map { _ in
            let start = Date()
            _ = planner.pages(library: documents.0, documents: documents.1, recent: [])
            return Date().timeIntervalSince(start)
        }.min() ?? 0
    }

    @Test func scorecardsDoNotScanTheLibraryPerRep() throws {
        let reps = try #require(Self.data(reps: 300))
        let small = Self.documents(500)
        let large = Self.documents(2000)
        #expect(small.1.count == 550 && large.1.count == 2200)
        let ratio = Self.planningTime(reps: reps, documents: large) / Self.planningTime(reps: reps, documents: small)
        #expect(ratio < 2.5, "planning 300 scorecards beside four times the documents took \(ratio) times as long")
    }
}
