import Foundation
import Testing

@testable import FieldbookCore

@Suite struct ScaffoldTests {
    @Test(arguments: [SiteConfig.Locale.english, .simplifiedChinese])
    func aNewPortalBuildsCleanly(locale: SiteConfig.Locale) throws {
        let files = PortalScaffold.files(title: "Acme <Sales>", locale: locale, today: Day("2026-11-30")!)
        let portal = Pipeline.render(BuildOptions(portal: ""), fileSystem: MemoryFileSystem(files.mapValues { String(decoding: $0, as: UTF8.self) }))
        #expect(portal.messages == [])
        #expect(portal.page("index.html")?.contains("Acme &lt;Sales&gt;") == true)  // the dashboard, from the sample data
        #expect(portal.page("reps/alex/index.html") != nil)
        // The theme is written out whole, so a portal can edit it; the build then reads those files, not the built-in ones.
        #expect(files.keys.filter { $0.hasPrefix("templates/") }.count == DefaultTheme.templates.count + DefaultTheme.assets.count)
        #expect(files["templates/pages/lesson.mustache"] != nil)
    }

    @Test func lessonsAreNumberedAfterTheLastOne() throws {
        let lesson = try DocumentScaffold.lesson(
            course: "onboarding", title: "Handling objections, fast!", existing: ["index.md", "01-a.md", "07-b.md", "c.md"], today: Day("2026-11-30")!
        ).get()
        #expect(lesson.path == "content/training/onboarding/08-handling-objections-fast.md")
        #expect(lesson.text == "{\"title\": \"Handling objections, fast!\", \"tags\": [], \"updated\": \"2026-11-30\"}\n\n")
        #expect(
            try DocumentScaffold.lesson(course: "x", title: "客户拜访 101", existing: [], today: Day("2026-11-30")!).get().path
                == "content/training/x/01-客户拜访-101.md")
    }

    @Test func playbooksNeedAKnownRegion() throws {
        let day = Day("2026-11-30")!
        let made = try DocumentScaffold.playbook(region: "emea", title: "Pricing", knownRegions: ["emea"], existing: [], today: day).get()
        #expect(made.path == "content/playbooks/emea/pricing.md")
        #expect(made.text.contains("\"region\": \"emea\""))
        #expect(
            try DocumentScaffold.playbook(region: "global", title: "Pricing", knownRegions: [], existing: [], today: day).get().text.contains(
                "region") == false)
        #expect(throws: DocumentScaffold.Failure.unknownRegion("mars", known: ["emea", "global"])) {
            try DocumentScaffold.playbook(region: "mars", title: "X", knownRegions: ["emea"], existing: [], today: day).get()
        }
        #expect(throws: DocumentScaffold.Failure.exists("content/playbooks/emea/pricing.md")) {
            try DocumentScaffold.playbook(region: "emea", title: "Pricing", knownRegions: ["emea"], existing: ["pricing.md"], today: day).get()
        }
        #expect(throws: DocumentScaffold.Failure.invalidFolder("../x")) {
            try DocumentScaffold.lesson(course: "../x", title: "X", existing: [], today: day).get()
        }
        #expect(throws: DocumentScaffold.Failure.emptyTitle) {
            try DocumentScaffold.lesson(course: "a", title: "!!!", existing: [], today: day).get()
        }
    }
}
