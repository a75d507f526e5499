import FieldbookTestSupport
import Foundation
import Testing

@testable import FieldbookCore
@testable import FieldbookLoad
@testable import FieldbookMarkdown
@testable import FieldbookModel
@testable import FieldbookRender
@testable import FieldbookScaffold

@Suite struct ScaffoldTests {
    @Test(arguments: [SiteConfig.Locale.english, .simplifiedChinese])
    func aNewPortalBuildsCleanly(locale: SiteConfig.Locale) throws {
        let files = PortalScaffold.files(title: "Acme <Sales>", locale: locale, today: Day("2026-11-30")!)
        let portal = Pipeline.render(BuildOptions(portal: ""), fileSystem: MemoryFileSystem(files.mapValues { String(decoding: $0, as: UTF8.self) }))
        #expect(portal.messages == [])
        #expect(portal.page("index.html")?.contains("Acme &lt;Sales&gt;") == true)  // the dashboard, from the sample data
        #expect(portal.page("reps/alex/index.html") != nil)
        // The theme stays built in (a copy would stop receiving fixes on upgrade): templates/ holds only a README
        // that names every built-in file and says how to copy one.
        #expect(files.keys.filter { $0.hasPrefix("templates/") } == ["templates/README.md"])
        let readme = String(decoding: try #require(files["templates/README.md"]), as: UTF8.self)
        #expect(readme.contains("fieldbook theme copy partials/footer.mustache"))
        #expect(readme.contains("- `pages/lesson.mustache`") && readme.contains("- `assets/fieldbook.css`"))
        #expect(String(decoding: try #require(files[".gitignore"]), as: UTF8.self).split(separator: "\n").starts(with: ["public/", ".fieldbook/"]))
    }

    /// `fieldbook theme` lists and copies exactly the files the build falls back to.
    @Test func themeFilesAreTheBuiltInTheme() throws {
        #expect(ThemeFiles.paths.count == DefaultTheme.templates.count + DefaultTheme.assets.count)
        #expect(ThemeFiles.paths == ThemeFiles.paths.sorted())
        let footer = try #require(ThemeFiles.bytes(of: "partials/footer.mustache"))
        #expect(String(decoding: footer, as: UTF8.self) == DefaultTheme.templates["footer"]?.text)
        #expect(ThemeFiles.bytes(of: "assets/fieldbook.css")?.isEmpty == false)
        #expect(ThemeFiles.bytes(of: "footer.mustache") == nil)
        // This repository's templates/ is the theme, file for file (the embed test holds their bytes equal).
        let here = try FileManager.default.subpathsOfDirectory(atPath: Repository.root.path + "/templates").filter { $0.contains(".") }
        #expect(here.sorted() == ThemeFiles.paths)
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
