import FieldbookTestSupport
import Foundation
import Testing

@testable import FieldbookAnalyze
@testable import FieldbookCore
@testable import FieldbookImport
@testable import FieldbookLoad
@testable import FieldbookModel
@testable import FieldbookRender

/// Known script-injection vectors (OWASP cheat-sheet style) pushed through every field that reaches a page, an
/// attribute, a chart, the search index, the feed or the API.
@Suite struct HostileInputTests {
    static let vectors = [
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "javascript:alert(1)",
        "' onmouseover='alert(1)", "</title><script>alert(1)</script>", "<iframe src=\"javascript:alert(1)\"></iframe>",
        "</script><script>alert(1)</script>", "<a href=\"jav&#x09;ascript:alert(1)\">x</a>", "{{7*7}}{{{html}}}", "\u{2028}<b onclick=alert(1)>",
        // A quote with a combining mark is one Character in Swift but a plain quote to a browser: escaping by Character
        // would let it close an attribute.
        "\"\u{301} onmouseover=alert(1) x=\u{301}\"", "<\u{301}img src=x onerror=alert(1)>",
    ]

    /// A string holding every vector, for a field.
    static func all(_ prefix: String) -> String { prefix + " " + vectors.joined(separator: " ") }

    static func json(_ text: String) -> String { JSONOutput.quoted(text) }

    static let portal: RenderedPortal = {
        let body = vectors.map { vector in
            """
            \(vector)

            [link](javascript:alert(1)) [ref][r] <javascript:alert(1)> ![img](javascript:alert(1)) [data](data:text/html,x)

            [r]: javascript:alert(1)
            """
        }.joined(separator: "\n\n")
        let files: [String: String] = [
            "fieldbook.json":
                "{\"title\": \(json(all("Portal"))), \"asOf\": \"2024-05-15\", \"dashboard\": {\"cards\": [\"revenue\", \"calls\"]}, \"pipeline\": {\"stages\": {\(json(all("Stage"))): 0.5}}}",
            "content/training/a/index.md": "{\"title\": \(json(all("Course")))}\n[lesson](01-x.md)\n",
            "content/training/a/01-x.md":
                "{\"title\": \(json(all("Lesson"))), \"description\": \(json(all("Description"))), \"tags\": \(Self.tags), \"owner\": \(json(all("Owner"))), \"updated\": \"2024-05-01\", \"kpis\": [\"revenue\"]}\n"
                + "## \(vectors[0]) heading\n\n" + body + "\n",
            "content/playbooks/north/p.md": "{\"title\": \(json(all("Playbook")))}\n[back](../../training/a/01-x.md)\n",
            "content/data/team.json":
                "{\"regions\": [{\"id\": \"north\", \"name\": \(json(all("Region")))}], \"managers\": [{\"id\": \"mia\", \"name\": \(json(all("Manager")))}],"
                + " \"reps\": [{\"id\": \"ann\", \"name\": \(json(all("Ann"))), \"region\": \"north\", \"manager\": \"mia\", \"title\": \(json(all("Title")))}]}",
            "content/data/deals.json":
                "[{\"id\": \(json(all("D1"))), \"rep\": \"ann\", \"account\": \(json(all("Account"))), \"product\": \(json(all("Product"))), \"stage\": \"won\", \"amount\": 5, \"closed\": \"2024-05-10\"},"
                + " {\"id\": \"d2\", \"rep\": \"ann\", \"account\": \(json(all("Open"))), \"stage\": \(json(all("Stage"))), \"amount\": 7}]",
            "content/data/kpis.json": "[{\"id\": \"calls\", \"label\": \(json(all("Calls")))}]",
            "content/data/metrics.json": "[{\"rep\": \"ann\", \"period\": \"2024-05\", \"calls\": 3}]",
            "content/data/targets.json": "[{\"rep\": \"ann\", \"period\": \"2024-Q2\", \"revenue\": 100}]",
        ]
        return renderPortal(files)
    }()

    static var tags: String { "[" + vectors.prefix(4).map { json($0) }.joined(separator: ", ") + "]" }

    @Test func hostileRelativeLinksAreBrokenLinks() {
        let portal = renderPortal(["content/training/a/01-x.md": "[x](%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E)\n[y](../../../../etc/passwd)\n"])
        #expect(portal.files.isEmpty)
        #expect(
            portal.messages == [
                #"content/training/a/01-x.md:1:1: error: broken link: content/training/a/"><img src=x onerror=alert(1)> does not exist"#,
                #"content/training/a/01-x.md:2:1: error: link "../../../../etc/passwd" points outside the portal"#,
            ])
    }

    @Test func theHostilePortalBuilds() {
        #expect(!Self.portal.diagnostics.hasErrors, "\(Self.portal.messages)")
        #expect(Self.portal.files.count > 20)
    }

    @Test func noScriptReachesAnyPage() throws {
        let ourScripts = /<script src="\/assets\/(fieldbook|search)\.js" defer><\/script>/
        // An event-handler attribute: an `on…=` name inside a tag, outside any quoted value.
        let handler = /<[a-zA-Z][^>]*\s[oO][nN][a-zA-Z]+\s*=/
        let scriptURL = /(href|src|action)\s*=\s*"\s*(javascript|vbscript|data:text)/
        for file in Self.portal.files where file.path.hasSuffix(".html") {
            let html = String(decoding: file.bytes, as: UTF8.self).replacing(ourScripts, with: "")
            let tagsOnly = html.replacing(/"[^"]*"/, with: "\"\"")
            #expect(!html.lowercased().contains("<script"), "\(file.path)")
            #expect(!html.lowercased().contains("<iframe"), "\(file.path)")
            #expect(!html.lowercased().contains("<svg onload"), "\(file.path)")
            #expect(tagsOnly.firstMatch(of: handler) == nil, "\(file.path): \(String(describing: tagsOnly.firstMatch(of: handler)?.output))")
            #expect(html.lowercased().firstMatch(of: scriptURL) == nil, "\(file.path)")
        }
    }

    @Test func combiningMarksCannotHideMarkupCharacters() {
        for file in Self.portal.files where file.path.hasSuffix(".html") || file.path.hasSuffix(".xml") {
            let scalars = Array(String(decoding: file.bytes, as: UTF8.self).unicodeScalars)
            let hidden = zip(scalars, scalars.dropFirst()).filter { "\"'<>".unicodeScalars.contains($0.0) && $0.1 == "\u{301}" }
            #expect(hidden.isEmpty, "\(file.path): a raw \(hidden.first.map { String($0.0) } ?? "") carried a combining mark through")
        }
    }

    @Test func scriptsAndDataFilesCannotBeBrokenOutOf() {
        for file in Self.portal.files where file.path.hasSuffix(".js") || file.path.hasSuffix(".json") {
            let text = String(decoding: file.bytes, as: UTF8.self)
            #expect(!text.contains("<"), "\(file.path) holds a raw '<'")
            #expect(!text.contains("\u{2028}"), "\(file.path) holds a raw line separator")
        }
        // XML (feed, sitemap) escapes markup; the CSV is no HTML context (spreadsheet formulas are defused instead).
        for file in Self.portal.files where file.path.hasSuffix(".xml") {
            #expect(!String(decoding: file.bytes, as: UTF8.self).lowercased().contains("<script"), "\(file.path)")
        }
    }

    @Test func valuesStayVisibleAsText() throws {
        let scorecard = try #require(Self.portal.page("reps/ann/index.html"))
        #expect(scorecard.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))  // escaped, not dropped
        let lesson = try #require(Self.portal.page("library/training/a/x/index.html"))
        #expect(lesson.contains("{{7*7}}"))  // data is never evaluated as a template
    }
}
