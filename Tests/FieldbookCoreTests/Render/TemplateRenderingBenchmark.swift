import FieldbookTestSupport
import Foundation
import Mustache
import Testing

@testable import FieldbookCore
@testable import FieldbookModel
@testable import FieldbookRender
@testable import FieldbookTemplates

/// Template rendering alone, our engine against swift-mustache, on the example portal's pages (same view models,
/// same templates), one thread, alternating rounds. Run in release: `FIELDBOOK_BENCH=1 swift test -c release
/// --filter TemplateRenderingBenchmark`. It also checks that both engines give every page the same bytes.
@Suite struct TemplateRenderingBenchmark {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["FIELDBOOK_BENCH"] != nil))
    func ownEngineAgainstSwiftMustache() throws {
        let planned = Pipeline.plannedPages(BuildOptions(portal: Repository.root.path))
        let (renderer, pages) = try #require(planned)
        let old = try OldEngine(renderer.templateSources)
        for page in pages {
            let ours = try renderer.renderPage(page).get()
            #expect(String(decoding: ours, as: UTF8.self) == old.render(page, site: renderer.site), "\(page.outputPath)")
        }
        let rounds = Int(ProcessInfo.processInfo.environment["FIELDBOOK_BENCH_ROUNDS"] ?? "") ?? 20
        var (oursTime, oldTime): (Duration, Duration) = (.zero, .zero)
        let clock = ContinuousClock()
        var bytes = 0
        for _ in 0..<rounds {
            if ProcessInfo.processInfo.environment["FIELDBOOK_BENCH_OURS_ONLY"] == nil {
                oldTime += clock.measure {
                    for page in pages { bytes &+= old.render(page, site: renderer.site).utf8.count }
                }
            }
            oursTime += clock.measure {
                for page in pages { bytes &+= (try? renderer.renderPage(page).get().count) ?? 0 }
            }
        }
        let perRound = { (time: Duration) in (Double(time.components.seconds) * 1000 + Double(time.components.attoseconds) / 1e15) / Double(rounds) }
        let (ours, theirs) = (perRound(oursTime), perRound(oldTime))
        print(
            "template rendering, \(pages.count) pages of the example portal, \(rounds) rounds (\(bytes) bytes): "
                + "swift-mustache \(String(format: "%.2f", theirs)) ms/round, ours \(String(format: "%.2f", ours)) ms/round, "
                + "ratio \(String(format: "%.1f", theirs / ours))x")
    }
}

/// The page renderer as it was with swift-mustache: lookups by name through each view's fields (as the hand-written
/// `field(_:)` switches did), the page's view, then its meta fields, then the site's, and the byte escaper.
private struct OldEngine {
    let library: MustacheLibrary

    init(_ sources: [String: TemplateSource]) throws {
        MustacheContentTypes.register(HTML(), named: "FIELDBOOK_HTML")
        var library = MustacheLibrary()
        for source in sources.values {
            library.register(try MustacheTemplate(string: "{{% CONTENT_TYPE: FIELDBOOK_HTML}}\n" + source.text), named: source.name)
        }
        self.library = library
    }

    func render(_ page: Page, site: SiteView) -> String {
        guard let template = library.getTemplate(named: page.template) else { return "" }
        let root = Root(frames: [page.view.templateValue, page.meta.templateValue, site.templateValue])
        return template.render(root, library: library)
    }

    struct HTML: MustacheContentType {
        func escapeText(_ text: String) -> String { escapeHTML(text) }
    }

    struct Root: MustacheParent {
        let frames: [TemplateValue]
        func child(named name: String) -> Any? {
            for case .view(let object, let schema) in frames {
                if let value = schema.value(of: name, in: object) { return Context.wrap(value) }
            }
            return nil
        }
    }

    struct Context: MustacheParent {
        let object: AnyObject
        let schema: TemplateSchema
        func child(named name: String) -> Any? { schema.value(of: name, in: object).map(Self.wrap) }

        static func wrap(_ value: TemplateValue) -> Any {
            switch value {
            case .absent: Absent()
            case .text(let text): Text(renderText: text)
            case .flag(let flag): flag
            case .view(let object, let schema): Context(object: object, schema: schema)
            case .list(let items): items.map(wrap)
            }
        }
    }

    struct Absent: MustacheCustomRepresentation {
        var representation: Any? { nil }
    }

    struct Text: MustacheCustomRenderable, MustacheParent {
        let renderText: String
        var isNull: Bool { false }
        func child(named name: String) -> Any? { nil }
    }
}
