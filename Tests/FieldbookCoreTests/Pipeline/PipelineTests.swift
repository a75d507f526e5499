import FieldbookTestSupport
import Foundation
import Testing

@testable import FieldbookCore
@testable import FieldbookImport
@testable import FieldbookLoad
@testable import FieldbookModel
@testable import FieldbookRender

@Suite struct PipelineTests {
    let smallPortal = Repository.fixtures.appendingPathComponent("small-portal").path

    @Test func smallPortalMatchesItsGoldenFiles() throws {
        let portal = Pipeline.render(BuildOptions(portal: smallPortal))
        #expect(portal.messages == [])
        for page in [
            "library/training/basics/first/index.html", "library/training/basics/index.html", "library/playbooks/global/pricing/index.html",
            "tags/crm/index.html", "index.html", "sitemap.xml", "404.html", "reps/index.html", "reps/ann/index.html", "regions/north/index.html",
            "managers/mia/index.html", "api/reps/ann.json", "regions/north/2024-Q1/deals/index.html", "reports/2024-Q1/index.html",
        ] {
            try expectGolden(try #require(portal.page(page), "missing \(page)"), page.replacingOccurrences(of: "/", with: "_"))
        }
        // A page for every period (8) of the team, each region (2) and each manager (2), each with the deals behind it,
        // and the period's report.
        let periods = ["2024", "2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-Q1", "2024-Q2"]
        let periodPages = periods.flatMap { period in
            ["team/", "regions/north/", "regions/south/", "managers/mia/", "managers/sam/"].flatMap {
                ["\($0)\(period)/index.html", "\($0)\(period)/deals/index.html"]
            } + ["reports/\(period)/index.html"]
        }
        #expect(Set(portal.files.map(\.path)).isSuperset(of: periodPages))
        #expect(
            portal.files.map(\.path).filter { (!$0.hasPrefix("search/") || $0 == "search/index.html") && !periodPages.contains($0) }.sorted() == [
                "404.html", "api/managers/mia.json", "api/managers/sam.json", "api/regions/north.json", "api/regions/south.json", "api/reps.csv",
                "api/reps/ann.json", "api/reps/bob.json", "api/reps/cat.json", "api/team.json", "deals/index.html", "feed.xml", "index.html",
                "library/index.html",
                "library/playbooks/global/index.html", "library/playbooks/global/pricing/index.html", "library/playbooks/index.html",
                "library/training/basics/first/index.html", "library/training/basics/index.html", "library/training/basics/second/index.html",
                "managers/mia/deals/index.html", "managers/mia/index.html", "managers/sam/deals/index.html", "managers/sam/index.html",
                "regions/north/deals/index.html", "regions/north/index.html", "regions/south/deals/index.html", "regions/south/index.html",
                "reps/ann/index.html", "reps/bob/index.html", "reps/cat/index.html", "reps/index.html", "search/index.html", "sitemap.xml",
                "tags/crm/index.html",
                "tags/index.html",
                "tags/客户/index.html",
            ])
        #expect(
            portal.assets.map(\.outputPath) == [
                "assets/favicon.svg", "assets/fieldbook.css", "assets/fieldbook.js", "assets/search.js", "assets/unlock.js",
                "library/training/basics/funnel.svg",
            ])
    }

    @Test func examplePortalBuildsCleanly() {
        let portal = Pipeline.render(BuildOptions(portal: Repository.root.path))
        #expect(portal.messages == [])
        #expect(portal.pageCount >= 40)
        let lesson = portal.page("library/training/key-accounts/account-planning/index.html") ?? ""
        #expect(lesson.contains("<h1>重点客户拜访计划</h1>"))
        #expect(lesson.contains("<h2 id=\"为什么要做拜访计划\">为什么要做拜访计划</h2>"))
        #expect(lesson.contains("href=\"/library/training/key-accounts/stakeholder-map/#%E6%9B%B4%E6%96%B0%E9%A2%91%E7%8E%87\""))
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let first = try TemporaryFolder(), second = try TemporaryFolder()
        defer { first.cleanUp(); second.cleanUp() }
        _ = try Pipeline.build(BuildOptions(portal: Repository.root.path, output: first.path + "/public"))
        _ = try Pipeline.build(BuildOptions(portal: Repository.root.path, output: second.path + "/public"))
        let a = try snapshot(of: first.path + "/public"), b = try snapshot(of: second.path + "/public")
        #expect(a.count > 40)
        #expect(a == b)
    }

    @Test func baseURLPrefixesEveryInternalURL() {
        let portal = renderPortal(
            ["content/training/a/01-x.md": "# X\n\n[y](02-y.md)\n", "content/training/a/02-y.md": "# Y\n"],
            options: BuildOptions(portal: "", baseURL: "https://intranet.example.com/sales"))
        let html = portal.page("library/training/a/x/index.html") ?? ""
        #expect(html.contains("<a href=\"https://intranet.example.com/sales/library/training/a/y/\">y</a>"))
        #expect(html.contains("href=\"https://intranet.example.com/sales/assets/fieldbook.css\""))
        #expect(!html.contains("href=\"/"))
    }

    @Test func draftsArePublishedOnlyOnRequest() {
        let files = ["content/training/a/01-x.md": "{\"draft\": true}\n# X\n"]
        #expect(renderPortal(files).page("library/training/a/x/index.html") == nil)
        let withDrafts = renderPortal(files, options: BuildOptions(portal: "", includeDrafts: true))
        #expect(withDrafts.page("library/training/a/x/index.html")?.contains("badge-draft") == true)
    }

    @Test func strictTurnsWarningsIntoErrors() {
        let files = ["content/training/a/01-x.md": "{\"colour\": 1}\n# X\n"]
        #expect(renderPortal(files).diagnostics.map(\.severity) == [.warning])
        let strict = renderPortal(files, options: BuildOptions(portal: "", strict: true))
        #expect(strict.diagnostics.map(\.severity) == [.error])
        #expect(strict.files.isEmpty)
    }

    @Test func namesInContentAreEscapedEverywhere() {
        let portal = renderPortal([
            "fieldbook.json": #"{"title": "<script>alert(1)</script>"}"#,
            "content/training/a/01-x.md": #"{"title": "\"><img src=x onerror=alert(1)>", "tags": ["<b>x</b>"], "owner": "<i>o</i>"}"# + "\nBody\n",
        ])
        let html = portal.page("library/training/a/x/index.html") ?? ""
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<img src=x"))
        #expect(!html.contains("<b>x</b>"))
        #expect(!html.contains("<i>o</i>"))
        #expect(html.contains("<title>&quot;&gt;&lt;img src=x onerror=alert(1)&gt; · &lt;script&gt;alert(1)&lt;/script&gt;</title>"))
    }

    /// Minimal broken portals, each expecting exactly one diagnostic.
    @Test(arguments: [
        (
            ["content/training/a/01-x.md": "[gone](missing.md)\n"],
            "content/training/a/01-x.md:1:1: error: broken link: content/training/a/missing.md does not exist"
        ),
        (
            ["content/training/a/01-x.md": "# X\n\nsee [y](02-y.md#nope)\n", "content/training/a/02-y.md": "## Yes\n"],
            "content/training/a/01-x.md:3:5: error: broken link: content/training/a/02-y.md has no heading with id \"nope\""
        ),
        (
            ["content/training/a/01-x.md": "{\"title\": \"x\"\n# X\n"],
            "content/training/a/01-x.md:2:1: error: front matter: expected ',' or '}' in object"
        ),
        (["fieldbook.json": "{\"title\": \"x\", \"locale\": \"de\"}"], "fieldbook.json:1:26: error: unknown locale \"de\" (supported: en, zh-CN)"),
        (
            ["content/training/a/01-x.md": "[self](#missing)\n"],
            "content/training/a/01-x.md:1:1: error: broken link: this document has no heading with id \"missing\""
        ),
    ])
    func brokenPortalsGiveOneClearDiagnostic(files: [String: String], expected: String) {
        let portal = renderPortal(files)
        #expect(portal.messages == [expected])
        #expect(portal.files.isEmpty)
    }

    @Test func aMissingConfigSaysWhatIsWrong() {
        let portal = Pipeline.render(BuildOptions(portal: ""), fileSystem: MemoryFileSystem(["content/training/a/x.md": "x"]))
        #expect(portal.messages == ["fieldbook.json:1:1: error: no fieldbook.json in .: is this a portal folder?"])
    }
}
