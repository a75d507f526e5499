import Testing

@testable import FieldbookTemplates

/// Syntax errors come from the parser with the byte offset of the tag at fault (lines and columns follow from it).
@Suite struct TemplateParserTests {
    func error(_ text: String) -> TemplateSyntaxError? {
        var ids = 0
        do {
            _ = try ParsedTemplate.parse(text, name: "t", path: "t.mustache", blockIDs: &ids)
            return nil
        } catch {
            return error
        }
    }

    @Test func eachSyntaxErrorPointsAtItsTag() {
        #expect(error("a {{#x}}b") == TemplateSyntaxError(message: "'x' is opened here and never closed", offset: 2))
        #expect(error("a {{/x}}") == TemplateSyntaxError(message: "'{{/x}}' closes nothing", offset: 2))
        #expect(error("{{#x}}{{/y}}") == TemplateSyntaxError(message: "'{{/y}}' closes 'x', which is still open", offset: 6))
        #expect(error("ok {{title") == TemplateSyntaxError(message: "unfinished tag", offset: 3))
        #expect(error("{{ }}") == TemplateSyntaxError(message: "a tag without a name", offset: 0))
        #expect(error("{{=<% %> x=}}") == TemplateSyntaxError(message: "invalid set-delimiter tag", offset: 0))
        #expect(error("{{! a comment with }} inside }}") == nil)
    }

    @Test func positionsAreLinesAndColumnsOfTheSource() throws {
        var ids = 0
        let template = try ParsedTemplate.parse("one\n  {{x}}\n", name: "t", path: "t.mustache", blockIDs: &ids)
        guard case .variable(let tag, _) = template.nodes.dropFirst().first else { return #expect(Bool(false), "\(template.nodes)") }
        #expect(template.location(of: tag) == (2, 3))
    }
}
