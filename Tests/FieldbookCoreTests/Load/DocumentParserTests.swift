import Testing

@testable import FieldbookAnalyze
@testable import FieldbookIncremental
@testable import FieldbookLoad
@testable import FieldbookModel
@testable import FieldbookRender

@Suite struct DocumentParserTests {
    private func parse(_ text: String, path: String = "content/training/a/01-x.md") -> (SourceDocument?, [String]) {
        let (document, diagnostics) = DocumentParser.parse(Array(text.utf8), path: path)
        return (document, diagnostics.map(\.description))
    }

    @Test func readsEveryKnownKey() throws {
        let (document, messages) = parse(
            """
            {"title": "First call", "description": "How to open", "tags": ["discovery", "客户"], "owner": "mia",
             "updated": "2026-02-28", "draft": true, "order": 3, "kpis": ["win_rate"], "region": "emea"}
            # Body
            """)
        #expect(messages == [])
        let front = try #require(document).frontMatter
        #expect(front.title == "First call")
        #expect(front.description == "How to open")
        #expect(front.tags == ["discovery", "客户"])
        #expect(front.owner == "mia")
        #expect(front.updated == Day("2026-02-28"))
        #expect(front.draft)
        #expect(front.order == 3)
        #expect(front.kpis == ["win_rate"])
        #expect(front.region == "emea")
    }

    /// YAML front matter would render as a rule and a heading of its text: an error whose hint is the same as JSON.
    @Test func yamlFrontMatterIsAnErrorWithItsJSON() {
        let (document, diagnostics) = DocumentParser.parse(
            Array("---\ntitle: Renewals\ntags: [pricing, 'renewal']\ndraft: false\n---\n\n# Body\n".utf8), path: "content/p.md")
        #expect(document == nil)
        #expect(
            diagnostics.map(\.description) == [
                #"content/p.md:1:1: error: front matter in YAML (between --- lines) is not read; write it as a JSON object on the first line instead of lines 1-5: {"title": "Renewals", "tags": ["pricing", "renewal"], "draft": false}"#
            ])
        let nested = DocumentParser.parse(Array("---\nauthor:\n  name: A\n---\nText\n".utf8), path: "content/p.md").1
        #expect(nested.first?.message.hasSuffix(#"on the first line, e.g. {"title": "…", "tags": ["…"]}"#) == true)
        // A rule with no second --- line, or rules around a paragraph, are Markdown, not front matter.
        #expect(DocumentParser.parse(Array("---\n\nText\n".utf8), path: "content/p.md").1 == [])
        #expect(DocumentParser.parse(Array("---\nThe plan: call first.\n\n---\nMore\n".utf8), path: "content/p.md").1 == [])
        // The opening line is found byte by byte: `---` with spaces, tabs or a carriage return around it, nothing else.
        for text in ["---\na: b\n", "  ---\t\r\na: b\n", "---"] { #expect(YAMLFrontMatter.opensWithRule(text), "\(text)") }
        for text in ["--\na: b\n", "----\n", "- --\n", "{\"title\": \"A\"}\n---\n", "--- x\n", ""] {
            #expect(!YAMLFrontMatter.opensWithRule(text), "\(text)")
        }
    }

    /// Other tools' keys are read as Fieldbook's; custom values are kept for templates; unknown keys are named (the
    /// checker reports each once for the portal), never warned about per document.
    @Test func aliasesParamsAndUnknownKeys() throws {
        let text =
            #"{"date": "2024-01-05T10:00:00Z", "author": "Mia", "weight": 3, "topic": "renewals", "period": 2024, "#
            + #""params": {"level": "advanced", "topic": "pricing", "regions": ["apac", "emea"], "featured": false}}"# + "\n# X\n"
        let (document, diagnostics) = DocumentParser.parse(Array(text.utf8), path: "content/a.md")
        #expect(diagnostics == [])
        let front = try #require(document?.frontMatter)
        #expect(front.updated == Day("2024-01-05") && front.owner == "Mia" && front.order == 3)
        #expect(front.unknownKeys == ["topic", "period"])
        #expect(
            front.params.map { "\($0.key)=\($0.value)" } == [
                "featured=false", "level=advanced", "period=2024", "regions=apac, emea", "topic=pricing",
            ])  // params wins
        let featured = ParamsView(values: front.params).templateValue[field: "featured"]
        guard case .flag(let flag) = featured else { return #expect(Bool(false), "featured is \(String(describing: featured))") }
        #expect(flag == false)  // false stays false for sections
    }

    @Test func keepsLineNumbersOfTheBody() throws {
        let (document, _) = parse("{\n\"title\": \"x\"\n}\n# Heading\n")
        #expect(try #require(document).markdown == "\n\n\n# Heading\n")
    }

    @Test func documentsWithoutFrontMatterAreFine() throws {
        let (document, messages) = parse("# Just Markdown\n\nText {not front matter}\n")
        #expect(messages == [])
        #expect(try #require(document).frontMatter == FrontMatter())
    }

    @Test(arguments: [
        ("{\"title\": \"x\",}\n", "content/training/a/01-x.md:1:15: error: front matter: trailing comma before '}'"),
        ("{\"title\": 3}\n", "content/training/a/01-x.md:1:11: error: 'title' must be a string, not a number"),
        (
            "{\"updated\": \"2017-02-30\"}\n",
            "content/training/a/01-x.md:1:13: error: 'updated' must be a real date written YYYY-MM-DD, not \"2017-02-30\""
        ),
        ("{\"title\": \"x\"} # trailing\n", "content/training/a/01-x.md:1:16: error: front matter must end at the end of a line"),
        (
            "{\"params\": {\"a\": {\"b\": 1}}}\n",
            "content/training/a/01-x.md:1:18: error: 'params.a' must be text, a number, true or false, or a list of text"
        ),
        ("{\"order\": 1.5}\n", "content/training/a/01-x.md:1:11: error: 'order' must be a whole number"),
        ("{\"tags\": [\"a\", 2]}\n", "content/training/a/01-x.md:1:16: error: 'tags' must contain only strings"),
    ])
    func reportsProblemsAtTheirPosition(text: String, expected: String) {
        #expect(parse(text).1 == [expected])
    }

    @Test func handlesByteOrderMarkAndCRLF() throws {
        let (document, messages) = parse("\u{FEFF}{\"title\": \"x\"}\r\n# A\r\nb\r\n")
        #expect(messages == [])
        #expect(try #require(document).markdown == "\n# A\nb\n")
    }

    @Test func rejectsInvalidUTF8WithItsPosition() {
        let bytes: [UInt8] = Array("ok\nab".utf8) + [0xC3, 0x28]
        let (document, diagnostics) = DocumentParser.parse(bytes, path: "content/x.md")
        #expect(document == nil)
        #expect(diagnostics.map(\.description) == ["content/x.md:2:3: error: file is not valid UTF-8"])
    }
}
