import Testing

@testable import FieldbookTemplates

/// Compiling against typed views: names resolve to accessors or fail at their tag; what the spec leaves open is
/// rendered as Fieldbook's earlier engine did.
@Suite struct TemplateCompilerTests {
    struct Row: TemplateViewModel {
        var name: String
        var note: String?
        static let templateSchema = TemplateSchema(Self.self, ["name": .value(\.name), "note": .value(\.note)])
    }

    struct Page: TemplateViewModel {
        var title: String
        var rows: [Row]
        var header: Header
        static let templateSchema = TemplateSchema(
            Self.self, ["title": .value(\.title), "rows": .value(\.rows), "hasRows": .value { !$0.rows.isEmpty }],
            including: [TemplateField.lifting(Header.fields, from: \.header)])
    }

    struct Header {
        var subtitle: String
        static let fields: [String: TemplateField<Header>] = ["subtitle": .value(\.subtitle)]
    }

    let page = Page(title: "Q3 <review>", rows: [Row(name: "Ann", note: nil), Row(name: "Bo", note: "new")], header: Header(subtitle: "EMEA"))

    func render(_ templates: [String: String], _ main: String = "main") throws -> Result<String, TemplateProblems> {
        var ids = 0
        var parsed: [String: ParsedTemplate] = [:]
        for (name, text) in templates { parsed[name] = try ParsedTemplate.parse(text, name: name, path: "\(name).mustache", blockIDs: &ids) }
        return TemplateLibrary(parsed).compile(main, context: [Page.templateSchema]).map { compiled in
            var output: [UInt8] = []
            compiled.render([page.templateValue], into: &output)
            return String(decoding: output, as: UTF8.self)
        }
    }

    @Test func namesBecomeFieldsOfTheViewAndItsParts() throws {
        let text = try render(["main": "<h1>{{title}}</h1> {{subtitle}}{{#rows}} {{name}}{{#note}} ({{note}}){{/note}} in {{title}}{{/rows}}"]).get()
        #expect(text == "<h1>Q3 &lt;review&gt;</h1> EMEA Ann in Q3 &lt;review&gt; Bo (new) in Q3 &lt;review&gt;")
    }

    @Test func anUnknownNameFailsAtItsTagBeforeAnythingRenders() throws {
        guard case .failure(let problems) = try render(["main": "<h1>{{title}}</h1>\n{{#rows}}\n  {{nme}} {{rows.name}}\n{{/rows}}"]) else {
            Issue.record("compiled")
            return
        }
        #expect(
            problems.list.map { "\($0.path):\($0.line):\($0.column) \($0.kind)" } == [
                "main.mustache:3:3 unknownName(\"nme\", suggestion: Optional(\"name\"))",
                "main.mustache:3:11 unknownName(\"rows.name\", suggestion: nil)",
            ])
    }

    @Test func aListUsedAsTextIsAnError() throws {
        guard case .failure(let problems) = try render(["main": "{{rows}}"]) else {
            Issue.record("compiled")
            return
        }
        #expect(problems.list.map(\.kind) == [.notText("rows")])
    }

    @Test func aMissingPartialIsAnErrorAndADeepRecursionStops() throws {
        guard case .failure(let missing) = try render(["main": "{{>nowhere}}"]) else {
            Issue.record("compiled")
            return
        }
        #expect(missing.list.map(\.kind) == [.missingTemplate("nowhere")])
        // A partial that includes itself with the same context compiles once and refers to itself.
        let recursive = try render(["main": "{{#hasRows}}{{>self}}{{/hasRows}}", "self": "{{title}}{{^hasRows}}{{>self}}{{/hasRows}}"]).get()
        #expect(recursive == "Q3 &lt;review&gt;")
        // One that pushes a new frame each time it includes itself would expand forever: it stops, with an error.
        guard case .failure(let deep) = try render(["main": "{{>p}}", "p": "{{#rows}}{{>p}}{{/rows}}"]) else {
            Issue.record("compiled")
            return
        }
        #expect(deep.list.map(\.kind) == [.tooDeep("p")])
    }

    /// As swift-mustache indented: after each newline inside text, and before each of the partial's top-level pieces
    /// that starts a line; a section's later items start where its text left them.
    @Test func standalonePartialsIndentAsTheEarlierEngineDid() throws {
        let text = try render(["main": "<ul>\n  {{>rows}}\n</ul>\n", "rows": "{{#rows}}\n<li>{{name}}</li>\n{{/rows}}\n"]).get()
        #expect(text == "<ul>\n  <li>Ann</li>\n<li>Bo</li>\n</ul>\n")
    }

    @Test func transformsOfTheEarlierEngineWork() throws {
        #expect(try render(["main": "{{uppercased(subtitle)}} {{lowercased(title)}}"]).get() == "EMEA q3 &lt;review&gt;")
        guard case .failure(let problems) = try render(["main": "{{reversed(title)}}"]) else {
            Issue.record("compiled")
            return
        }
        #expect(problems.list.map(\.kind) == [.unknownTransform("reversed(title)")])
    }
}

/// Numbers are written onto the page digit by digit (`Int.appendTemplateText`), as `String(number)` spells them.
@Suite struct TemplateNumberTests {
    @Test(arguments: [0, 7, -7, 10, 1_234_567, -1_000, Int.max, Int.min])
    func aNumberIsWrittenAsItsDecimalText(number: Int) {
        var output: [UInt8] = Array("x".utf8)
        number.appendTemplateText(to: &output, escaped: true)
        #expect(String(decoding: output, as: UTF8.self) == "x" + String(number))
        var optional: [UInt8] = []
        Int?.none.appendTemplateText(to: &optional, escaped: false)
        #expect(optional.isEmpty)
    }
}
