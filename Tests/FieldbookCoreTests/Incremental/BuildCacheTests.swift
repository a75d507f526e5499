import FieldbookTestSupport
import Foundation
import Testing

@testable import FieldbookAnalyze
@testable import FieldbookCore
@testable import FieldbookImport
@testable import FieldbookIncremental
@testable import FieldbookLoad
@testable import FieldbookModel
@testable import FieldbookRender
@testable import FieldbookSearch
@testable import FieldbookWrite

/// The cache may only save work: after any series of changes, a cached build is byte for byte a clean build.
@Suite struct BuildCacheTests {
    /// A copy of the example portal to edit, with a cached and a clean build to compare.
    struct Workbench {
        let folder: TemporaryFolder
        var portal: String { folder.path + "/portal" }
        var cached: BuildOptions { BuildOptions(portal: portal, cacheFolder: folder.path + "/cache") }
        var clean: BuildOptions { BuildOptions(portal: portal, output: folder.path + "/reference", cacheFolder: nil) }

        init() throws {
            folder = try TemporaryFolder()
            try FileManager.default.createDirectory(atPath: portal, withIntermediateDirectories: true)
            for item in ["content", "templates", "fieldbook.json"] {
                try FileManager.default.copyItem(atPath: Repository.root.path + "/" + item, toPath: portal + "/" + item)
            }
        }

        func edit(_ path: String, _ change: (String) -> String) throws {
            let url = URL(fileURLWithPath: portal + "/" + path)
            let text = try String(contentsOf: url, encoding: .utf8)
            let changed = change(text)
            #expect(changed != text, "the edit of \(path) changed nothing")
            try Data(changed.utf8).write(to: url)
        }

        func move(_ from: String, _ to: String) throws {
            try FileManager.default.moveItem(atPath: portal + "/" + from, toPath: portal + "/" + to)
        }

        /// Builds with the cache, checks the result against a clean build, and returns the cached build.
        @discardableResult
        func build(_ step: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> RenderedPortal {
            let portal = try Pipeline.build(cached)
            _ = try Pipeline.build(clean)
            let a = try snapshot(of: self.portal + "/public"), b = try snapshot(of: folder.path + "/reference")
            #expect(a.count > 40, sourceLocation: sourceLocation)
            #expect(Set(a.keys) == Set(b.keys), "\(step): different files", sourceLocation: sourceLocation)
            let differing = a.keys.filter { a[$0] != b[$0] }.sorted()
            #expect(differing == [], "\(step): files differ from a clean build", sourceLocation: sourceLocation)
            return portal
        }

        func inode(_ path: String) throws -> Int {
            try #require(FileManager.default.attributesOfItem(atPath: portal + "/public/" + path)[.systemFileNumber] as? Int)
        }

        func mtime(_ path: String) throws -> Date {
            try #require(FileManager.default.attributesOfItem(atPath: portal + "/public/" + path)[.modificationDate] as? Date)
        }
    }

    /// Pages rendered (not reused) in a build: what an edit cost.
    func renderedPages(_ portal: RenderedPortal) -> [String] {
        (portal.files.filter { $0.inputs != nil }.map(\.path) + portal.work.streamed).sorted()
    }

    /// Whether the build took the performance side (data, KPIs, dashboard, scorecards, API) whole from the cache.
    func reusedPerformance(_ portal: RenderedPortal) -> Bool { portal.work.reused.contains { $0.path == "api/team.json" } }

    @Test func aSeriesOfEditsRenamesAndDeletionsMatchesCleanBuilds() throws {
        let bench = try Workbench()
        defer { bench.folder.cleanUp() }
        let first = try bench.build("first build")
        #expect(first.work.reused.isEmpty)
        let second = try bench.build("nothing changed")
        #expect(renderedPages(second) == [])
        #expect(second.work.unchangedPages == second.pageCount)

        // A sentence at the end of a lesson: its page, nothing else (titles and summaries are unchanged).
        let unchangedSince = try bench.mtime("library/index.html")
        try bench.edit("content/training/onboarding/04-team-rhythms.md") { $0 + "\nOne more sentence at the end.\n" }
        let bodyEdit = try bench.build("body edit")
        #expect(renderedPages(bodyEdit) == ["library/training/onboarding/team-rhythms/index.html"])
        #expect(try bench.mtime("library/index.html") == unchangedSince)
        #expect(reusedPerformance(bodyEdit))  // the data was not even loaded

        // A new title shows in the course, its neighbours, the library's lists and the search index.
        try bench.edit("content/training/onboarding/02-crm-basics.md") { $0.replacingOccurrences(of: "# CRM basics", with: "# CRM essentials") }
        let titleEdit = try bench.build("title edit")
        #expect(renderedPages(titleEdit).contains("library/training/onboarding/welcome/index.html"))
        #expect(renderedPages(titleEdit).contains("library/training/onboarding/index.html"))
        #expect(!renderedPages(titleEdit).contains("library/training/discovery/index.html"))
        #expect(!reusedPerformance(titleEdit))  // scorecards list lessons by title

        // Renaming a playbook moves its page (the old one goes) and breaks the link to it, until that is fixed.
        try bench.move("content/playbooks/apac/customer-visits.md", "content/playbooks/apac/visiting-customers.md")
        #expect(throws: DiagnosticsError.self) { _ = try Pipeline.build(bench.cached) }
        try bench.edit("content/playbooks/apac/index.md") { $0.replacingOccurrences(of: "customer-visits.md", with: "visiting-customers.md") }
        try bench.build("rename")
        #expect(!FileManager.default.fileExists(atPath: bench.portal + "/public/library/playbooks/apac/customer-visits/index.html"))

        // Reordering lessons (same slugs) changes neighbours and numbering only.
        try bench.move("content/training/discovery/01-preparing-the-call.md", "content/training/discovery/05-preparing-the-call.md")
        try bench.build("reorder")

        // A deleted playbook, a new one, a new tag.
        try FileManager.default.removeItem(atPath: bench.portal + "/content/playbooks/emea/territory-plan.md")
        try bench.edit("content/playbooks/emea/index.md") { $0.replacingOccurrences(of: "](territory-plan.md)", with: "](renewals.md)") }
        try bench.folder.write(["portal/content/playbooks/emea/renewals.md": "{\"tags\": [\"renewals\"]}\n# Renewals\n\nStart ninety days out.\n"])
        try bench.build("delete and add")

        // A change to a linked-to heading changes the anchor a link in another document resolves to: that document's
        // Markdown must be checked again although its own text did not change.
        try bench.edit("content/training/discovery/03-qualifying-with-meddic.md") {
            $0.replacingOccurrences(of: "## The checklist", with: "## The list")
        }
        #expect(throws: DiagnosticsError.self) { _ = try Pipeline.build(bench.cached) }
        try bench.edit("content/training/discovery/03-qualifying-with-meddic.md") {
            $0.replacingOccurrences(of: "## The list", with: "## The checklist")
        }
        try bench.build("after a failed build")

        // A template, the configuration, and the performance data each reach every page that uses them.
        try bench.edit("templates/partials/footer.mustache") { $0 + "<!-- footer v2 -->\n" }
        let templateEdit = try bench.build("template edit")
        #expect(templateEdit.work.reused.isEmpty)
        try bench.edit("fieldbook.json") { $0.replacingOccurrences(of: "Northwind Sales Portal", with: "Northwind Sales") }
        let configEdit = try bench.build("config edit")
        #expect(configEdit.work.reused.isEmpty)
        let beforeDataEdit = try snapshot(of: bench.portal + "/public")
        let inodesBefore = try beforeDataEdit.keys.map { ($0, try bench.inode($0)) }
        try bench.edit("content/data/targets.json") { $0.replacingOccurrences(of: "\"revenue\": 208000", with: "\"revenue\": 408000") }
        let dataEdit = try bench.build("data edit")
        #expect(renderedPages(dataEdit).contains("index.html"))
        #expect(!renderedPages(dataEdit).contains("library/training/onboarding/welcome/index.html"))
        #expect(!reusedPerformance(dataEdit))
        // The performance side's pages are rendered again without a key of their own (its key covers them all), but
        // a file whose bytes did not change is the same file, with its modification time, for rsync and CDN deploys.
        let afterDataEdit = try snapshot(of: bench.portal + "/public")
        let unchanged = inodesBefore.filter { path, _ in afterDataEdit[path] == beforeDataEdit[path] }
        #expect(unchanged.filter { $0.0.hasPrefix("reps/") }.count > 3, "some scorecards are unchanged by a region's target")
        #expect(afterDataEdit.keys.contains { afterDataEdit[$0] != beforeDataEdit[$0] && $0.hasPrefix("reps/") })
        for (path, inode) in unchanged { #expect(try bench.inode(path) == inode, "\(path) was written again with the same bytes") }
    }

    /// An edit that leaves every title, summary, date and tag as it was plans only the pages that show the edited
    /// document's own text: the rest of the library is linked without being planned. Anything other pages read plans
    /// them all again. Every step equals a clean build.
    @Test func anEditPlansOnlyThePagesThatShowTheEditedDocument() throws {
        let bench = try Workbench()
        defer { bench.folder.cleanUp() }
        let first = try bench.build("first build")
        #expect(first.work.unplannedPages == 0)
        let libraryPages = try bench.build("nothing changed").work.unplannedPages
        #expect(libraryPages > 40)

        try bench.edit("content/training/onboarding/04-team-rhythms.md") { $0 + "\nOne more sentence at the end.\n" }
        let bodyEdit = try bench.build("body edit")
        #expect(bodyEdit.work.unplannedPages == libraryPages - 1)
        #expect(renderedPages(bodyEdit) == ["library/training/onboarding/team-rhythms/index.html"])

        // Front matter only the page itself shows (the owner), and a course's introduction (its course page).
        try bench.edit("content/playbooks/emea/territory-plan.md") {
            $0.replacingOccurrences(of: "\"owner\": \"Tomás Ribeiro\"", with: "\"owner\": \"Li Na\"")
        }
        try bench.edit("content/training/onboarding/index.md") { $0.replacingOccurrences(of: "Welcome to the team.", with: "Welcome aboard.") }
        let ownEdits = try bench.build("owner and introduction edits")
        #expect(ownEdits.work.unplannedPages == libraryPages - 2)
        #expect(
            renderedPages(ownEdits) == ["library/playbooks/emea/territory-plan/index.html", "library/training/onboarding/index.html"])

        // A new date shows in lists and the sitemap; a new tag on the tags pages: everything is planned again.
        try bench.edit("content/playbooks/emea/territory-plan.md") { $0.replacingOccurrences(of: "2026-05-11", with: "2026-11-11") }
        let dateEdit = try bench.build("date edit")
        #expect(dateEdit.work.unplannedPages == 0)
        #expect(renderedPages(dateEdit).contains("library/index.html"))
        try bench.edit("content/playbooks/emea/territory-plan.md") {
            $0.replacingOccurrences(of: "[\"territory\"]", with: "[\"territory\", \"maps\"]")
        }
        #expect(try bench.build("tag edit").work.unplannedPages == 0)

        // A page of the last output changed by hand is not kept: the library is planned whole and the page rendered.
        let tagsPage = bench.portal + "/public/tags/index.html"
        try Data("hand edit".utf8).write(to: URL(fileURLWithPath: tagsPage))
        try bench.edit("content/training/onboarding/04-team-rhythms.md") { $0 + "\nAnd another.\n" }
        #expect(try bench.build("after a hand edit").work.unplannedPages == 0)
        #expect(try String(contentsOfFile: tagsPage, encoding: .utf8).contains("<html"))
    }

    /// Markdown files unchanged on disk since the last build (stamp, and last touched a second before it read them)
    /// are not read again; an edited one is, and one whose Markdown must be rendered again (a new document moves link
    /// targets) has its text read then. Every step equals a clean build.
    @Test func unchangedFilesAreNotReadAgain() throws {
        let bench = try Workbench()
        defer { bench.folder.cleanUp() }
        Thread.sleep(forTimeInterval: 1.2)  // the copied files are now more than a second older than any build
        let all = try bench.build("first build").work.documentsRead
        #expect(all > 20)
        #expect(try bench.build("nothing changed").work.documentsRead == 0)

        try bench.edit("content/training/onboarding/04-team-rhythms.md") {
            $0.replacingOccurrences(of: "These rhythms keep everyone aligned anyway.", with: "These rhythms keep everyone in step.")
        }
        let edit = try bench.build("an edit")
        #expect(edit.work.documentsRead == 1)
        #expect(edit.work.markdownRendered == 1)
        // Touched just before that build read it: its stamp could hide a second edit in the same instant, so it is read
        // again, until it is more than a second older than a build.
        #expect(try bench.build("right after").work.documentsRead == 1)
        Thread.sleep(forTimeInterval: 1.2)
        #expect(try bench.build("a second later").work.documentsRead <= 1)
        #expect(try bench.build("settled").work.documentsRead == 0)

        // A new document changes where links can point: every document's Markdown is rendered again, from its text.
        try bench.folder.write(["portal/content/playbooks/emea/renewals.md": "{\"tags\": [\"renewals\"]}\n# Renewals\n\nStart ninety days out.\n"])
        let added = try bench.build("a new document")
        #expect(added.work.documentsRead == 1)
        #expect(added.work.markdownRendered == all + 1)
    }

    /// A file system whose stamps never change, as if an edit had kept its file's stamp.
    struct FrozenStamps: FileSystem {
        let disk = DiskFileSystem()
        func contents(of path: String) throws -> [UInt8]? { try disk.contents(of: path) }
        func files(under directory: String) throws -> [String] { try disk.files(under: directory) }
        func isDirectory(_ path: String) -> Bool { disk.isDirectory(path) }
        func stamp(of path: String) -> SourceStamp? { SourceStamp(inode: 1, size: 1, modified: 0, changed: 0) }
    }

    /// The text of an unread document, read when its Markdown must be rendered again, is taken only if the file's
    /// bytes are those parsed: a file changed under an unchanged stamp stops the build, and the output stays as it was.
    @Test func aFileChangedUnderAnUnchangedStampStopsTheBuild() throws {
        let bench = try Workbench()
        defer { bench.folder.cleanUp() }
        #expect(try Pipeline.build(bench.cached, fileSystem: FrozenStamps()).work.documentsRead > 20)
        let before = try snapshot(of: bench.portal + "/public")
        try bench.edit("content/training/onboarding/04-team-rhythms.md") { $0 + "\nA sentence its stamp does not show.\n" }
        // A new document moves link targets: every document's Markdown is rendered again, from its text read now.
        try bench.folder.write(["portal/content/playbooks/emea/renewals.md": "# Renewals\n\nStart ninety days out.\n"])
        do {
            _ = try Pipeline.build(bench.cached, fileSystem: FrozenStamps())
            Issue.record("the build went on with a file changed under its stamp")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "content/training/onboarding/04-team-rhythms.md:1:1: error: the file changed while the portal was built; build again"
                ])
        }
        #expect(try snapshot(of: bench.portal + "/public") == before)
    }

    /// Two output folders built in turns from one cache (`--output`): each build reuses only what its own folder holds.
    /// A key saved by the other folder's build once let this one keep its old figures after a data edit.
    @Test func twoOutputFoldersTakingTurnsEachGetWhatChanged() throws {
        let bench = try Workbench()
        defer { bench.folder.cleanUp() }
        try bench.build("first build")
        var other = bench.cached
        other.output = bench.folder.path + "/other"
        try bench.edit("content/data/targets.json") { $0.replacingOccurrences(of: "\"revenue\": 208000", with: "\"revenue\": 408000") }
        try bench.edit("content/training/onboarding/04-team-rhythms.md") { $0 + "\nOne more sentence at the end.\n" }
        _ = try Pipeline.build(other)
        let back = try bench.build("the first folder again")
        #expect(reusedPerformance(back) == false)
        #expect(renderedPages(back).contains("library/training/onboarding/team-rhythms/index.html"))
        // Each folder keeps its own tables: with nothing changed, neither does the work again.
        #expect(reusedPerformance(try Pipeline.build(other)))
        let again = try bench.build("the first folder, nothing changed")
        #expect(reusedPerformance(again))
        #expect(again.work.unplannedPages > 40)
    }

    @Test func whatTheDataReportedIsReportedAgainWhenItIsReused() throws {
        let bench = try Workbench()
        defer { bench.folder.cleanUp() }
        try bench.folder.write(["portal/content/data/notes.json": "[]"])
        let first = try bench.build("first build")
        let warning = try #require(first.diagnostics.first { $0.message.hasPrefix("unknown data file") })
        try bench.edit("content/training/onboarding/04-team-rhythms.md") { $0 + "\nOne more sentence.\n" }
        let second = try bench.build("text edit")
        #expect(reusedPerformance(second))
        #expect(second.diagnostics.contains(warning))
        var strict = bench.cached
        strict.strict = true
        #expect(throws: DiagnosticsError.self) { _ = try Pipeline.build(strict) }
    }

    /// The rendered Markdown is saved while the pages render, so a build that fails in a template has saved it
    /// already: the next build takes the edit from the cache, and its output is still a clean build's.
    @Test func aBuildThatFailsAfterTheMarkdownStageLeavesAUsableCache() throws {
        let bench = try Workbench()
        defer { bench.folder.cleanUp() }
        try bench.build("first build")
        try bench.edit("content/training/onboarding/04-team-rhythms.md") { $0 + "\nOne more sentence.\n" }
        try bench.folder.write(["portal/templates/pages/lesson.mustache": "{{<base}}{{$main}}{{nosuchfield}}{{/main}}{{/base}}"])
        let before = try snapshot(of: bench.portal + "/public")
        #expect(throws: DiagnosticsError.self) { _ = try Pipeline.build(bench.cached) }
        #expect(try snapshot(of: bench.portal + "/public") == before)  // the failed build changed nothing in the output
        try FileManager.default.removeItem(atPath: bench.portal + "/templates/pages/lesson.mustache")
        let fixed = try bench.build("template fixed")
        #expect(fixed.work.markdownRendered == 0)  // the edited lesson's Markdown came from the failed build's save
    }

    @Test func aHandEditedOrDeletedOutputFileIsRenderedAgain() throws {
        let bench = try Workbench()
        defer { bench.folder.cleanUp() }
        try bench.build("first build")
        try Data("edited by hand".utf8).write(to: URL(fileURLWithPath: bench.portal + "/public/library/index.html"))
        try FileManager.default.removeItem(atPath: bench.portal + "/public/tags/index.html")
        let portal = try bench.build("after tampering")
        #expect(portal.work.unchangedPages == portal.pageCount)  // the writer noticed, and rendered those two after all
        // A touched scorecard or API file: the performance side is computed again rather than taken from the cache.
        try Data("edited by hand".utf8).write(to: URL(fileURLWithPath: bench.portal + "/public/reps/index.html"))
        try FileManager.default.removeItem(atPath: bench.portal + "/public/api/team.json")
        let again = try bench.build("after tampering with the performance side")
        #expect(!reusedPerformance(again))
    }

    @Test func aDamagedCacheIsIgnored() throws {
        let bench = try Workbench()
        defer { bench.folder.cleanUp() }
        try bench.build("first build")
        let shard = try #require(
            try FileManager.default.contentsOfDirectory(atPath: bench.folder.path + "/cache").filter { $0.hasPrefix("markdown-") }.sorted().first)
        let cache = bench.folder.path + "/cache/" + shard
        let entries = BuildCache.open(folder: bench.folder.path + "/cache", outputPath: bench.portal + "/public", clean: false).markdown.count
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: cache)))
        bytes[bytes.count / 2] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: cache))
        #expect(BuildCache.open(folder: bench.folder.path + "/cache", outputPath: bench.portal + "/public", clean: false).markdown.count < entries)
        try bench.build("flipped byte")
        try Data(bytes.prefix(100)).write(to: URL(fileURLWithPath: cache))
        try bench.build("cut short")
        for file in try FileManager.default.contentsOfDirectory(atPath: bench.folder.path + "/cache") {
            try Data().write(to: URL(fileURLWithPath: bench.folder.path + "/cache/" + file))
        }
        let emptied = try bench.build("emptied")
        #expect(emptied.work.reused.isEmpty)
    }

    /// `serve` renders with base URL `/` and `build` with the portal's: taking turns must not evict each other's Markdown.
    @Test func previewAndBuildTakingTurnsKeepTheirMarkdown() throws {
        let bench = try Workbench()
        defer { bench.folder.cleanUp() }
        var preview = bench.cached
        preview.output = bench.folder.path + "/preview"
        preview.baseURL = "/preview/"
        let first = try Pipeline.build(bench.cached)
        #expect(first.work.markdownRendered > 20)
        #expect(try Pipeline.build(preview).work.markdownRendered == first.work.markdownRendered)  // other link targets: all anew
        #expect(try Pipeline.build(bench.cached).work.markdownRendered == 0)
        #expect(try Pipeline.build(preview).work.markdownRendered == 0)
        try bench.edit("content/training/onboarding/04-team-rhythms.md") { $0 + "\nOne more sentence.\n" }
        #expect(try Pipeline.build(bench.cached).work.markdownRendered == 1)
    }

    /// A cache that cannot be saved costs the next build time, never this build: a warning, and the output written.
    @Test func aCacheThatCannotBeSavedIsAWarning() throws {
        let bench = try Workbench()
        defer { bench.folder.cleanUp() }
        try bench.folder.write(["not-a-folder": "x"])
        var options = bench.cached
        options.cacheFolder = bench.folder.path + "/not-a-folder"
        let portal = try Pipeline.build(options)
        let warning = try #require(portal.diagnostics.last)
        #expect(warning.severity == .warning)
        #expect(warning.description.hasPrefix("\(bench.folder.path)/not-a-folder:1:1: warning: could not save the build cache in "))
        #expect(FileManager.default.fileExists(atPath: bench.portal + "/public/index.html"))
    }

    @Test func cleanIgnoresTheCacheAndRefreshesIt() throws {
        let bench = try Workbench()
        defer { bench.folder.cleanUp() }
        try bench.build("first build")
        var clean = bench.cached
        clean.clean = true
        #expect(try Pipeline.build(clean).work.reused.isEmpty)
        let cache = BuildCache.open(folder: bench.folder.path + "/cache", outputPath: bench.portal + "/public", clean: false)
        #expect(cache.markdown.count >= 20)
        #expect(try Pipeline.build(bench.cached).work.reused.count > 40)
    }

    @Test func theCacheRoundTrips() throws {
        let entry = DocumentMarkdown(
            markdown: RenderedMarkdown(
                html: "<p>价格 <a href=\"/x/\">x</a></p>", firstTitle: nil, headings: [Heading(level: 2, text: "Ü", id: "ü")],
                links: [MarkdownLink(destination: "x.md", line: 3, column: -1, isImage: false)], plainText: "价格 x"), summary: "价格 x",
            problems: [
                .warning(
                    FieldbookModel.SourceLocation(path: "content/a.md", line: 2, column: 5), "link to a draft",
                    notes: [.init(FieldbookModel.SourceLocation(path: "b"), "n")])
            ],
            anchors: [.init(link: MarkdownLink(destination: "#a", line: 1, column: 1, isImage: true), path: "content/a.md", fragment: "a")],
            linked: ["content/b.md"])
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        var manifest = OutputManifest()
        manifest["index.html"] = .init(
            inputs: Fingerprint(7), content: Fingerprint(9), stamp: FileStamp(inode: 1, size: 2, seconds: 3, nanoseconds: 4))
        manifest["feed.xml"] = .init(inputs: nil, content: Fingerprint(1), stamp: FileStamp(inode: .max, size: 0, seconds: -1, nanoseconds: 0))
        let cache = BuildCache.open(folder: folder.path, outputPath: folder.path + "/public", clean: false)
        let search = SearchTerms(
            terms: [.init(text: "价格", isCJK: true), .init(text: "pricing", isCJK: false)],
            entries: [Fingerprint(3): [.init(term: 1, weight: 10), .init(term: 0, weight: 4)], Fingerprint(4): []])
        // A document with every front matter field, as parsed, and what parsing reported.
        let text = Array(
            """
            {"title": "Preço", "description": "d", "tags": ["a", "价格"], "owner": "Li", "updated": "2026-01-02", "draft": true, "order": 3,
             "kpis": ["revenue"], "region": "emea", "params": {"topic": "x", "featured": false, "level": 2}, "colour": "blue"}
            # Body
            """.utf8)
        let (parsedDocument, parseDiagnostics) = DocumentParser.parse(text, path: "content/a.md")
        let document = try #require(parsedDocument)
        let parsed = ParsedSources(
            readAt: 1_700_000_000_123_456_789,
            entries: [
                "content/a.md": .init(
                    stamp: SourceStamp(inode: 5, size: text.count, modified: 1_700_000_000_000_000_001, changed: 2), document: document,
                    diagnostics: parseDiagnostics + [.warning(FieldbookModel.SourceLocation(path: "content/a.md", line: 1, column: 2), "w")])
            ])
        #expect(!document.frontMatter.params.isEmpty && !document.frontMatter.locations.isEmpty)
        #expect(cache.saveTables(markdown: [Fingerprint(42): entry], search: search, performance: nil, parsed: parsed) == nil)
        #expect(cache.saveOutputs(manifest) == nil)
        let reopened = BuildCache.open(folder: folder.path, outputPath: folder.path + "/public", clean: false)
        #expect(reopened.markdown == [Fingerprint(42): entry])
        #expect(reopened.search == search)
        #expect(reopened.outputs == manifest)
        #expect(reopened.parsed == parsed)
        #expect(reopened.parsed?.entries["content/a.md"]?.document.frontMatter == document.frontMatter)
        // Another output folder has its own manifest.
        #expect(BuildCache.open(folder: folder.path, outputPath: folder.path + "/elsewhere", clean: false).outputs == OutputManifest())
    }
}
