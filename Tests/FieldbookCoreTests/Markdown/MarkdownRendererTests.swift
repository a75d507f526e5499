import Foundation
import Testing

@testable import FieldbookAnalyze
@testable import FieldbookImport
@testable import FieldbookIncremental
@testable import FieldbookMarkdown
@testable import FieldbookModel
@testable import FieldbookRender

@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    @Test func rendersTheGitHubExtensions() {
        let html = renderer.render(
            """
            | Stage | Probability |
            |---|---:|
            | Engaging | 40% |

            - [x] Qualify
            - [ ] Propose

            ~~old price~~ see www.example.com

            Claim[^1]

            [^1]: Source.
            """
        ).html
        #expect(html.contains("<table>"))
        #expect(html.contains("<td align=\"right\">40%</td>"))
        // Task boxes become symbols with an accessible name (cmark-gfm's checkboxes have none).
        #expect(html.contains("<span class=\"task task-done\" role=\"img\" aria-label=\"Done\">☑</span> Qualify"))
        #expect(html.contains("<span class=\"task\" role=\"img\" aria-label=\"To do\">☐</span> Propose"))
        #expect(html.contains("<del>old price</del>"))
        #expect(html.contains("<a href=\"http://www.example.com\">www.example.com</a>"))
        #expect(html.contains("<section class=\"footnotes\" data-footnotes>"))
    }

    @Test func headingsGetStableIdsAndTheLeadingTitleIsTakenOut() {
        let result = renderer.render("# Pricing guide\n\n## Discounts\n\n### Approval\n\n## Discounts\n\n## 重点客户拜访计划\n")
        #expect(result.firstTitle == "Pricing guide")
        #expect(result.headings.map(\.id) == ["discounts", "approval", "discounts-1", "重点客户拜访计划"])
        #expect(!result.html.contains("<h1"))
        #expect(result.html.contains("<h2 id=\"discounts-1\">Discounts</h2>"))
        #expect(result.html.contains("<h2 id=\"重点客户拜访计划\">重点客户拜访计划</h2>"))
    }

    @Test func aTitleFurtherDownStaysInTheBody() {
        let result = renderer.render("Intro.\n\n# Real title\n\n# Second\n")
        #expect(result.firstTitle == "Real title")
        #expect(result.html == "<p>Intro.</p>\n<h1 id=\"real-title\">Real title</h1>\n<h1 id=\"second\">Second</h1>\n")
    }

    @Test func inlineMarkupInHeadingsIsKept() {
        let result = renderer.render("## Use *MEDDIC* & `CRM`\n")
        #expect(result.html == "<h2 id=\"use-meddic--crm\">Use <em>MEDDIC</em> &amp; <code>CRM</code></h2>\n")
        #expect(result.headings == [Heading(level: 2, text: "Use MEDDIC & CRM", id: "use-meddic--crm")])
    }

    @Test(arguments: [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "text <b onclick=\"x()\">bold</b>",
    ])
    func rawHTMLIsOmittedByDefault(markdown: String) {
        let html = renderer.render(markdown).html
        #expect(!html.contains("<script"))
        #expect(!html.contains("onerror"))
        #expect(!html.contains("onload"))
        #expect(!html.contains("onclick"))
    }

    @Test(arguments: [
        "[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x](&#106;avascript:alert(1))", "[x](vbscript:msgbox)",
        "[x](data:text/html;base64,PHNjcmlwdD4=)", "![x](javascript:alert(1))", "<javascript:alert(1)>",
        "[x][ref]\n\n[ref]: javascript:alert(1)", "[x](<java\tscript:alert(1)>)",
    ])
    func dangerousURLsNeverReachTheOutput(markdown: String) {
        for unsafe in [false, true] {
            let html = MarkdownRenderer(unsafeHTML: unsafe).render(markdown).html.lowercased()
            let urls = html.matches(of: /(?:href|src)="([^"]*)"/).map { String($0.output.1) }
            #expect(!urls.isEmpty, "the link should still be there, emptied: \(html)")
            #expect(urls.allSatisfy { $0.isEmpty }, "unsafeHTML \(unsafe): \(html)")
        }
    }

    @Test func imageDataURLsStay() {
        #expect(renderer.render("![dot](data:image/png;base64,iVBORw0KGgo=)").html.contains("src=\"data:image/png;base64,iVBORw0KGgo=\""))
    }

    @Test func unsafeHTMLLetsRawHTMLThroughButTagfilterStaysOn() {
        let html = MarkdownRenderer(unsafeHTML: true).render("<div class=\"note\">hi</div>\n\n<script>x</script>\n").html
        #expect(html.contains("<div class=\"note\">hi</div>"))
        #expect(html.contains("&lt;script>"))
    }

    /// Heading ids go into the HTML by position (the n-th bare `<hN>` is the n-th heading); raw HTML with its own
    /// bare heading tag must not shift them onto the wrong element.
    @Test func headingIdsLandOnTheirHeadingsEvenBesideRawHeadingTags() {
        let markdown = "## First *one*\n\n<h2>raw</h2>\n\n### Second `code`\n\n- [x] done\n"
        let expected = ["<h2 id=\"first-one\">First <em>one</em></h2>", "<h3 id=\"second-code\">Second <code>code</code></h3>"]
        for renderer in [MarkdownRenderer(unsafeHTML: true), MarkdownRenderer()] {
            let html = renderer.render(markdown).html
            #expect(expected.allSatisfy { html.contains($0) }, "\(html)")
            #expect(html.contains("task-done"))
        }
        #expect(MarkdownRenderer(unsafeHTML: true).render(markdown).html.contains("<h2>raw</h2>"))
    }

    @Test func linksAreRewrittenAndReportedWithPositions() {
        let result = renderer.render("{\n}\nSee [the guide](guide.md#intro) and ![map](map.png).\n") { link in
            link.destination == "guide.md#intro" ? "/library/guide/#intro" : link.destination
        }
        #expect(
            result.links == [
                MarkdownLink(destination: "guide.md#intro", line: 3, column: 5, isImage: false),
                MarkdownLink(destination: "map.png", line: 3, column: 37, isImage: true),
            ])
        #expect(result.html.contains("<a href=\"/library/guide/#intro\">the guide</a>"))
    }

    @Test func plainTextKeepsBlocksApart() {
        let text = renderer.render("Intro text.\n\n## Next\n\n| a | b |\n|---|---|\n| 1 | 2 |\n").plainText
        #expect(text.split(whereSeparator: \.isWhitespace) == ["Intro", "text.", "Next", "a", "b", "1", "2"])
    }

    /// cmark-gfm adds the characters its extensions react to (`~`, `|`, `:`, `w`) to a process-wide table at the start
    /// of `cmark_parser_finish` and clears them at its end; without the lock, parallel renders silently lose
    /// strikethrough and autolinks. Long tables and many marks per document keep the threads overlapping (this test
    /// fails within a run or two when the lock is taken out).
    @Test func parallelRenderingMatchesSequential() {
        let rows = (0..<40).map { "| ~~cell~~ \($0) | www.row\($0).example |" }.joined(separator: "\n")
        let corpus = (0..<400).map {
            "# Doc \($0)\n\nVisit www.example\($0).com ~~old~~ and https://x.example/\($0)\n\n| a | b |\n|---|---|\n\(rows)\n\n"
                + String(repeating: "Then ~~struck~~ and www.after.example here.\n\n", count: 20)
        }
        let sequential = corpus.map { renderer.render($0).html }
        let parallel = parallelMap(corpus) { MarkdownRenderer().render($0).html }
        #expect(parallel == sequential)
        #expect(
            sequential.allSatisfy {
                $0.contains("<del>old</del>") && $0.contains("<a href=\"http://www.example") && $0.contains("<td><del>cell</del> 39</td>")
                    && $0.components(separatedBy: "<del>struck</del>").count == 21
            })
    }
}
